import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { downloadJobKind } from '../../../src/main/site/content/download-job';
import type { Site } from '../../../src/main/site/site';
import { bundleOf, makeRecord } from '../../support/catalog-fixtures';
import { call } from '../../support/compliance-site';
import { engines } from '../../support/engines';
import {
  bundleCli,
  faultRandom,
  integrityProblems,
  killAfter,
  killDelays,
  runCli,
  siteArgs,
  startCli,
  stuckWork,
  stuckWorkByCli,
  timeAfter,
  trialCount,
} from '../../support/fault-injection';
import { startPayloadServer, type PayloadServer } from '../../support/payload-server';
import { syncAndWait } from '../../support/sync-helpers';
import { openTestSite } from '../../support/test-site';

const started = /Download job \d+ started/;
const leaseMs = 30_000;
const files = Array.from({ length: 6 }, (_, index) => ({
  name: `fault-kb${index}-x64.msu`,
  body: Buffer.alloc(1_000_000 + index * 1000, `payload-${index}`),
}));

/** Every file in a package source, by path, with its SHA-256; partial files left aside. */
function filesIn(folder: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.patchbay-partial') walk(path);
      } else if (statSync(path).size > 0)
        found[relative(folder, path)] = createHash('sha256')
          .update(readFileSync(path))
          .digest('hex');
    }
  };
  walk(folder);
  return found;
}

async function packageContent(site: Site, packageId: number) {
  const members = await call(site, 'packages.memberIds', { id: packageId });
  const rows = await site.database.db
    .selectFrom('job')
    .select(['id', 'state', 'error'])
    .where('kind', '=', downloadJobKind)
    .orderBy('id')
    .execute();
  return { members, jobs: rows };
}

describe.each(engines)('patchbay download killed with SIGKILL on %s', (engine) => {
  let cli: Awaited<ReturnType<typeof bundleCli>>;
  let server: PayloadServer;
  const cleanup: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    cli = await bundleCli();
    // Paced, so a download takes about a second and kills land while files are half-fetched.
    server = await startPayloadServer(new Map(files.map((file) => [file.name, file.body])), {
      chunkBytes: 32_768,
      pauseMs: 12,
    });
  });
  afterAll(async () => {
    cli.dispose();
    await server.close();
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const records = () =>
    files.map((file, index) =>
      makeRecord(`fault-download-${index}`, {
        contentFiles: [
          {
            fileName: file.name,
            url: server.urlOf(file.name),
            size: file.body.length,
            sha256: createHash('sha256').update(file.body).digest('hex'),
            sha1: createHash('sha1').update(file.body).digest('hex'),
            language: '',
          },
        ],
      }),
    );

  /** A synchronized site with an empty package; the test process then only watches. */
  async function freshSite() {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    cleanup.push(opened.dispose);
    await opened.site.supSettings.set({ syncSourceLocation: bundleOf(records()) });
    expect((await syncAndWait(opened.site)).error).toBeNull();
    const sourcePath = mkdtempSync(join(tmpdir(), 'patchbay-fault-pkg-'));
    const pkg = await call(opened.site, 'packages.create', { name: 'Fault', sourcePath });
    const ciIds = (
      await opened.site.database.db.selectFrom('software_update').select('ci_id').execute()
    ).map((row) => `ci:${row.ci_id}`);
    await opened.site.close();
    const site = await opened.reopen({ runJobs: false });
    const args = [
      'download',
      '--update',
      ...ciIds,
      '--package',
      String(pkg.id),
      ...siteArgs(site.database.config, site.folders.data),
    ];
    return { site, args, sourcePath, packageId: pkg.id };
  }

  it(`resumes at once, never fetches a file twice at once, ends as a clean run, ${trialCount} seeded trials`, async () => {
    const clean = await freshSite();
    const jobMs = await timeAfter(startCli(cli.path, clean.args), started);
    const expectedFiles = filesIn(clean.sourcePath);
    expect(Object.keys(expectedFiles)).toHaveLength(files.length);
    const expected = await packageContent(clean.site, clean.packageId);
    expect(expected.jobs.map((job) => job.state)).toEqual(['succeeded']);

    const { random } = faultRandom(`download on ${engine}`);
    const figures: string[] = [];
    for (const [trial, delay] of killDelays(random, trialCount, jobMs).entries()) {
      const { site, args, sourcePath, packageId } = await freshSite();
      const requestsBefore = server.requests.length;
      const killed = await killAfter(startCli(cli.path, args), delay, started);
      expect(await integrityProblems(site)).toEqual([]);
      // Half the trials ask first (a reader recognises the dead job), half rerun first.
      if (trial % 2 === 0)
        expect(
          await stuckWorkByCli(cli.path, siteArgs(site.database.config, site.folders.data)),
        ).toEqual({ running: [], inProgress: [] });
      const rerun = await runCli(cli.path, args);
      expect(rerun.ms).toBeLessThan(leaseMs / 2);
      expect(rerun.stdout).toMatch(/Package is at Source Version \d+/);
      expect(await stuckWork(site)).toEqual({ running: [], inProgress: [] });
      expect(filesIn(sourcePath)).toEqual(expectedFiles);
      const content = await packageContent(site, packageId);
      expect(content.members).toEqual(expected.members);
      // The killed job was resumed (or had ended); no download failed or ran beside another.
      expect(content.jobs.every((job) => job.state === 'succeeded')).toBe(true);
      for (const file of files) expect(server.peakInFlight(file.name)).toBeLessThanOrEqual(1);
      figures.push(
        `trial ${trial + 1}: killed ${delay} ms into the job (${killed.isKilled ? 'mid-run' : 'it had ended'}), rerun ${rerun.ms} ms, ${content.jobs.length} download jobs, ${server.requests.length - requestsBefore} requests for ${files.length} files`,
      );
    }
    console.log(`download on ${engine}: clean job ${jobMs} ms\n${figures.join('\n')}`);
  }, 600_000);
});
