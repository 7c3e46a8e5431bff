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
