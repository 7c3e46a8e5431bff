import { SiteError } from '../../../shared/errors';
import type { SiteDatabase } from '../db/open-database';

/**
 * Collection limiting (spec §13.2): the collections an account may deploy to. None listed means
 * every collection, so an account made before limiting existed keeps what it had.
 */
export class AccountCollections {
  constructor(private readonly site: SiteDatabase) {}

  /** Database ids of the account's collections; empty when the account is not limited. */
  async of(accountId: number): Promise<number[]> {
    const rows = await this.site.read
      .selectFrom('account_collection')
      .select('collection_id')
      .where('account_id', '=', accountId)
      .orderBy('collection_id')
      .execute();
    return rows.map((row) => Number(row.collection_id));
  }

  /** Collection names as the admin gives them, e.g. "All Workstations"; matched exactly. */
  async idsNamed(names: readonly string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const name of names) {
      const row = await this.site.read
        .selectFrom('collection')
        .select('id')
        .where('name', '=', name.trim())
        .executeTakeFirst();
      if (!row) throw new SiteError('not-found', `There is no collection named "${name}".`);
      ids.push(Number(row.id));
    }
    return ids;
  }

  /** Replaces the account's list; an empty list lifts the limit. */
  async set(accountId: number, collectionIds: readonly number[]): Promise<void> {
    await this.site.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('account_collection').where('account_id', '=', accountId).execute();
      for (const collectionId of new Set(collectionIds)) {
        await trx
          .insertInto('account_collection')
          .values({ account_id: accountId, collection_id: collectionId })
          .execute();
      }
    });
  }
}
