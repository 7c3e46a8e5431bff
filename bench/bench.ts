// `npm run bench`: builds its fixtures, runs each scenario several times and prints one table with
// medians, rates, targets and — where a physical limit is measured in the same run — the ratio to
// it. The table is also written to bench/RESULTS.md with the date and machine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openSite, type Site } from '../src/main/site/site';
import { apiRoundTrip } from './scenarios/api-round-trip';
import { jobQueueThroughput } from './scenarios/job-queue';
import { catalogSync } from './scenarios/catalog-sync';
import { liveComplianceDelay } from './scenarios/live-compliance';
import { stateMessageThroughput } from './scenarios/state-messages';
import { fullSummarization } from './scenarios/summarization';
import { contentDownload } from './scenarios/content-download';
import { deadlineIngest, viewStatus } from './scenarios/deployment-status';
import { deploymentCreation } from './scenarios/deployment-create';
import { ruleEvaluation } from './scenarios/rule-evaluation';
import { findBundledCatalog } from '../src/main/site/sync/bundled-catalog';
import { perSecond, renderTable, type BenchRow } from './support/measure';
import { startPostgresServer } from './support/postgres-server';
import { p12ChildFlag, runP12SiteProcess } from './scenarios/list-export';

// P12's site process is this file started again with a flag: it exports and exits.
const p12Site = process.argv.find((arg) => arg.startsWith(p12ChildFlag));
if (p12Site) {
  await runP12SiteProcess(p12Site.slice(p12ChildFlag.length));
  process.exit(0);
}

const isQuick = process.argv.includes('--quick');
/** `--p5-clients=N`: P5's fixture is 200,000 clients × 300 updates unless told otherwise. */
const p5Clients = Number(
  process.argv.find((arg) => arg.startsWith('--p5-clients='))?.split('=')[1] ??
    (isQuick ? 2000 : 200_000),
);
const only = process.argv.find((arg) => arg.startsWith('--only='))?.split('=')[1];
const rows: BenchRow[] = [];
/** Each row is printed as it is measured, so a long run shows where it is. */
const record = (...measured: BenchRow[]) => {
  rows.push(...measured);
  for (const row of measured)
    console.log(
      `${row.scenario} | ${row.size} | ${row.medianMs.toFixed(1)} ms | ${row.rate} | ${row.ratio}`,
    );
};
const folder = mkdtempSync(join(tmpdir(), 'patchbay-bench-'));
const postgres = await startPostgresServer();

let databases = 0;

/** A new, empty site on the engine; `runJobs` for scenarios that go through the job runner. */
async function freshSite(kind: 'sqlite' | 'postgres', runJobs: boolean): Promise<Site> {
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

try {
  if (!only || only === 'compliance' || only === 'p5')
    for (const kind of ['sqlite', 'postgres'] as const) {
      if (only !== 'p5') {
        await withSite(kind, async (site) => {
          record(...(await stateMessageThroughput(site, kind, isQuick ? 100 : 1000, 300)));
        });
        await withSite(kind, async (site) => {
          record(...(await liveComplianceDelay(site, kind, 200, isQuick ? 20 : 100)));
        });
      }
      await withSite(kind, async (site) => {
        record(await fullSummarization(site, kind, p5Clients, 300, p5Clients > 20_000 ? 1 : 3));
      });
    }
  if (!only)
    await withSite('sqlite', async (site) => {
      record(await apiRoundTrip(site, isQuick ? 300 : 2000));
      record(...(await jobQueueThroughput(site, isQuick ? 2000 : 20_000)));
    });
  if (!only)
    await withSite('postgres', async (site) => {
      record(...(await jobQueueThroughput(site, isQuick ? 2000 : 20_000)));
    });
  if (only === 'p12') {
    // P12 alone: the scaled catalog on SQLite, then its export (the full run does it after P7).
    const catalog = findBundledCatalog();
    if (!catalog) console.log('Skipping P12: assets/catalog (the bundled catalog) is missing.');
    else
      record(
        ...(await catalogSync(
          () => freshSite('sqlite', true),
          catalog,
          folder,
          isQuick ? 20_000 : 200_000,
          'sqlite',
          true,
        )),
      );
  }
  const bundled = only ? null : findBundledCatalog();
  if (only) console.log(`Only the ${only} scenarios.`);
  else if (!bundled)
    console.log('Skipping the sync scenarios: assets/catalog (the bundled catalog) is missing.');
  else
    for (const kind of ['sqlite', 'postgres'] as const)
      record(
        ...(await catalogSync(
          () => freshSite(kind, true),
          bundled,
          folder,
          isQuick ? 20_000 : 200_000,
          kind,
        )),
      );
  if (!only || only === 'content') record(...(await contentRows()));
  if (!only || only === 'deployments' || only === 'p11')
    for (const kind of ['sqlite', 'postgres'] as const) {
      const site = await freshSite(kind, true);
      try {
        record(await deploymentCreation(site, kind, isQuick ? 20_000 : 200_000, 1000, 5));
      } finally {
        await site.close();
      }
      await withSite(kind, async (site) => {
        record(await viewStatus(site, kind, isQuick ? 20_000 : 200_000));
      });
      // Against P3's in-process rate of this run (300 messages a batch, `clients` batches).
      const p3Name = `P3 state messages in process (${kind})`;
      if (!rows.some((row) => row.scenario === p3Name))
        await withSite(kind, async (site) => {
          record(...(await stateMessageThroughput(site, kind, isQuick ? 100 : 1000, 300)));
        });
      const p3 = rows.find((row) => row.scenario === p3Name);
      const p3Rate = p3 ? perSecond((isQuick ? 100 : 1000) * 300, p3.medianMs) : null;
      await withSite(kind, async (site) => {
        record(await deadlineIngest(site, kind, isQuick ? 1000 : 10_000, p3Rate));
      });
    }
  if (!only || only === 'rules' || only === 'p6') {
    const catalog = findBundledCatalog();
    if (!catalog) console.log('Skipping P6: assets/catalog (the bundled catalog) is missing.');
    else
      for (const kind of ['sqlite', 'postgres'] as const)
        await withSite(kind, async (site) => {
          const row = await ruleEvaluation(site, kind, catalog, isQuick ? 20_000 : 200_000, 50);
          record(row);
          if (row.medianMs >= 500) console.log(`${row.scenario}: missed (target < 500 ms)`);
        });
  }
} finally {
  await postgres.stop();
  rmSync(folder, { recursive: true, force: true });
}

const table = renderTable(rows);
console.log(table);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
if (!isQuick && !only) {
  writeFileSync(
    join(process.cwd(), 'bench', 'RESULTS.md'),
    `# Benchmark results\n\n${new Date().toISOString()} on ${machine}\n\n${table}\n`,
  );
  console.log('\nWritten to bench/RESULTS.md');
}
