import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  SoftwareUpdateRow,
  UpdateCriterion,
} from '../../src/shared/contract/software-updates';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { Site } from '../../src/main/site/site';
import { bundleOf, fixtureProducts, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { syncAndWait } from '../support/sync-helpers';
import { openTestSite } from '../support/test-site';

const classifications = ['Security Updates', 'Critical Updates', 'Updates', 'Update Rollups'];
const severities = ['Critical', 'Important', 'Moderate', 'Low', ''] as const;

/** A varied catalog whose expected answers the test computes from the records themselves. */
function catalog(): UpdateRecord[] {
  const records = Array.from({ length: 60 }, (_, index) =>
    makeRecord(`update-${String(index).padStart(2, '0')}`, {
      classification: classifications[index % classifications.length]!,
      severity: severities[index % severities.length]!,
      products: [index % 3 === 0 ? fixtureProducts.office : fixtureProducts.windows11],
      bulletinId: index % 10 === 0 ? `MS16-${String(index).padStart(3, '0')}` : '',
      dateReleased: new Date(Date.UTC(2024, 0, 1 + index)).toISOString(),
      dateRevised: new Date(Date.UTC(2024, 0, 1 + index)).toISOString(),
      cves:
        index % 7 === 0
          ? [
              {
                id: `CVE-2024-${1000 + index}`,
                title: '',
                severity: 'Important',
                impact: '',
                cvssBase: 7.5,
                cvssVector: '',
                isExploited: false,
                isPubliclyDisclosed: false,
                publishedAt: null,
                revisedAt: null,
              },
            ]
          : [],
      contentFiles: index % 11 === 5 ? [] : makeRecord(`files-${index}`).contentFiles,
    }),
  );
  // Out of scope of All Software Updates (§3.1): feature updates and Office 365 Client.
  records.push(makeRecord('feature-update', { classification: 'Upgrades' }));
  records.push(
    makeRecord('o365', {
      products: [{ vendor: 'Microsoft', family: 'Office', name: 'Office 365 Client' }],
    }),
  );
  return records;
}

describe.each(engines)('All Software Updates on %s', (engine) => {
  let site: Site;
  let dispose: () => Promise<void>;
  const records = catalog();
  const inScope = records.filter(
    (r) =>
      r.classification !== 'Upgrades' && !r.products.some((p) => p.name === 'Office 365 Client'),
  );

  beforeAll(async () => {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    site = opened.site;
    dispose = opened.dispose;
    await site.supSettings.set({
      syncSourceLocation: bundleOf(records),
      classifications: [...classifications, 'Upgrades'],
    });
    const job = await syncAndWait(site);
    expect(job.error).toBeNull();
  });
  afterAll(async () => dispose());

  const list = (
    filter: { text?: string; criteria?: UpdateCriterion[] },
    sort?: { column: 'title' | 'dateReleased' | 'severity'; direction: 'asc' | 'desc' },
    size = 500,
  ) =>
    site.handlers['updates.list'](
      { filter: { criteria: [], ...filter }, sort, page: { size } },
      { user: 'test', transport: 'test' },
    );
  const titles = (rows: SoftwareUpdateRow[]) => rows.map((row) => row.title).sort();
  const expectTitles = (predicate: (r: UpdateRecord) => boolean) =>
    inScope
      .filter(predicate)
      .map((r) => r.title)
      .sort();

  it('lists the catalog without Upgrades and Office 365 Client, with icons and the red arrow', async () => {
    const page = await list({});
    expect(page.total).toBe(inScope.length);
    expect(titles(page.rows)).toEqual(expectTitles(() => true));
    const metadataOnly = page.rows.filter((row) => row.icon === 'metadata-only');
    expect(metadataOnly.length).toBe(inScope.filter((r) => r.contentFiles.length === 0).length);
    // No deployment package exists yet, so every downloadable update shows the red arrow.
    expect(page.rows.every((row) => row.isContentMissing === !row.isMetadataOnly)).toBe(true);
    expect(page.rows.find((row) => row.title.startsWith('update-03'))?.products).toBe(
      'Microsoft 365 Apps',
    );
  });

  it('ANDs criteria and ORs the values of one criterion', async () => {
    const criteria: UpdateCriterion[] = [
      { property: 'classification', values: ['Security Updates', 'Updates'] },
      { property: 'severity', values: ['Critical', 'Important'] },
      { property: 'product', values: ['Windows 11'] },
    ];
    const page = await list({ criteria });
    expect(titles(page.rows)).toEqual(
      expectTitles(
        (r) =>
          ['Security Updates', 'Updates'].includes(r.classification) &&
          ['Critical', 'Important'].includes(r.severity) &&
          r.products[0]!.name === 'Windows 11',
      ),
    );
    expect(page.total).toBe(page.rows.length);
    expect(page.rows.length).toBeGreaterThan(0);
  });

  it('searches title, article id and bulletin id, and filters by date, CVE and article', async () => {
    const target = inScope[10]!;
    expect(titles((await list({ text: `KB${target.articleId}` })).rows)).toEqual([target.title]);
    expect(titles((await list({ text: 'ms16-020' })).rows)).toEqual(
      expectTitles((r) => r.bulletinId === 'MS16-020'),
    );
    expect(
      titles(
        (
          await list({
            criteria: [
              { property: 'dateReleasedOrRevised', condition: 'onOrAfter', date: '2024-02-20' },
            ],
          })
        ).rows,
      ),
    ).toEqual(expectTitles((r) => r.dateReleased >= '2024-02-20'));
    expect(
      titles((await list({ criteria: [{ property: 'cve', values: ['cve-2024-1014'] }] })).rows),
    ).toEqual(expectTitles((r) => r.cves.some((c) => c.id === 'CVE-2024-1014')));
    expect(
      titles(
        (
          await list({
            criteria: [{ property: 'articleId', values: [`kb${target.articleId}`, '0000000'] }],
          })
        ).rows,
      ),
    ).toEqual([target.title]);
    expect((await list({ criteria: [{ property: 'downloaded', value: true }] })).total).toBe(0);
  });

  it('sorts on the site and pages by keyset without gaps or repeats', async () => {
    const expected = [...inScope]
      .sort((a, b) => (a.title < b.title ? 1 : a.title > b.title ? -1 : 0))
      .map((r) => r.title);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await site.handlers['updates.list'](
        {
          filter: { criteria: [] },
          sort: { column: 'title', direction: 'desc' },
          page: { size: 7, after },
        },
        { user: 'test', transport: 'test' },
      );
      seen.push(...page.rows.map((row) => row.title));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('pages a sort by Required (a compliance column) without gaps or repeats', async () => {
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await site.handlers['updates.list'](
        {
          filter: { criteria: [] },
          sort: { column: 'required', direction: 'desc' },
          page: { size: 7, after },
        },
        { user: 'test', transport: 'test' },
      );
      seen.push(...page.rows.map((row) => row.ciId));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(inScope.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('refuses a criterion without its value, naming it', async () => {
    await expect(
      (async () => {
        const { dispatchCall } = await import('../../src/main/site/api/dispatch');
        const result = await dispatchCall(
          site.handlers,
          'updates.list',
          { filter: { criteria: [{ property: 'severity', values: [] }] } },
          { user: 'test', transport: 'test' },
        );
        if (!result.ok) throw new Error(result.error.message);
      })(),
    ).rejects.toThrow(/filter\.criteria\.0\.values: choose at least one value/);
  });
});
