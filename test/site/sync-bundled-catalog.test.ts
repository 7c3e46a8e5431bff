import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogBundle } from '../../src/main/site/catalog/bundle/read-catalog-bundle';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { Site } from '../../src/main/site/site';
import { findBundledCatalog } from '../../src/main/site/sync/bundled-catalog';
import { engines } from '../support/engines';
import { syncAndWait } from '../support/sync-helpers';
import { openTestSite } from '../support/test-site';

const everyClassification = [
  'Critical Updates',
  'Definition Updates',
  'Feature Packs',
  'Security Updates',
  'Service Packs',
  'Tools',
  'Update Rollups',
  'Updates',
  'Upgrades',
];

/** A fresh site and the catalog shipped with Patchbay: what a newcomer's first sync does. */
describe.each(engines)('synchronizing the bundled real catalog on %s', (engine) => {
  let site: Site;
  let dispose: () => Promise<void>;
  const records: UpdateRecord[] = [];

  beforeAll(async () => {
    for await (const record of readCatalogBundle(findBundledCatalog()!)) records.push(record);
    const opened = await openTestSite(engine, { bundledCatalogFolder: findBundledCatalog() });
    site = opened.site;
    dispose = opened.dispose;
  }, 60_000);
  afterAll(async () => dispose());

  it('loads every update of the bundle when every classification and language is selected', async () => {
    const languages = await site.handlers['sup.languages']({}, { user: 'test', transport: 'test' });
    await site.supSettings.set({
      classifications: everyClassification,
      includeSurfaceDrivers: true,
      summaryDetailsLanguages: languages.map((language) => language.code),
    });
    const job = await syncAndWait(site);
    expect(job.error).toBeNull();
    const rows = await site.database.db
      .selectFrom('software_update as u')
      .innerJoin('update_classification as c', 'c.id', 'u.classification_id')
      .select(['c.name'])
      .execute();
    const counted = new Map<string, number>();
    for (const row of rows) counted.set(row.name, (counted.get(row.name) ?? 0) + 1);
    const expected = new Map<string, number>();
    for (const record of records)
      expected.set(record.classification, (expected.get(record.classification) ?? 0) + 1);
    expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(expected));
    expect(rows).toHaveLength(records.length);
    const files = await site.database.db.selectFrom('content_file').select('id').execute();
    expect(files).toHaveLength(
      records.reduce((sum, record) => sum + record.contentFiles.length, 0),
    );
  }, 120_000);

  it('changes nothing, fast, on a second synchronization', async () => {
    const started = performance.now();
    const job = await syncAndWait(site);
    const elapsed = performance.now() - started;
    expect(job.result).toMatchObject({ added: 0, changed: 0, removed: 0, catalogVersion: 1 });
    // No bundle part is read again (its manifest is unchanged); generous for a busy CI machine.
    expect(elapsed).toBeLessThan(5_000);
  }, 60_000);
});
