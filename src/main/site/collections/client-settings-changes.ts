import { sql } from 'kysely';
import type { z } from 'zod';
import type { ConfiguredClientSettings } from '../../../shared/compliance/client-settings';
import {
  SoftwareUpdateClientSettings,
  restartConflicts,
} from '../../../shared/compliance/client-settings';
import type { ClientSettingsObject, clientSettingsMethods } from '../../../shared/contract';
import { SiteError } from '../../../shared/errors';
import { writeAudit } from '../audit/audit-entry';
import type { Clock } from '../clock';
import type { Db } from '../compliance/update-counters';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import { readClientSettingsObject } from './client-settings-store';

type Input<M extends keyof typeof clientSettingsMethods> = z.output<
  (typeof clientSettingsMethods)[M]['input']
>;

export interface ClientSettingsServices {
  site: SiteDatabase;
  clock: Clock;
  events: SiteEvents;
}

const defaultRefusal = (what: string) =>
  new SiteError(
    'refused',
    `The Default Client Settings apply to every client; they cannot ${what}.`,
  );

async function readRow(db: Db, id: number) {
  const row = await db
    .selectFrom('client_settings')
    .select(['id', 'name', 'priority', 'is_default', 'settings'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new SiteError('not-found', `id: client settings ${id} do not exist.`);
  return row;
}

async function assertNameFree(db: Db, name: string, exceptId?: number) {
  let query = db
    .selectFrom('client_settings')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst())
    throw new SiteError(
      'conflict',
      `name: client settings named "${name}" already exist; choose another name.`,
    );
}

function assertConsistent(settings: ConfiguredClientSettings) {
  const [conflict] = restartConflicts(settings);
  if (conflict) throw new SiteError('invalid-input', conflict);
}

/**
 * Puts one custom object at a priority (clamped to 1..count) and renumbers the others 1..n
 * in order, so priorities stay unique and without gaps. Negative numbers carry the new order
 * first: the unique index on priority would refuse a swap done in place.
 */
async function placeAt(db: Db, id: number | null, target: number) {
  const rows = await db
    .selectFrom('client_settings')
    .select('id')
    .where('is_default', '=', 0)
    .orderBy('priority')
    .execute();
  const order = rows.map((row) => row.id).filter((rowId) => rowId !== id);
  if (id !== null) order.splice(Math.max(0, Math.min(target - 1, order.length)), 0, id);
  for (const [index, rowId] of order.entries())
    await db
      .updateTable('client_settings')
      .set({ priority: -(index + 1) })
      .where('id', '=', rowId)
      .execute();
  await db
    .updateTable('client_settings')
    .set({ priority: sql<number>`-priority` })
    .where('priority', '<', 0)
    .execute();
}

async function change<T>(
  services: ClientSettingsServices,
  work: (trx: Db, now: string) => Promise<T>,
): Promise<T> {
  const now = services.clock.now().toISOString();
  const result = await services.site.db.transaction().execute((trx) => work(trx, now));
  services.events.publish({ type: 'data.changed', topics: ['clientSettings'] });
  return result;
}

const audit = (
  trx: Db,
  now: string,
  user: string,
  action: string,
  object: { id: number; name: string },
  details: Record<string, unknown>,
) => writeAudit(trx, { time: now, user, action, objectType: 'ClientSettings', object, details });

/** Create Custom Client Device Settings: the next free priority unless one is asked for. */
export function createClientSettings(
  services: ClientSettingsServices,
  input: Input<'clientSettings.create'>,
  user: string,
): Promise<ClientSettingsObject> {
  return change(services, async (trx, now) => {
    await assertNameFree(trx, input.name);
    assertConsistent(input.settings);
    const last = await trx
      .selectFrom('client_settings')
      .select((eb) => eb.fn.max('priority').as('priority'))
      .where('is_default', '=', 0)
      .executeTakeFirst();
    const next = Number(last?.priority ?? 0) + 1;
    const inserted = await trx
      .insertInto('client_settings')
      .values({
        name: input.name,
        description: input.description,
        priority: next,
        is_default: 0,
        settings: JSON.stringify(input.settings),
        modified_at: now,
        modified_by: user,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.priority !== undefined && input.priority < next)
      await placeAt(trx, inserted.id, input.priority);
    await audit(
      trx,
      now,
      user,
      'Create client settings',
      { id: inserted.id, name: input.name },
      {
        settings: input.settings,
      },
    );
    return readClientSettingsObject(trx, inserted.id);
  });
}

/**
 * Properties > OK. A custom object configures exactly the settings given; the default keeps
 * its name and every setting, so given settings replace its values one by one.
 */
export function updateClientSettings(
  services: ClientSettingsServices,
  input: Input<'clientSettings.update'>,
  user: string,
): Promise<ClientSettingsObject> {
  return change(services, async (trx, now) => {
    const row = await readRow(trx, input.id);
    const isDefault = row.is_default === 1;
    if (isDefault && input.name !== undefined && input.name !== row.name)
      throw defaultRefusal('be renamed');
    if (input.name !== undefined) await assertNameFree(trx, input.name, row.id);
    let settings: ConfiguredClientSettings | undefined = input.settings;
    if (settings && isDefault)
      settings = SoftwareUpdateClientSettings.parse({ ...JSON.parse(row.settings), ...settings });
    if (settings) assertConsistent(settings);
    await trx
      .updateTable('client_settings')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(settings && { settings: JSON.stringify(settings) }),
        modified_at: now,
        modified_by: user,
      })
      .where('id', '=', row.id)
      .execute();
    await audit(
      trx,
      now,
      user,
      'Modify client settings',
      { id: row.id, name: input.name ?? row.name },
      {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(settings && { settings }),
      },
    );
    return readClientSettingsObject(trx, row.id);
  });
}

