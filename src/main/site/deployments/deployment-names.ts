import { sql, type Kysely } from 'kysely';
import { DeploymentName } from '../../../shared/contract/deployments';
import type { SiteSchema } from '../db/schema-types';
import { fieldError } from './field-error';

/**
 * Why a deployment name cannot be used, or null (§7.1): required, at most 256 characters and
 * unique in the site without regard to case, as the console's case-insensitive collation has it.
 */
export async function deploymentNameProblem(
  db: Kysely<SiteSchema>,
  name: string,
  excludeId: number | null,
): Promise<{ code: 'invalid-input' | 'conflict'; message: string } | null> {
  const parsed = DeploymentName.safeParse(name);
  if (!parsed.success) return { code: 'invalid-input', message: parsed.error.issues[0]!.message };
  let query = db
    .selectFrom('deployment')
    .select('id')
    .where(sql<boolean>`lower(name) = ${parsed.data.toLowerCase()}`);
  if (excludeId !== null) query = query.where('id', '<>', excludeId);
  if (await query.executeTakeFirst())
    return {
      code: 'conflict',
      message: `a deployment named "${parsed.data}" already exists; choose another name`,
    };
  return null;
}

export async function checkDeploymentName(
  db: Kysely<SiteSchema>,
  name: string,
  excludeId: number | null,
  path: string[],
): Promise<void> {
  const problem = await deploymentNameProblem(db, name, excludeId);
  if (problem) throw fieldError(problem.code, [{ path, message: problem.message }]);
}

/** Two consoles creating the same name at once: the second meets the UNIQUE constraint. */
export function asDeploymentNameConflict(error: unknown, name: string, path: string[]): unknown {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  const isUnique = code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  return isUnique && /deployment[._]name\b|deployment_name_key/.test(message)
    ? fieldError('conflict', [
        { path, message: `a deployment named "${name}" already exists; choose another name` },
      ])
    : error;
}
