import { fork } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { openSite } from '../../src/main/site/site';
import type { ExportColumn } from '../../src/shared/contract';
import type { Site } from '../../src/main/site/site';
import { formatRate, type BenchRow } from '../support/measure';

/** All Software Updates' default columns and a few more, as the console sends them. */
const columns: ExportColumn[] = [
  { header: 'Icon', field: 'icon', kind: 'text' },
  { header: 'Title', field: 'title', kind: 'text' },
  { header: 'Bulletin ID', field: 'bulletinId', kind: 'text' },
  { header: 'Article ID', field: 'articleId', kind: 'text' },
  { header: 'Required', field: 'required', kind: 'number' },
  { header: 'Installed', field: 'installed', kind: 'number' },
  { header: 'Percent Compliant', field: 'percentCompliant', kind: 'percent' },
  { header: 'Downloaded', field: 'isDownloaded', kind: 'flag' },
  { header: 'Deployed', field: 'isDeployed', kind: 'flag' },
  { header: 'Severity', field: 'severity', kind: 'text', labels: { '': 'None' } },
  { header: 'Update Classification', field: 'classification', kind: 'text' },
  { header: 'Date Released', field: 'dateReleased', kind: 'date' },
  { header: 'Size (MB)', field: 'size', kind: 'megabytes' },
];

const megabytes = (bytes: number) => bytes / 1_048_576;

/** The flag that makes bench.mjs the site process of P12 (see `listExportInSiteProcess`). */
export const p12ChildFlag = '--p12-site=';

/**
 * P12 in a process of its own that only opens the site and exports, as `patchbay serve` or the
 * Electron site process would: the bench process holds the generated catalog and the other
 * scenarios' leftovers, which are not the site's memory. SQLite only (the site opens the file).
 */
export async function listExportInSiteProcess(
  siteFile: string,
  dataFolder: string,
  engine: string,
): Promise<BenchRow> {
  const child = fork(
    process.argv[1]!,
    [`${p12ChildFlag}${JSON.stringify({ siteFile, dataFolder, engine })}`],
    {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('message', (row) => resolve(row as BenchRow));
    child.once('exit', (code) => reject(new Error(`P12's site process ended with ${code}.`)));
  });
}

/** The child's side: open the site, export, send the row back. */
export async function runP12SiteProcess(argument: string): Promise<void> {
  const { siteFile, dataFolder, engine } = JSON.parse(argument) as Record<string, string>;
  const site = await openSite({
    database: { kind: 'sqlite', file: siteFile! },
    dataFolder: dataFolder!,
    runJobs: false,
    scheduleCheckMs: 0,
    bundledCatalogFolder: null,
  });
  try {
    process.send?.(await listExportToXlsx(site, `${engine!}, site process of its own`));
  } finally {
    await site.close();
  }
}

/**
 * P12: Export to Excel of the whole of All Software Updates (newest first, as the console opens
 * it) on the site, streaming. RSS and heap of the process the site runs in are sampled every 20 ms during the export and their peaks reported against the
 * 400 MB limit; the time against 15 s.
 */
export async function listExportToXlsx(site: Site, engine: string): Promise<BenchRow> {
  const context = { user: 'bench', transport: 'test' as const };
  // The list's own count: sync keeps only the selected products and classifications.
  const { total: count } = await site.handlers['updates.list']({ page: { size: 1 } }, context);
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  const started = performance.now();
  let result;
  try {
    result = await site.handlers['lists.export'](
      {
        title: 'All Software Updates',
        format: 'xlsx',
        list: 'updates.list',
        query: { sort: { column: 'dateReleased', direction: 'desc' } },
        columns,
      },
      context,
    );
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  peakHeap = Math.max(peakHeap, after.heapUsed);
  await rm(result.path, { force: true });
  const isTimeMet = ms < 15_000;
  const isMemoryMet = megabytes(peakRss) < 400;
  if (result.rows !== count)
    throw new Error(`P12 exported ${result.rows} rows of ${count}: the export lost rows.`);
  return {
    scenario: `P12 Export to Excel: All Software Updates, streamed on the site (${engine})`,
    size: `${count} updates × ${columns.length} columns, ${megabytes(result.bytes).toFixed(1)} MB file`,
    medianMs: ms,
    rate: formatRate(count, ms, 'rows'),
    target: '< 15 s, site < 400 MB',
    ratio: `${(ms / 15_000).toFixed(2)} of 15 s${isTimeMet ? '' : ' (missed)'}; RSS peak ${megabytes(peakRss).toFixed(0)} MB (${(megabytes(peakRss) / 400).toFixed(2)} of 400 MB${isMemoryMet ? '' : ', missed'}; ${megabytes(before.rss).toFixed(0)} MB before), heap peak ${megabytes(peakHeap).toFixed(0)} MB`,
  };
}
