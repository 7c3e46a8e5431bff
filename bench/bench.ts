// `npm run bench`: builds its fixtures, runs each scenario several times and prints one table with
// medians, rates, targets and — where a physical limit is measured in the same run — the ratio to
// it. The table is also written to bench/RESULTS.md with the date and machine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openSite, type Site } from '../src/main/site/site';
import { apiRoundTrip } from './scenarios/api-round-trip';
import { jobQueueThroughput } from './scenarios/job-queue';
import { renderTable, type BenchRow } from './support/measure';
import { startPostgresServer } from './support/postgres-server';

const isQuick = process.argv.includes('--quick');
const rows: BenchRow[] = [];
const folder = mkdtempSync(join(tmpdir(), 'patchbay-bench-'));
const postgres = await startPostgresServer();

async function withSite(kind: 'sqlite' | 'postgres', body: (site: Site) => Promise<void>) {
  const dataFolder = mkdtempSync(join(folder, `${kind}-`));
  const database =
    kind === 'sqlite'
      ? { kind, file: join(dataFolder, 'site.db') }
      : {
          kind,
          connectionString: await postgres.createDatabase(`bench_${Date.now().toString(36)}`),
        };
  const site = await openSite({ database, dataFolder, runJobs: false });
  try {
    await body(site);
  } finally {
    await site.close();
  }
}

try {
  await withSite('sqlite', async (site) => {
    rows.push(await apiRoundTrip(site, isQuick ? 300 : 2000));
    rows.push(...(await jobQueueThroughput(site, isQuick ? 2000 : 20_000)));
  });
  await withSite('postgres', async (site) => {
    rows.push(...(await jobQueueThroughput(site, isQuick ? 2000 : 20_000)));
  });
} finally {
  await postgres.stop();
  rmSync(folder, { recursive: true, force: true });
}

const table = renderTable(rows);
console.log(table);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
if (!isQuick) {
  writeFileSync(
    join(process.cwd(), 'bench', 'RESULTS.md'),
    `# Benchmark results\n\n${new Date().toISOString()} on ${machine}\n\n${table}\n`,
  );
  console.log('\nWritten to bench/RESULTS.md');
}
