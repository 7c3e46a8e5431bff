import type { Site } from '../../src/main/site/site';
import { readCatalogBundle } from '../../src/main/site/catalog/bundle/read-catalog-bundle';
import { writeCatalogBundle } from '../../src/main/site/catalog/bundle/write-catalog-bundle';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import { dispatchCall } from '../../src/main/site/api/dispatch';
import { formatRate, medianOf, type BenchRow } from '../support/measure';
import { scaleCatalog } from '../support/catalog-generator';
import { listExportInSiteProcess, listExportToXlsx } from './list-export';

async function syncOnce(
  site: Site,
  isFull: boolean,
): Promise<{ ms: number; result: unknown; apiP95: number }> {
  const { jobId } = await site.handlers['sync.start'](
    { isFull },
    { user: 'bench', transport: 'test' },
  );
  site.runner.poke();
  const started = performance.now();
  // The console keeps asking while the job runs: a list call every 20 ms (P2's p95).
  const latencies: number[] = [];
  for (;;) {
    const asked = performance.now();
    await dispatchCall(
      site.handlers,
      'jobs.list',
      { page: { size: 50 } },
      { user: 'bench', transport: 'test' },
    );
    latencies.push(performance.now() - asked);
    const job = await site.jobs.get(jobId);
    if (job.state === 'succeeded') {
      latencies.sort((a, b) => a - b);
      return {
        ms: performance.now() - started,
        result: job.result,
        apiP95: latencies[Math.floor(latencies.length * 0.95)] ?? 0,
      };
    }
    if (job.state === 'failed' || job.state === 'cancelled')
      throw new Error(`bench sync ${job.state}: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * P1 and P2: a full import of the bundled real catalog, a no-change resync, and a synthetic
 * catalog scaled from it; the API's p95 latency while the job runs. The limit measured in the
 * same run is reading and verifying the same bundle without writing it (the floor any sync pays).
 */
export async function catalogSync(
  openSite: () => Promise<Site>,
  bundledFolder: string,
  workFolder: string,
  scaledCount: number,
  engine: string,
  /** `--only=p12`: only the scaled catalog and the export of it. */
  isExportOnly = false,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const templates: UpdateRecord[] = [];
  for await (const record of readCatalogBundle(bundledFolder)) templates.push(record);

  const readStarted = performance.now();
  for await (const record of readCatalogBundle(bundledFolder)) void record;
  const readMs = performance.now() - readStarted;

  const site = isExportOnly ? null : await openSite();
  if (site)
    try {
      await site.supSettings.set({
        syncSource: 'catalog-bundle',
        syncSourceLocation: bundledFolder,
        isScheduleEnabled: false,
      });
      const full = await syncOnce(site, true);
      rows.push({
        scenario: `P1 sync: full import of the bundled catalog (${engine})`,
        size: `${templates.length} updates`,
        medianMs: full.ms,
        rate: formatRate(templates.length, full.ms, 'updates'),
        target: '< 3 s',
        ratio: `${(full.ms / readMs).toFixed(1)}× read+verify`,
      });
      const again = await syncOnce(site, false);
      rows.push({
        scenario: `P1 sync: no-change resync (${engine})`,
        size: `${templates.length} updates`,
        medianMs: again.ms,
        rate: formatRate(templates.length, again.ms, 'updates'),
        target: '< 0.5 s',
        ratio: `${(again.ms / readMs).toFixed(1)}× read+verify`,
      });
    } finally {
      await site.close();
    }

  if (isExportOnly) {
    // P12 exports All Software Updates at full size, so the scaled catalog copies only updates
    // the default product and classification selection keeps (the list's own filter).
    const kept = await keptBySync(await openSite(), bundledFolder);
    templates.splice(0, templates.length, ...templates.filter((t) => kept.has(t.updateId)));
  }
  const scaledFolder = `${workFolder}/scaled-${engine}`;
  // Not kept in a variable: the 200,000 generated records must not count in P12's memory.
  writeCatalogBundle(scaledFolder, scaleCatalog(templates, scaledCount), {
    createdAt: '2026-01-01T00:00:00.000Z',
    sourceSite: null,
  });
  const scaledReadStarted = performance.now();
  for await (const record of readCatalogBundle(scaledFolder)) void record;
  const scaledReadMs = performance.now() - scaledReadStarted;
  const big = await openSite();
  try {
    await big.supSettings.set({ syncSourceLocation: scaledFolder, isScheduleEnabled: false });
    const run = await syncOnce(big, true);
    rows.push({
      scenario: `P2 sync at scale (${engine}); API p95 ${run.apiP95.toFixed(0)} ms during the job (target < 100 ms)`,
      size: `${scaledCount} updates`,
      medianMs: run.ms,
      rate: formatRate(scaledCount, run.ms, 'updates'),
      target: '< 30 s',
      ratio: `${(run.ms / scaledReadMs).toFixed(1)}× read+verify`,
    });
    if (!isExportOnly) rows.push(...(await listTimings(big, scaledCount, engine)));
    rows.push(await listExportToXlsx(big, engine));
    // The same export in a process that holds nothing but the site, as `patchbay serve`.
    if (big.database.dialect === 'sqlite')
      rows.push(await listExportInSiteProcess(big.database.location, big.folders.data, engine));
  } finally {
    await big.close();
  }
  return rows;
}

/** The update ids of the bundled catalog that a default site lists in All Software Updates. */
async function keptBySync(site: Site, bundledFolder: string): Promise<Set<string>> {
  try {
    await site.supSettings.set({ syncSourceLocation: bundledFolder, isScheduleEnabled: false });
    await syncOnce(site, true);
    const ids = new Set<string>();
    let after: string | undefined;
    for (;;) {
      const page = await site.handlers['updates.list'](
        { page: { size: 5000, ...(after && { after }) } },
        { user: 'bench', transport: 'test' },
      );
      for (const row of page.rows) ids.add(row.updateId);
      if (!page.nextCursor) return ids;
      after = page.nextCursor;
    }
  } finally {
    await site.close();
  }
}

/** P7: All Software Updates over the scaled catalog — first page, sorts and filters, on the site. */
async function listTimings(site: Site, count: number, engine: string): Promise<BenchRow[]> {
  const context = { user: 'bench', transport: 'test' as const };
  const cases: Array<[string, Parameters<Site['handlers']['updates.list']>[0], string]> = [
    ['open (newest first)', { page: { size: 200 } }, '< 500 ms'],
    [
      'sort by title',
      { sort: { column: 'title', direction: 'asc' }, page: { size: 200 } },
      '< 300 ms',
    ],
    [
      'sort by required',
      { sort: { column: 'required', direction: 'desc' }, page: { size: 200 } },
      '< 300 ms',
    ],
    ['search text', { filter: { text: 'KB7012', criteria: [] }, page: { size: 200 } }, '< 300 ms'],
    [
      'criteria: security, critical, not expired',
      {
        filter: {
          criteria: [
            { property: 'classification', values: ['Security Updates'] },
            { property: 'severity', values: ['Critical', 'Important'] },
            { property: 'expired', value: false },
          ],
        },
        page: { size: 200 },
      },
      '< 300 ms',
    ],
  ];
  const rows: BenchRow[] = [];
  for (const [name, query, target] of cases) {
    const ms = await medianOf(5, async () => {
      await site.handlers['updates.list'](query, context);
    });
    rows.push({
      scenario: `P7 All Software Updates: ${name} (${engine})`,
      size: `${count} updates`,
      medianMs: ms,
      rate: '',
      target,
      ratio: '',
    });
  }
  return rows;
}
