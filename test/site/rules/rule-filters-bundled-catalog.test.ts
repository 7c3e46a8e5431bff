import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulePropertyFilter } from '../../../src/shared/contract/rule-criteria';
import { readCatalogBundle } from '../../../src/main/site/catalog/bundle/read-catalog-bundle';
import type { UpdateRecord } from '../../../src/main/site/catalog/update-record';
import { evaluateRule } from '../../../src/main/site/rules/rule-evaluation';
import type { Site } from '../../../src/main/site/site';
import { findBundledCatalog } from '../../../src/main/site/sync/bundled-catalog';
import { call } from '../../support/compliance-site';
import { engines } from '../../support/engines';
import { syncAndWait } from '../../support/sync-helpers';
import { openTestSite } from '../../support/test-site';

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

/** The catalog's own date: "Last 1 month" is counted back from it so the sets stay fixed. */
const now = new Date('2024-09-10T18:00:00.000Z');
const kb = (record: UpdateRecord) => record.articleId;
const hasArch = (record: UpdateRecord, token: string) =>
  `, ${record.architecture.toLowerCase()},`.includes(`, ${token},`);
const monthBefore = new Date('2024-08-10T18:00:00.000Z').toISOString();
const yearBefore = new Date('2023-09-10T18:00:00.000Z').toISOString();

/**
 * Each property filter of a rule against the bundled real catalog, compared with the same
 * question asked of the catalog's own records in plain code (the hand-checked set), plus a few
 * KBs looked up by hand. The state only the site has (Deployed, Required, Superseded, Expired)
 * is set through the site and read back from it.
 */
