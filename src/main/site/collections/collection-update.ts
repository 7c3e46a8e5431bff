import type { z } from 'zod';
import type { DeviceCollection, collectionsMethods } from '../../../shared/contract/collections';
import { SiteError } from '../../../shared/errors';
import { writeAudit } from '../audit/audit-entry';
import type { StatusMessages } from '../status/status-messages';
import { evaluateAllClients, loadDefinitions, refreshCollection } from './collection-membership';
import { readCollection, type CollectionServices } from './device-collections';

type UpdateInput = z.output<(typeof collectionsMethods)['collections.update']['input']>;

/**
 * Collection Properties > General (Set-CMCollection). Built-in collections keep what the site
 * gave them; a new limiting collection that would make the collection depend on itself is
 * refused, and a limiting change re-evaluates members in the same transaction.
 */
export async function updateCollection(
  services: CollectionServices,
  input: UpdateInput,
  user: string,
): Promise<DeviceCollection> {
  const now = services.clock.now().toISOString();
  await services.site.db.transaction().execute(async (trx) => {
    const target = await readCollection(trx, input.id);
    if (target.isBuiltIn)
      throw new SiteError(
        'refused',
        `${target.name} is a built-in collection; its name, comment, limiting collection and schedule are set by the site.`,
      );
    if (input.name !== undefined && input.name.toLowerCase() !== target.name.toLowerCase()) {
      const clash = await trx
        .selectFrom('collection')
        .select('id')
        .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name!.toLowerCase()))
        .where('id', '!=', input.id)
        .executeTakeFirst();
      if (clash)
        throw new SiteError(
          'conflict',
          `name: a device collection named "${input.name}" already exists; choose another name.`,
        );
    }
    if (input.limitingCollectionId === input.id)
      throw new SiteError(
        'refused',
        `limitingCollectionId: ${target.name} cannot be its own limiting collection.`,
      );
    const limiting =
      input.limitingCollectionId === undefined
        ? null
        : await readCollection(trx, input.limitingCollectionId).catch(() => {
            throw new SiteError(
              'not-found',
              `limitingCollectionId: device collection ${input.limitingCollectionId} does not exist.`,
            );
          });
    await trx
      .updateTable('collection')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.comment !== undefined && { comment: input.comment }),
        ...(limiting && { limiting_collection_id: limiting.id }),
        ...(input.refreshEveryDays !== undefined && { refresh_every_days: input.refreshEveryDays }),
      })
      .where('id', '=', input.id)
      .execute();
    if (limiting && limiting.collectionId !== target.limitingCollectionId) {
      try {
        await loadDefinitions(trx);
      } catch (error) {
        throw new SiteError(
          'refused',
          `limitingCollectionId: limiting ${target.name} to ${limiting.name} would make it depend on itself (${(error as Error).message}).`,
        );
      }
      await evaluateAllClients(trx, now);
    }
    const { id: _id, ...changes } = input;
    await writeAudit(trx, {
      time: now,
      user,
      action: 'Modify device collection',
      objectType: 'Collection',
      object: { id: target.id, name: input.name ?? target.name },
      details: changes,
    });
  });
  services.events.publish({ type: 'data.changed', topics: ['collections', 'devices'] });
  return readCollection(services.site.db, input.id);
}

/** Patchbay's ids: the spec lists none for the collection evaluator (colleval.log). */
export const collectionMessageIds = { membershipUpdated: 2510 } as const;

/**
 * Update Membership (Invoke-CMCollectionUpdate) or the collection's full update schedule: a
 * full evaluation in one transaction, then a status message saying how many members moved.
 */
export async function updateMembership(
  services: CollectionServices & { statusMessages: StatusMessages },
  id: number,
  trigger: 'manual' | 'schedule',
) {
  const now = services.clock.now().toISOString();
  const counts = await services.site.db.transaction().execute(async (trx) => {
    await readCollection(trx, id);
    return refreshCollection(trx, id, now);
  });
  const collection = await readCollection(services.site.db, id);
  await services.statusMessages.raise({
    component: 'SMS_COLLECTION_EVALUATOR',
    messageId: collectionMessageIds.membershipUpdated,
    severity: 'Informational',
    message: `${trigger === 'manual' ? 'Update Membership' : 'The scheduled full update'} of collection "${collection.name}" (${collection.collectionId}) added ${counts.added} and removed ${counts.removed} member(s); it has ${collection.memberCount}.`,
    insertionStrings: [
      collection.collectionId,
      String(counts.added),
      String(counts.removed),
      String(collection.memberCount),
    ],
  });
  if (counts.added + counts.removed > 0)
    services.events.publish({ type: 'data.changed', topics: ['collections', 'devices'] });
  return { collection, ...counts };
}
