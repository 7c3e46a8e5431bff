import type { Kysely, Transaction } from 'kysely';
import type { SiteSchema } from '../db/schema-types';

type Db = Kysely<SiteSchema> | Transaction<SiteSchema>;

/** Small named values of the site (catalog version, pending full sync, last schedule run). */
export async function readSetting<T>(db: Db, key: string, fallback: T): Promise<T> {
  const row = await db
    .selectFrom('site_setting')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export async function writeSetting(
  db: Db,
  key: string,
  value: unknown,
  now: string,
): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('site_setting')
    .values({ key, value: text, modified_at: now })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: text, modified_at: now }))
    .execute();
}

/**
 * Moves a setting from the value read (null: absent) to the next one, only if no one moved it
 * first; true when this caller won. Schedulers in several site processes sharing one database use
 * it so only one of them acts on a due occurrence.
 */
export async function claimSetting(
  db: Db,
  key: string,
  expected: unknown,
  next: unknown,
  now: string,
): Promise<boolean> {
  const value = JSON.stringify(next);
  if (expected === null) {
    const inserted = await db
      .insertInto('site_setting')
      .values({ key, value, modified_at: now })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await db
    .updateTable('site_setting')
    .set({ value, modified_at: now })
    .where('key', '=', key)
    .where('value', '=', JSON.stringify(expected))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