describe.each(engines)('rule property filters on the bundled catalog on %s', (engine) => {
  let site: Site;
  let dispose: () => Promise<void>;
  const records: UpdateRecord[] = [];
  const ciIdOf = new Map<string, number>();
  let expiredCiId = 0;
  const expired = new Set<number>();
  let deployedCiIds: number[] = [];
  let requiredCiIds: number[] = [];

  beforeAll(async () => {
    for await (const record of readCatalogBundle(findBundledCatalog()!)) records.push(record);
    const opened = await openTestSite(engine, { bundledCatalogFolder: findBundledCatalog() });
    site = opened.site;
    dispose = opened.dispose;
    const languages = await site.handlers['sup.languages']({}, { user: 'test', transport: 'test' });
    await site.supSettings.set({
      classifications: everyClassification,
      includeSurfaceDrivers: true,
      summaryDetailsLanguages: languages.map((language) => language.code),
    });
    const job = await syncAndWait(site);
    if (job.error) throw new Error(job.error);
    for (const row of await site.database.db
      .selectFrom('software_update')
      .select(['ci_id', 'update_id'])
      .execute())
      ciIdOf.set(row.update_id, row.ci_id);
    const byKb = (article: string) => ciIdOf.get(records.find((r) => kb(r) === article)!.updateId)!;
    // One update is expired: no filter may select it.
    expiredCiId = byKb('5039212');
    await site.database.db
      .updateTable('software_update')
      .set({ is_expired: 1 })
      .where('ci_id', '=', expiredCiId)
      .execute();
    // The catalog expires some updates itself (sync marks them); none may be selected either.
    for (const row of await site.database.db
      .selectFrom('software_update')
      .select('ci_id')
      .where('is_expired', '=', 1)
      .execute())
      expired.add(row.ci_id);
    // Two are deployed, through a real deployment.
    const live = await site.database.db
      .selectFrom('software_update')
      .select('ci_id')
      .where('is_expired', '=', 0)
      .where('title', 'like', '%Cumulative Update for Windows 11%')
      .orderBy('ci_id')
      .limit(3)
      .execute();
    deployedCiIds = [live[0]!.ci_id, live[1]!.ci_id];
    const allSystems = await site.database.db
      .selectFrom('collection')
      .select('id')
      .where('collection_id', '=', 'SMS00001')
      .executeTakeFirstOrThrow();
    const deployment = await call(site, 'deployments.create', {
      selection: { ciIds: deployedCiIds },
      general: { collectionId: allSystems.id },
    });
    for (let i = 0; i < 200; i += 1) {
      const state = await site.jobs.get(deployment.jobId);
      if (state.state === 'succeeded') break;
      if (state.state === 'failed') throw new Error(String(state.error));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Three are required by devices, as summarization leaves the counters.
    requiredCiIds = [live[0]!.ci_id, live[2]!.ci_id];
    await site.database.db
      .updateTable('update_compliance_summary')
      .set({ num_required: 4 })
      .where('ci_id', 'in', requiredCiIds)
      .execute();
  }, 240_000);
  afterAll(async () => dispose());

  const select = async (criteria: RulePropertyFilter[]) =>
    (
      await evaluateRule(site.database.db, {
        criteria: criteria as never,
        licenseTerms: 'approve-all',
        now,
      })
    ).ciIds;
  const expectSet = (predicate: (record: UpdateRecord) => boolean) =>
    records
      .filter(predicate)
      .map((record) => ciIdOf.get(record.updateId)!)
      .filter((ciId) => !expired.has(ciId))
      .sort((a, b) => a - b);

  const cases: Array<[string, RulePropertyFilter[], (record: UpdateRecord) => boolean]> = [
    ['Architecture', [{ property: 'architecture', values: ['Arm64'] }], (r) => hasArch(r, 'arm64')],
    [
      'Architecture (X64 and X86)',
      [{ property: 'architecture', values: ['X64', 'X86'] }],
      (r) => hasArch(r, 'x64') || hasArch(r, 'x86'),
    ],
    [
      'Article ID',
      [{ property: 'articleId', values: ['KB5039239', '5036893'] }],
      (r) => ['5039239', '5036893'].includes(r.articleId),
    ],
    [
      'Bulletin ID',
      [{ property: 'bulletinId', values: ['ms15-022', 'MS16-004'] }],
      (r) => ['MS15-022', 'MS16-004'].includes(r.bulletinId.toUpperCase()),
    ],
    [
      'Content Size (KB)',
      [{ property: 'contentSize', operator: '<=', kilobytes: 100 }],
      (r) => r.size <= 100 * 1024,
    ],
    ['Custom Severity', [{ property: 'customSeverity', values: ['None'] }], () => true],
    [
      'Date Released or Revised (Last 1 month)',
      [{ property: 'dateReleasedOrRevised', range: 'Last 1 month' }],
      (r) => r.dateReleased >= monthBefore || r.dateRevised >= monthBefore,
    ],
    [
      'Date Released or Revised (Older than 1 year)',
      [{ property: 'dateReleasedOrRevised', range: 'Older than 1 year' }],
      (r) => r.dateReleased < yearBefore && r.dateRevised < yearBefore,
    ],
    [
      'Description',
      [{ property: 'description', values: ['Security Issue'] }],
      (r) => r.description.toLowerCase().includes('security issue'),
    ],
    [
      'Language',
      [{ property: 'language', values: ['Japanese'] }],
      (r) => r.languages.some((code) => code === 'ja' || code.startsWith('ja-')),
    ],
    [
      'Product',
      [{ property: 'product', values: ['Windows 11', 'Windows 10'] }],
      (r) => r.products.some((p) => ['Windows 11', 'Windows 10'].includes(p.name)),
    ],
    [
      'Severity',
      [{ property: 'severity', values: ['Critical'] }],
      (r) => r.severity === 'Critical',
    ],
    [
      'Title',
      [{ property: 'title', values: ['.NET Framework'] }],
      (r) => r.title.toLowerCase().includes('.net framework'),
    ],
    [
      'Update Classification',
      [{ property: 'updateClassification', values: ['Security Updates', 'Service Packs'] }],
      (r) => ['Security Updates', 'Service Packs'].includes(r.classification),
    ],
    ['Vendor', [{ property: 'vendor', values: ['Microsoft'] }], (r) => r.vendor === 'Microsoft'],
    [
      'several filters ANDed',
      [
        { property: 'product', values: ['Windows 11'] },
        { property: 'updateClassification', values: ['Security Updates'] },
        { property: 'severity', values: ['Critical'] },
      ],
      (r) =>
        r.products.some((p) => p.name === 'Windows 11') &&
        r.classification === 'Security Updates' &&
        r.severity === 'Critical',
    ],
  ];

  it.each(cases)('%s selects the hand-checked set', async (_label, criteria, predicate) => {
    const expected = expectSet(predicate);
    expect(expected.length).toBeGreaterThan(0);
    expect(await select(criteria)).toEqual(expected);
  });

  it('Deployed, Required and Superseded read what the site knows; expired updates are never selected', async () => {
    expect(await select([{ property: 'deployed', value: true }])).toEqual(deployedCiIds);
    expect(await select([{ property: 'required', operator: '>=', value: 1 }])).toEqual(
      [...requiredCiIds].sort((a, b) => a - b),
    );
    expect(await select([{ property: 'required', operator: '>', value: 4 }])).toEqual([]);
    const superseded = await select([{ property: 'superseded', value: true }]);
    const current = await select([{ property: 'superseded', value: false }]);
    // Superseded updates the catalog already expired are not selected even by Superseded: Yes.
    const supersededRows = await site.database.db
      .selectFrom('software_update')
      .select(['ci_id', 'is_expired'])
      .where('is_superseded', '=', 1)
      .execute();
    expect(supersededRows.length).toBeGreaterThan(100);
    expect(superseded).toEqual(
      supersededRows
        .filter((row) => row.is_expired === 0)
        .map((row) => row.ci_id)
        .sort((a, b) => a - b),
    );
    expect(superseded.filter((id) => current.includes(id))).toEqual([]);
    expect(superseded.length + current.length).toBe(records.length - expired.size);
    // KB5039212 is in the catalog but expired here: asked for by name it is still not selected.
    expect(await select([{ property: 'articleId', values: ['5039212'] }])).toEqual([]);
    expect(
      await select([
        { property: 'articleId', values: ['5039212'] },
        { property: 'deployed', value: false },
      ]),
    ).toEqual([]);
  });

  it('the preview lists exactly what the run selects for a bundled criteria set', async () => {
    const allSystems = await site.database.db
      .selectFrom('collection')
      .select('id')
      .where('collection_id', '=', 'SMS00001')
      .executeTakeFirstOrThrow();
    const criteria: RulePropertyFilter[] = [
      { property: 'product', values: ['Windows 11'] },
      { property: 'superseded', value: false },
    ];
    const preview = await call(site, 'rules.preview', {
      draft: {
        general: { name: 'Preview check', collectionId: allSystems.id },
        softwareUpdates: { criteria },
        content: {
          deploymentPackage: { choice: 'none' },
          languageSelection: { languages: ['en'] },
        },
      },
    });
    const run = await select(criteria);
    expect(preview.updateCount).toBe(run.length);
    expect(preview.updates.map((update) => update.ciId)).toEqual(run.slice(0, 1000));
  });
});
