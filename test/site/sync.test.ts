import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Site } from '../../src/main/site/site';
import { bundleOf, fixtureProducts, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { catalogSnapshot, statusMessageIds, syncAndWait } from '../support/sync-helpers';
import { openTestSite } from '../support/test-site';

describe.each(engines)('Synchronize Software Updates from a catalog bundle on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  async function siteWith(location: string): Promise<Site> {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    dispose = opened.dispose;
    await opened.site.supSettings.set({
      syncSource: 'catalog-bundle',
      syncSourceLocation: location,
    });
    return opened.site;
  }

  it('writes the catalog with 6701, 6704, 6705, 6702, the history row and the wsyncmgr.log lines', async () => {
    const records = [
      makeRecord('cumulative-2024-01'),
      makeRecord('office-fix', { products: [fixtureProducts.office], classification: 'Updates' }),
      makeRecord('defender', { classification: 'Definition Updates' }),
    ];
    const site = await siteWith(bundleOf(records));
    const job = await syncAndWait(site);
    expect(job.error).toBeNull();
    expect(job.state).toBe('succeeded');
    expect(await statusMessageIds(site)).toEqual([6701, 6704, 6705, 6702]);

    // Definition Updates is not among a new site's classifications (spec §2.3.3 defaults).
    const settings = await site.supSettings.get();
    const expected = records.filter((record) =>
      settings.classifications.includes(record.classification),
    );
    const rows = await site.database.db
      .selectFrom('software_update')
      .select(['update_id', 'title'])
      .execute();
    expect(rows.map((row) => row.update_id).sort()).toEqual(
      expected.map((record) => record.updateId).sort(),
    );

    // The first sync refreshes the Products tab and checks what it offers.
    const products = await site.handlers['sup.products']({}, { user: 'test', transport: 'test' });
    expect(products.map((product) => product.name).sort()).toEqual([
      'Microsoft 365 Apps',
      'Windows 11',
    ]);
    expect(products.every((product) => product.isSynchronized)).toBe(true);

    const history = await site.handlers['sync.history'](
      { page: { size: 10 } },
      { user: 'test', transport: 'test' },
    );
    expect(history.rows[0]).toMatchObject({
      lastStateMessageId: 6702,
      catalogVersion: 1,
      updatesAdded: expected.length,
      syncType: 'delta',
      errorCode: 0,
    });
    const log = readFileSync(join(site.folders.logs, 'wsyncmgr.log'), 'utf8');
    expect(log).toContain('Sync succeeded');
    expect(log).toMatch(/Sync time: 0d00h00m\d\ds/);
    expect(log).toContain('STATMSG: ID=6702 SEV=I');
    expect(log).toContain('$$<SMS_WSUS_SYNC_MANAGER>');
  });

  it('is idempotent: a second delta sync changes nothing and keeps the catalog version', async () => {
    const records = [makeRecord('a'), makeRecord('b')];
    const site = await siteWith(bundleOf(records));
    await syncAndWait(site);
    const before = await catalogSnapshot(site);
    // The same bundle again: its manifest says nothing changed, so no record is read.
    const again = await syncAndWait(site);
    expect(again.result).toMatchObject({ added: 0, changed: 0, removed: 0, catalogVersion: 1 });
    const log = readFileSync(join(site.folders.logs, 'wsyncmgr.log'), 'utf8');
    expect(log).toContain('has not changed since the last synchronization');
    // The same records in a new bundle: read, and skipped one by one by their content hash.
    await site.supSettings.set({ syncSourceLocation: bundleOf(records) });
    const third = await syncAndWait(site);
    expect(third.result).toMatchObject({ added: 0, changed: 0, unchanged: 2, catalogVersion: 1 });
    const after = await catalogSnapshot(site);
    expect(after.software_update).toEqual(before.software_update);
    expect(after.content_file).toEqual(before.content_file);
  });

  it('applies a changed revision and removes an update gone from the source unless a group uses it; that one is expired', async () => {
    const a = makeRecord('a');
    const b = makeRecord('b');
    const c = makeRecord('c');
    const site = await siteWith(bundleOf([a, b, c]));
    await syncAndWait(site);
    const ciOf = async (updateId: string) =>
      (
        await site.database.db
          .selectFrom('software_update')
          .select('ci_id')
          .where('update_id', '=', updateId)
          .executeTakeFirstOrThrow()
      ).ci_id;
    const group = await site.database.db
      .insertInto('software_update_group')
      .values({
        ci_unique_id: 'ScopeId_Test/AuthList_Pilot',
        name: 'Pilot',
        created_by: 'test',
        modified_by: 'test',
        created_at: new Date().toISOString(),
        modified_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await site.database.db
      .insertInto('software_update_group_member')
      .values({
        group_id: group.id,
        ci_id: await ciOf(b.updateId),
        added_at: new Date().toISOString(),
      })
      .execute();

    await site.supSettings.set({
      syncSourceLocation: bundleOf([{ ...a, revision: 201, title: 'A, revised' }]),
    });
    const job = await syncAndWait(site);
    expect(job.result).toMatchObject({
      changed: 1,
      removed: 1,
      expiredMissing: 1,
      catalogVersion: 2,
    });
    const rows = await site.database.db
      .selectFrom('software_update')
      .select(['update_id', 'title', 'is_expired'])
      .orderBy('title')
      .execute();
    expect(rows).toEqual([
      { update_id: a.updateId, title: 'A, revised', is_expired: 0 },
      { update_id: b.updateId, title: b.title, is_expired: 1 },
    ]);
  });

  it('marks supersedence both ways and expires by the rules, measured from the superseding update', async () => {
    const old = makeRecord('old', { dateReleased: '2023-12-12T00:00:00.000Z' });
    const recent = makeRecord('recent', {
      dateReleased: new Date(Date.now() - 40 * 86_400_000).toISOString(),
      supersedes: [{ updateId: old.updateId, articleId: old.articleId, title: old.title }],
    });
    const site = await siteWith(bundleOf([old, recent]));
    await syncAndWait(site);
    const state = async () =>
      site.database.db
        .selectFrom('software_update')
        .select(['update_id', 'is_superseded', 'is_expired'])
        .where('update_id', '=', old.updateId)
        .executeTakeFirstOrThrow();
    // Default rule: expire 3 months after the superseding update's creation; 40 days is too soon.
    expect(await state()).toMatchObject({ is_superseded: 1, is_expired: 0 });

    await site.supSettings.set({
      nonFeatureSupersedence: 'after-months',
      nonFeatureSupersedenceMonths: 1,
    });
    const job = await syncAndWait(site);
    expect(job.result).toMatchObject({ expired: 1 });
    expect(await state()).toMatchObject({ is_superseded: 1, is_expired: 1 });
    // Changing the rule made this a full synchronization, as ConfigMgr does.
    const history = await site.handlers['sync.history'](
      { page: { size: 1 } },
      { user: 'test', transport: 'test' },
    );
    expect(history.rows[0]?.syncType).toBe('full');
  });

  it('filters by classification, product and language', async () => {
    const site = await siteWith(
      bundleOf([
        makeRecord('english', { languages: ['en'] }),
        makeRecord('german-only', { languages: ['de'] }),
        makeRecord('neutral'),
        makeRecord('office', { products: [fixtureProducts.office] }),
        makeRecord('tool', { classification: 'Tools' }),
      ]),
    );
    await syncAndWait(site); // refreshes the product list
    await site.supSettings.set({
      products: ['microsoft/windows/windows-11'],
      classifications: ['Security Updates'],
    });
    await syncAndWait(site);
    const titles = (await site.database.db.selectFrom('software_update').select('title').execute())
      .map((row) => row.title.split(' ')[0])
      .sort();
    expect(titles).toEqual(['english', 'neutral']);
  });

  it('refuses a bundle whose part does not match its manifest with 6703, and leaves the catalog exactly as it was', async () => {
    const site = await siteWith(bundleOf([makeRecord('a'), makeRecord('b')]));
    await syncAndWait(site);
    const before = await catalogSnapshot(site);

    const tampered = bundleOf([makeRecord('a', { title: 'changed' }), makeRecord('c')]);
    const part = readdirSync(tampered).find((name) => name.endsWith('.gz'))!;
    const bytes = readFileSync(join(tampered, part));
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff;
    writeFileSync(join(tampered, part), bytes);
    await site.supSettings.set({ syncSourceLocation: tampered });
    const job = await syncAndWait(site);
    expect(job.state).toBe('failed');
    expect(job.error).toContain(part);
    expect(job.error).toMatch(/SHA-256 [0-9a-f]{64}, expected [0-9a-f]{64}/);
    expect(await statusMessageIds(site)).toEqual([6701, 6704, 6705, 6702, 6701, 6704, 6703]);
    expect(await catalogSnapshot(site)).toEqual(before);
  });

  it('fails with 6703 naming the URL when the bundle URL is unreachable', async () => {
    const site = await siteWith('http://127.0.0.1:9/catalog/manifest.json');
    const job = await syncAndWait(site);
    expect(job.state).toBe('failed');
    expect(job.error).toContain('http://127.0.0.1:9/catalog/manifest.json is unreachable');
    const history = await site.handlers['sync.history'](
      { page: { size: 1 } },
      { user: 'test', transport: 'test' },
    );
    expect(history.rows[0]).toMatchObject({ lastStateMessageId: 6703, errorCode: 0x80004005 | 0 });
    expect(history.rows[0]?.errorText).toContain('127.0.0.1:9');
  });
});
