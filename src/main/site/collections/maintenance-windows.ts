import type { z } from 'zod';
import type { MaintenanceWindowInput } from '../../../shared/contract/collections';
import { type MaintenanceWindow } from '../../../shared/contract/collections';
import { effectiveUpdateWindows } from '../../../shared/compliance/effective-windows';
import { CustomSchedule } from '../../../shared/schedule/schedule';
import { SiteError } from '../../../shared/errors';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import type { ClientSettingsStore } from './client-settings-store';

type Input = z.output<typeof MaintenanceWindowInput>;

function toWindow(row: {
  id: number;
  collection_id: number;
  collection_name: string;
  name: string;
  schedule: string;
  duration_minutes: number;
  apply_to: string;
  is_enabled: number;
}): MaintenanceWindow {
  return {
    id: row.id,
    collectionId: row.collection_id,
    collectionName: row.collection_name,
    name: row.name,
    schedule: CustomSchedule.parse(JSON.parse(row.schedule)),
    durationMinutes: row.duration_minutes,
    applyTo: row.apply_to as MaintenanceWindow['applyTo'],
    isEnabled: row.is_enabled === 1,
  };
}

function windows(site: SiteDatabase) {
  return site.read
    .selectFrom('maintenance_window as w')
    .innerJoin('collection as c', 'c.id', 'w.collection_id')
    .select([
      'w.id',
      'w.collection_id',
      'c.name as collection_name',
      'w.name',
      'w.schedule',
      'w.duration_minutes',
      'w.apply_to',
      'w.is_enabled',
    ]);
}

export async function listMaintenanceWindows(
  site: SiteDatabase,
  collectionId?: number,
): Promise<MaintenanceWindow[]> {
  let query = windows(site).orderBy('c.name').orderBy('w.name');
  if (collectionId !== undefined) query = query.where('w.collection_id', '=', collectionId);
  return (await query.execute()).map(toWindow);
}

/** New-CMMaintenanceWindow. All Systems cannot carry one (§10.1). */
export async function createMaintenanceWindow(
  site: SiteDatabase,
  events: SiteEvents,
  input: Input,
): Promise<MaintenanceWindow> {
  const collection = await site.db
    .selectFrom('collection')
    .select(['id', 'collection_id', 'name'])
    .where('id', '=', input.collectionId)
    .executeTakeFirst();
  if (!collection)
    throw new SiteError(
      'not-found',
      `collectionId: device collection ${input.collectionId} does not exist.`,
    );
  if (collection.collection_id === 'SMS00001')
    throw new SiteError(
      'refused',
      'collectionId: All Systems cannot have maintenance windows; set them on another collection.',
    );
  const row = await site.db
    .insertInto('maintenance_window')
    .values({
      collection_id: input.collectionId,
      name: input.name,
      schedule: JSON.stringify(input.schedule),
      duration_minutes: input.durationMinutes,
      is_utc: input.schedule.isUtc ? 1 : 0,
      is_enabled: input.isEnabled ? 1 : 0,
      apply_to: input.applyTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  events.publish({ type: 'data.changed', topics: ['collections', 'maintenanceWindows'] });
  return toWindow({
    id: row.id,
    collection_id: collection.id,
    collection_name: collection.name,
    name: input.name,
    schedule: JSON.stringify(input.schedule),
    duration_minutes: input.durationMinutes,
    apply_to: input.applyTo,
    is_enabled: input.isEnabled ? 1 : 0,
  });
}

export async function deleteMaintenanceWindow(site: SiteDatabase, events: SiteEvents, id: number) {
  const deleted = await site.db
    .deleteFrom('maintenance_window')
    .where('id', '=', id)
    .executeTakeFirst();
  const count = Number(deleted.numDeletedRows);
  if (count === 0) throw new SiteError('not-found', `id: maintenance window ${id} does not exist.`);
  events.publish({ type: 'data.changed', topics: ['collections', 'maintenanceWindows'] });
  return { deleted: count };
}

/**
 * The calendar ConfigMgr cannot show: a device's effective software-update windows, merged
 * across every collection it is in, with the client setting that lets "All deployments"
 * windows count too. Local-time windows are read in UTC (the device's offset is not known yet).
 */
export async function effectiveWindowsOf(
  site: SiteDatabase,
  settings: ClientSettingsStore,
  clientId: number,
  from: Date,
  to: Date,
) {
  if (to <= from) throw new SiteError('invalid-input', 'to: the range must end after it starts.');
  if (to.getTime() - from.getTime() > 366 * 86_400_000)
    throw new SiteError('invalid-input', 'to: the range is at most a year.');
  const rows = await windows(site)
    .innerJoin('collection_member as m', 'm.collection_id', 'w.collection_id')
    .where('m.client_id', '=', clientId)
    .execute();
  const { isAllDeploymentsWindowAllowedForUpdates } = await settings.effectiveFor(clientId);
  return effectiveUpdateWindows(rows.map(toWindow), from, to, {
    isAllDeploymentsWindowAllowed: isAllDeploymentsWindowAllowedForUpdates,
  }).map((span) => ({ start: span.start.toISOString(), end: span.end.toISOString() }));
}
