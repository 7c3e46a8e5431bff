import {
  ConfiguredClientSettings,
  SoftwareUpdateClientSettings,
  defaultClientSettings,
  restartConflicts,
  restartWindowWarnings,
} from '../../../shared/compliance/client-settings';
import {
  resolveClientSettings,
  type SettingsSource,
} from '../../../shared/compliance/resultant-client-settings';
import {
  defaultClientSettingsPriority,
  type ClientSettingsObject,
  type ResultantClientSettings,
} from '../../../shared/contract/client-settings';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { Db } from '../compliance/update-counters';
import type { SiteDatabase } from '../db/open-database';

export const defaultClientSettingsName = 'Default Client Settings';

type Row = {
  id: number;
  name: string;
  description: string;
  priority: number;
  is_default: number;
  settings: string;
  modified_at: string;
  modified_by: string;
};

function sourceOf(row: Row): SettingsSource {
  const stored: unknown = JSON.parse(row.settings);
  return {
    id: row.id,
    name: row.name,
    priority: row.priority,
    // Settings added by a later version take their defaults in the default object.
    settings:
      row.is_default === 1
        ? SoftwareUpdateClientSettings.parse(stored)
        : ConfiguredClientSettings.parse(stored),
  };
}

/** The shortest enabled maintenance window on some collections (all when `collectionIds` is null). */
async function shortestWindow(db: Db, collectionIds: number[] | null) {
  if (collectionIds?.length === 0) return null;
  let query = db
    .selectFrom('maintenance_window as w')
    .innerJoin('collection as c', 'c.id', 'w.collection_id')
    .select(['w.name', 'c.name as collectionName', 'w.duration_minutes as durationMinutes'])
    .where('w.is_enabled', '=', 1)
    .orderBy('w.duration_minutes')
    .orderBy('w.id')
    .limit(1);
  if (collectionIds) query = query.where('w.collection_id', 'in', collectionIds);
  return (await query.executeTakeFirst()) ?? null;
}

/** One client settings object as Administration > Client Settings shows it. */
export async function readClientSettingsObject(db: Db, id: number): Promise<ClientSettingsObject> {
  const row = await db
    .selectFrom('client_settings')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new SiteError('not-found', `id: client settings ${id} do not exist.`);
  const isDefault = row.is_default === 1;
  const collections = await db
    .selectFrom('client_settings_assignment')
    .select('collection_id')
    .where('client_settings_id', '=', id)
    .orderBy('collection_id')
    .execute();
  const collectionIds = collections.map((c) => c.collection_id);
  const { settings } = sourceOf(row);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    priority: row.priority,
    type: isDefault ? 'Default' : 'Device',
    isDefault,
    settings,
    collectionIds,
    deploymentCount: collectionIds.length,
    modifiedAt: row.modified_at,
    modifiedBy: row.modified_by,
    warnings: [
      ...restartConflicts(settings),
      ...restartWindowWarnings(
        settings,
        await shortestWindow(db, isDefault ? null : collectionIds),
      ),
    ],
  };
}

/**
 * Client settings: the Default Client Settings (priority 10000, created with the §10.2 defaults
 * the first time the site opens) and custom device settings deployed to collections. What a
 * client gets is resolved per setting (see `resolveClientSettings`).
 */
export class ClientSettingsStore {
  constructor(
    private readonly site: SiteDatabase,
    private readonly clock: Clock,
  ) {}

  async ensureDefault(): Promise<void> {
    await this.site.db
      .insertInto('client_settings')
      .values({
        name: defaultClientSettingsName,
        priority: defaultClientSettingsPriority,
        is_default: 1,
        settings: JSON.stringify(defaultClientSettings),
        modified_at: this.clock.now().toISOString(),
      })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .execute();
  }

  /** The Default Client Settings. */
  async get(): Promise<SoftwareUpdateClientSettings> {
    const row = await this.site.read
      .selectFrom('client_settings')
      .select('settings')
      .where('is_default', '=', 1)
      .executeTakeFirst();
    return SoftwareUpdateClientSettings.parse(row ? JSON.parse(row.settings) : {});
  }

  async list(): Promise<ClientSettingsObject[]> {
    const rows = await this.site.read
      .selectFrom('client_settings')
      .select('id')
      .orderBy('priority')
      .execute();
    return Promise.all(rows.map((row) => readClientSettingsObject(this.site.read, row.id)));
  }

  /** The settings a client gets in its policy: its Resultant Client Settings' values. */
  async effectiveFor(clientId: number): Promise<SoftwareUpdateClientSettings> {
    return (await this.resolve(this.site.read, clientId)).settings;
  }

  async resultant(clientId: number): Promise<ResultantClientSettings> {
    const client = await this.site.read
      .selectFrom('client')
      .select('name')
      .where('id', '=', clientId)
      .executeTakeFirst();
    if (!client) throw new SiteError('not-found', `clientId: device ${clientId} does not exist.`);
    const { settings, sources } = await this.resolve(this.site.read, clientId);
    const memberOf = await this.site.read
      .selectFrom('collection_member')
      .select('collection_id')
      .where('client_id', '=', clientId)
      .execute();
    const collectionIds = memberOf.map((row) => row.collection_id);
    return {
      clientId,
      clientName: client.name,
      settings,
      sources,
      warnings: [
        ...restartConflicts(settings),
        ...restartWindowWarnings(settings, await shortestWindow(this.site.read, collectionIds)),
      ],
    };
  }

  /** One read per policy request: the default and the objects deployed to the client's collections. */
  private async resolve(db: Db, clientId: number) {
    const rows = await db
      .selectFrom('client_settings as s')
      .selectAll('s')
      .where((eb) =>
        eb.or([
          eb('s.is_default', '=', 1),
          eb.exists(
            eb
              .selectFrom('client_settings_assignment as a')
              .innerJoin('collection_member as m', 'm.collection_id', 'a.collection_id')
              .select('a.collection_id')
              .whereRef('a.client_settings_id', '=', 's.id')
              .where('m.client_id', '=', clientId),
          ),
        ]),
      )
      .execute();
    const defaultRow = rows.find((row) => row.is_default === 1);
    const defaults = defaultRow
      ? sourceOf(defaultRow)
      : {
          id: 0,
          name: defaultClientSettingsName,
          priority: defaultClientSettingsPriority,
          settings: defaultClientSettings,
        };
    const deployed = rows.filter((row) => row.is_default !== 1).map(sourceOf);
    return resolveClientSettings(defaults, deployed);
  }
}