export function deleteClientSettings(
  services: ClientSettingsServices,
  id: number,
  user: string,
): Promise<{ deleted: number }> {
  return change(services, async (trx, now) => {
    const row = await readRow(trx, id);
    if (row.is_default === 1) throw defaultRefusal('be deleted');
    await trx.deleteFrom('client_settings').where('id', '=', id).execute();
    await placeAt(trx, null, 0);
    await audit(trx, now, user, 'Delete client settings', row, { priority: row.priority });
    return { deleted: 1 };
  });
}

/** Increase Priority / Decrease Priority (one step), or a priority number. */
export async function setClientSettingsPriority(
  services: ClientSettingsServices,
  input: Input<'clientSettings.setPriority'>,
  user: string,
): Promise<void> {
  await change(services, async (trx, now) => {
    const row = await readRow(trx, input.id);
    if (row.is_default === 1) throw defaultRefusal('change priority; they are always last');
    const count = await trx
      .selectFrom('client_settings')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('is_default', '=', 0)
      .executeTakeFirstOrThrow();
    if (input.change === 'increase' && row.priority === 1)
      throw new SiteError('refused', `"${row.name}" already has the highest priority (1).`);
    if (input.change === 'decrease' && row.priority === Number(count.count))
      throw new SiteError(
        'refused',
        `"${row.name}" already has the lowest priority of the custom client settings; the Default Client Settings are always last.`,
      );
    const target =
      input.change === 'increase'
        ? row.priority - 1
        : input.change === 'decrease'
          ? row.priority + 1
          : input.change;
    await placeAt(trx, row.id, target);
    await audit(trx, now, user, 'Change client settings priority', row, {
      from: row.priority,
      to: Math.min(target, Number(count.count)),
    });
  });
}

/** Deploy (Start-CMClientSettingDeployment) or remove deployments, by collection ids. */
export function setClientSettingsDeployments(
  services: ClientSettingsServices,
  input: Input<'clientSettings.deploy'>,
  isDeployed: boolean,
  user: string,
): Promise<ClientSettingsObject> {
  return change(services, async (trx, now) => {
    const row = await readRow(trx, input.id);
    if (row.is_default === 1) throw defaultRefusal('be deployed to collections');
    const collections = await trx
      .selectFrom('collection')
      .select(['id', 'name'])
      .where('id', 'in', input.collectionIds)
      .execute();
    const missing = input.collectionIds.filter((id) => !collections.some((c) => c.id === id));
    if (missing.length > 0)
      throw new SiteError(
        'not-found',
        `collectionIds: no device collection has the id ${missing.join(', ')}.`,
      );
    if (isDeployed)
      await trx
        .insertInto('client_settings_assignment')
        .values(collections.map((c) => ({ client_settings_id: row.id, collection_id: c.id })))
        .onConflict((conflict) =>
          conflict.columns(['client_settings_id', 'collection_id']).doNothing(),
        )
        .execute();
    else
      await trx
        .deleteFrom('client_settings_assignment')
        .where('client_settings_id', '=', row.id)
        .where('collection_id', 'in', input.collectionIds)
        .execute();
    await trx
      .updateTable('client_settings')
      .set({ modified_at: now, modified_by: user })
      .where('id', '=', row.id)
      .execute();
    await audit(
      trx,
      now,
      user,
      isDeployed ? 'Deploy client settings' : 'Remove client settings deployment',
      row,
      { collections: collections.map((c) => c.name) },
    );
    return readClientSettingsObject(trx, row.id);
  });
}
