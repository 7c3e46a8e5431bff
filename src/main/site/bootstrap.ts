import type { Clock } from './clock';
import type { SiteDatabase } from './db/open-database';
import { updateLanguages } from './sup/languages';
import { defaultUpdateSearch } from './updates/saved-searches';

/** The WSUS classification GUIDs (spec §2.3.3; data/README.md lists where they come from). */
export const updateClassifications = [
  { id: 'e6cf1350-c01b-414d-a61f-263d14d133b4', name: 'Critical Updates' },
  { id: 'e0789628-ce08-4437-be74-2495b842f43b', name: 'Definition Updates' },
  { id: 'ebfc1fc5-71a4-4f7b-9aca-3b9a503104a0', name: 'Drivers' },
  { id: 'b54e7d24-7add-428f-8b75-90a396fa584f', name: 'Feature Packs' },
  { id: '0fa1201d-4330-4fa8-8ae9-b877473b6441', name: 'Security Updates' },
  { id: '68c5b0a3-d1a6-4553-ae49-01d3a7827828', name: 'Service Packs' },
  { id: 'b4832bd8-e735-4761-8daf-37f882276dab', name: 'Tools' },
  { id: '28bc880e-0592-4cbf-8f95-c79b17911d5f', name: 'Update Rollups' },
  { id: 'cd5ffd1e-e932-4e3a-bf74-18bf0b1bbd83', name: 'Updates' },
  { id: '3689bdc8-b205-4af4-8d4a-a63924c5e9d5', name: 'Upgrades' },
] as const;

/** Classifications a new site synchronizes, as a fresh ConfigMgr site suggests. */
const defaultSynchronized = new Set([
  'Critical Updates',
  'Security Updates',
  'Updates',
  'Update Rollups',
]);

/** Built-in collections every ConfigMgr site has (ids as ConfigMgr assigns them). */
const builtInCollections = [
  { collection_id: 'SMS00001', name: 'All Systems', comment: 'All Systems' },
  {
    collection_id: 'SMSDM003',
    name: 'All Desktop and Server Clients',
    comment: 'All Desktop and Server Clients',
  },
  {
    collection_id: 'SMS000WS',
    name: 'All Workstations',
    comment: 'All workstations with a Configuration Manager client',
  },
  {
    collection_id: 'SMS000SS',
    name: 'All Servers',
    comment: 'All servers with a Configuration Manager client',
  },
] as const;

export interface LocalSite {
  code: string;
  name: string;
  parentCode: string | null;
}

/**
 * Makes sure the rows every site has exist: the local site, its Software Update Point component
 * settings with the documented defaults, the classifications and the built-in collections.
 * Idempotent; existing rows (an admin's choices) are never overwritten.
 */
export async function bootstrapSite(
  site: SiteDatabase,
  wanted: { code: string; name: string; version: string; serverName: string },
  clock: Clock,
): Promise<LocalSite> {
  const now = clock.now().toISOString();
  return site.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('site')
      .selectAll()
      .where('is_local', '=', 1)
      .executeTakeFirst();
    const local = existing ?? {
      code: wanted.code,
      name: wanted.name,
      parent_code: null,
      is_local: 1,
      version: wanted.version,
      server_name: wanted.serverName,
      created_at: now,
    };
    if (!existing) await trx.insertInto('site').values(local).execute();
    else if (existing.version !== wanted.version) {
      await trx
        .updateTable('site')
        .set({ version: wanted.version })
        .where('code', '=', existing.code)
        .execute();
    }
    await trx
      .insertInto('sup_component_settings')
      .values({
        site_code: local.code,
        // Simple schedule, every 7 days: ConfigMgr's default when a schedule is enabled.
        sync_schedule: JSON.stringify({ kind: 'simple', every: 7, unit: 'days' }),
        modified_at: now,
      })
      .onConflict((conflict) => conflict.column('site_code').doNothing())
      .execute();
    for (const classification of updateClassifications) {
      await trx
        .insertInto('update_classification')
        .values({
          ...classification,
          is_synchronized: defaultSynchronized.has(classification.name) ? 1 : 0,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    }
    for (const language of updateLanguages) {
      const isEnglish = language.code === 'en' ? 1 : 0;
      await trx
        .insertInto('language')
        .values({
          ...language,
          is_update_file_enabled: isEnglish,
          is_summary_details_enabled: isEnglish,
        })
        .onConflict((conflict) => conflict.column('code').doNothing())
        .execute();
    }
    await trx
      .insertInto('saved_search')
      .values({
        node: defaultUpdateSearch.node,
        name: defaultUpdateSearch.name,
        criteria: JSON.stringify(defaultUpdateSearch.filter),
        created_by: 'Patchbay',
        created_at: now,
      })
      .onConflict((conflict) => conflict.columns(['node', 'name']).doNothing())
      .execute();
    for (const collection of builtInCollections) {
      await trx
        .insertInto('collection')
        .values({ ...collection, is_built_in: 1, created_at: now, members_changed_at: now })
        .onConflict((conflict) => conflict.column('collection_id').doNothing())
        .execute();
    }
    // As in ConfigMgr, every built-in collection but All Systems is limited to All Systems.
    const allSystems = await trx
      .selectFrom('collection')
      .select('id')
      .where('collection_id', '=', 'SMS00001')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('collection')
      .set({ limiting_collection_id: allSystems.id })
      .where('is_built_in', '=', 1)
      .where('collection_id', '!=', 'SMS00001')
      .where('limiting_collection_id', 'is', null)
      .execute();
    return { code: local.code, name: local.name, parentCode: local.parent_code };
  });
}
