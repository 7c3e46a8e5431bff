import { SiteError } from '../../../shared/errors';
import type { CollectionServices } from './device-collections';
import { deploymentsHolding } from '../deployments/deployment-holders';

/**
 * Remove-CMDeviceCollection, refused in one sentence (and nothing deleted) when the collection is
 * built in, limits another collection, is named by another's include or exclude rule, or has a
 * deployment; otherwise its rules, members and maintenance windows go with it.
 */
export async function deleteCollections(
  services: CollectionServices,
  ids: number[],
): Promise<number> {
  const deleted = await services.site.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('collection')
      .select(['id', 'name', 'is_built_in'])
      .where('id', 'in', ids)
      .execute();
    const missing = ids.filter((id) => !rows.some((row) => row.id === id));
    if (missing.length > 0)
      throw new SiteError('not-found', `No device collection has the id ${missing.join(', ')}.`);
    const builtIn = rows.find((row) => row.is_built_in === 1);
    if (builtIn)
      throw new SiteError(
        'refused',
        `"${builtIn.name}" is a built-in collection and cannot be deleted.`,
      );
    const names = new Map(rows.map((row) => [row.id, row.name]));
    const limited = await trx
      .selectFrom('collection')
      .select(['name', 'limiting_collection_id'])
      .where('limiting_collection_id', 'in', ids)
      .where('id', 'not in', ids)
      .executeTakeFirst();
    if (limited)
      throw new SiteError(
        'refused',
        `"${names.get(limited.limiting_collection_id!)}" is the limiting collection of "${limited.name}"; change or delete that collection first.`,
      );
    const referenced = await trx
      .selectFrom('collection_rule as r')
      .innerJoin('collection as c', 'c.id', 'r.collection_id')
      .select(['c.name', 'r.other_collection_id', 'r.kind'])
      .where('r.other_collection_id', 'in', ids)
      .where('r.collection_id', 'not in', ids)
      .executeTakeFirst();
    if (referenced)
      throw new SiteError(
        'refused',
        `"${names.get(referenced.other_collection_id!)}" is named by an ${referenced.kind} rule of "${referenced.name}"; remove that rule first.`,
      );
    const deployed = await deploymentsHolding(trx, 'collection_id', ids);
    if (deployed)
      throw new SiteError(
        'refused',
        `"${names.get(deployed.holderId)}" is the target of ${deployed.sentence}.`,
      );
    const result = await trx.deleteFrom('collection').where('id', 'in', ids).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
  services.events.publish({ type: 'data.changed', topics: ['collections', 'devices'] });
  return deleted;
}
