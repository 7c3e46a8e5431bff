import type { Kysely } from 'kysely';
import type { SiteSchema } from '../db/schema-types';

/** Rows per statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const batchSize = 500;

export function* batches<T>(items: T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += batchSize)
    yield items.slice(start, start + batchSize);
}

async function membersAmong(
  trx: Kysely<SiteSchema>,
  groupId: number,
  ciIds: number[],
): Promise<Set<number>> {
  const held = new Set<number>();
  for (const batch of batches(ciIds)) {
    const rows = await trx
      .selectFrom('software_update_group_member')
      .select('ci_id')
      .where('group_id', '=', groupId)
      .where('ci_id', 'in', batch)
      .execute();
    for (const row of rows) held.add(row.ci_id);
  }
  return held;
}

/** Adds the updates the group does not hold yet; returns those it added. */
export async function addMembers(
  trx: Kysely<SiteSchema>,
  groupId: number,
  ciIds: number[],
  now: string,
): Promise<number[]> {
  if (ciIds.length === 0) return [];
  const held = await membersAmong(trx, groupId, ciIds);
  const added = ciIds.filter((id) => !held.has(id));
  for (const batch of batches(added)) {
    await trx
      .insertInto('software_update_group_member')
      .values(batch.map((ci) => ({ group_id: groupId, ci_id: ci, added_at: now })))
      .execute();
  }
  return added;
}

/** Removes the updates the group holds; returns those it removed. */
export async function removeMembers(
  trx: Kysely<SiteSchema>,
  groupId: number,
  ciIds: number[],
): Promise<number[]> {
  if (ciIds.length === 0) return [];
  const held = await membersAmong(trx, groupId, ciIds);
  const removed = ciIds.filter((id) => held.has(id));
  for (const batch of batches(removed)) {
    await trx
      .deleteFrom('software_update_group_member')
      .where('group_id', '=', groupId)
      .where('ci_id', 'in', batch)
      .execute();
  }
  return removed;
}

export async function countMembers(trx: Kysely<SiteSchema>, groupId: number): Promise<number> {
  const row = await trx
    .selectFrom('software_update_group_member')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
