import { sql, type Kysely } from 'kysely';
import { SiteError } from '../../../shared/errors';
import type { SiteSchema } from '../db/schema-types';

function nameTaken(name: string): SiteError {
  return new SiteError(
    'conflict',
    `name: a software update group named "${name}" already exists; choose another name.`,
  );
}

/**
 * Names are unique without regard to case, as in the ConfigMgr console (its database collation
 * is case-insensitive); the column's UNIQUE constraint alone would let "Pilot" and "pilot" in.
 */
export async function checkNameFree(
  trx: Kysely<SiteSchema>,
  name: string,
  exceptId: number | null,
): Promise<void> {
  let query = trx
    .selectFrom('software_update_group')
    .select('id')
    .where(sql<boolean>`lower(name) = ${name.toLowerCase()}`);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw nameTaken(name);
}

/** Two consoles creating the same name at once: the second meets the UNIQUE constraint. */
export function asNameConflict(error: unknown, name: string): unknown {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  const isUnique = code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  // SQLite says "software_update_group.name", PostgreSQL "software_update_group_name_key".
  return isUnique && /group[._]name\b|group_name_key/.test(message) ? nameTaken(name) : error;
}
