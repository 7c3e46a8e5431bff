import type { DeviceCollection, MaintenanceWindow } from '../../shared/contract/collections';
import type { ConsoleServices } from '../stores/console-services';

/** A row of Device Collections: the site's collection with the names the console shows beside it. */
export interface CollectionRow extends DeviceCollection {
  readonly limitingCollectionName: string;
  readonly maintenanceWindowCount: number;
}

/**
 * Reads Device Collections whole: a site has tens of collections, not thousands, and the
 * limiting collection's name and the window count come from the same reads.
 */
export async function readCollectionRows(
  services: Pick<ConsoleServices, 'api'>,
): Promise<CollectionRow[]> {
  const [collections, windows] = await Promise.all([
    services.api.call('collections.list', {}),
    services.api.call('maintenanceWindows.list', {}),
  ]);
  const nameOf = new Map(collections.map((c) => [c.collectionId, c.name]));
  const windowCount = new Map<number, number>();
  for (const window of windows as MaintenanceWindow[])
    windowCount.set(window.collectionId, (windowCount.get(window.collectionId) ?? 0) + 1);
  return collections.map((collection) => ({
    ...collection,
    limitingCollectionName: collection.limitingCollectionId
      ? (nameOf.get(collection.limitingCollectionId) ?? collection.limitingCollectionId)
      : '',
    maintenanceWindowCount: windowCount.get(collection.id) ?? 0,
  }));
}
