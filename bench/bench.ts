// `npm run bench`: builds its fixtures, runs each scenario several times and prints one table with
// medians, rates, targets and — where a physical limit is measured in the same run — the ratio to
// it. The table is also written to bench/RESULTS.md with the date and machine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openSite, type Site, type SiteOptions } from '../src/main/site/site';
import { apiRoundTrip } from './scenarios/api-round-trip';
import { jobQueueThroughput } from './scenarios/job-queue';
import { catalogSync } from './scenarios/catalog-sync';
import { contentDownload } from './scenarios/content-download';
import { findBundledCatalog } from '../src/main/site/sync/bundled-catalog';
import { renderTable, type BenchRow } from './support/measure';
import { startPostgresServer } from './support/postgres-server';

const isQuick = process.argv.includes('--quick');
const rows: BenchRow[] = [];
const folder = mkdtempSync(join(tmpdir(), 'patchbay-bench-'));
const postgres = await startPostgresServer();

let databases = 0;

/** A new, empty site on the engine; `runJobs` for scenarios that go through the job runner. */
async function freshSite(
  kind: 'sqlite' | 'postgres',
  runJobs: boolean,
  more: Partial<SiteOptions> = {},
): Promise<Site> {
  const dataFolder = mkdtempSync(join(folder, `${kind}-`));
  databases += 1;
  const database =
    kind === 'sqlite'
      ? { kind, file: join(dataFolder, 'site.db') }
      : {
          kind,
          connectionString: await postgres.createDatabase(
            `bench_${Date.now().toString(36)}_${databases}`,
          ),
        };
  return openSite({
    database,
    dataFolder,
    runJobs,
    scheduleCheckMs: 0,
    bundledCatalogFolder: null,
    ...more,
  });
}

async function withSite(kind: 'sqlite' | 'postgres', body: (site: Site) => Promise<void>) {
  const site = await freshSite(kind, false);
  try {
    await body(site);
  } finally {
    await site.close();
  }
}

try {
  if (process.argv.includes('--only-p8')) rows.push(...(await contentRows()));
  else await allScenarios();
} finally {
  await postgres.stop();
  rmSync(folder, { recursive: true, force: true });
}

/** P8 on SQLite: one site folder, reopened after the interruption as a restarted process would. */
async function contentRows(): Promise<BenchRow[]> {
  return contentDownload(
    async (options) => {
      const dataFolder = mkdtempSync(join(folder, 'p8-site-'));
      const open = () =>
        openSite({
          database: { kind: 'sqlite', file: join(dataFolder, 'site.db') },
          dataFolder,
          runJobs: true,
          scheduleCheckMs: 0,
          bundledCatalogFolder: null,
          runner: { pollMs: 20, leaseMs: 1_000 },
          ...options,
        });
      return { site: await open(), reopen: open };
    },
    folder,
    isQuick ? 4 : 8,
    isQuick ? 8 : 32,
  );
}

async function allScenarios(): Promise<void> {
  await withSite('sqlite', async (site) => {
    rows.push(await apiRoundTrip(site, isQuick ? 300 : 2000));
    rows.push(...(await jobQueueThroughput(site, isQuick ? 2000 : 20_000)));
  });
  await withSite('postgres', async (site) => {
    rows.push(...(await jobQueueThroughput(site, isQuick ? 2000 : 20_000)));
  });
  const bundled = findBundledCatalog();
  if (!bundled)
    console.log('Skipping the sync scenarios: assets/catalog (the bundled catalog) is missing.');
  else
    for (const kind of ['sqlite', 'postgres'] as const)
      rows.push(
        ...(await catalogSync(
          () => freshSite(kind, true),
          bundled,
          folder,
          isQuick ? 20_000 : 200_000,
          kind,
        )),
      );
  rows.push(...(await contentRows()));
}

const table = renderTable(rows);
console.log(table);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
if (!isQuick && !process.argv.includes('--only-p8')) {
  writeFileSync(
    join(process.cwd(), 'bench', 'RESULTS.md'),
    `# Benchmark results\n\n${new Date().toISOString()} on ${machine}\n\n${table}\n`,
  );
  console.log('\nWritten to bench/RESULTS.md');
}
