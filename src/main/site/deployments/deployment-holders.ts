import type { Kysely } from 'kysely';
import type { SiteSchema } from '../db/schema-types';

/**
 * The deployments that keep a collection or a group from being deleted, named in the refusal
 * ("deployments "Pilot ring" and "Patch Tuesday"; delete them first"), or null when none does.
 */
export async function deploymentsHolding(
  trx: Kysely<SiteSchema>,
  column: 'collection_id' | 'group_id',
  ids: number[],
): Promise<{ holderId: number; sentence: string } | null> {
  const rows = await trx
    .selectFrom('deployment')
    .select(['name', column])
    .where(column, 'in', ids)
    .orderBy(column)
    .orderBy('name')
    .execute();
  const holderId = rows[0]?.[column];
  if (holderId == null) return null;
  const names = rows.filter((row) => row[column] === holderId).map((row) => `"${row.name}"`);
  const shown = names.length > 3 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  const list =
    shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
  return {
    holderId,
    sentence: `${names.length === 1 ? 'deployment' : 'deployments'} ${list}; delete ${names.length === 1 ? 'it' : 'them'} first`,
  };
}
