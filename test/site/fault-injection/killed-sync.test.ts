import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Site } from '../../../src/main/site/site';
import { syncJobKind } from '../../../src/main/site/sync/sync-job';
import { bundleOf, makeRecord } from '../../support/catalog-fixtures';
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
import { openTestSite } from '../../support/test-site';

/** Enough updates that the database phase takes a while, so kills land inside it too. */
const records = Array.from({ length: 4000 }, (_, index) =>
  makeRecord(`fault-${index}`, {
    supersedes:
      index > 0 && index % 10 === 0
        ? [{ updateId: makeRecord(`fault-${index - 1}`).updateId, articleId: null, title: '' }]
        : [],
  }),
);
const bundle = bundleOf(records);
/** Kills are spread over the job's run, from the moment the CLI says it started. */
const started = /Synchronization job \d+ started/;
/** The lease a killed `patchbay sync` held: the rerun must not wait for it to run out. */
const leaseMs = 30_000;

/** The catalog as the admin sees it; equal to a clean run's after every trial. */
async function catalogOf(site: Site) {
  const updates = await site.database.db
    .selectFrom('software_update')
    .select(['update_id', 'revision', 'is_expired', 'is_superseded'])
    .orderBy('update_id')
    .execute();
  const version = await site.database.db
    .selectFrom('site_setting')
    .select('value')
    .where('key', '=', 'sync.catalogVersion')
    .executeTakeFirst();
  const files = await site.database.db
    .selectFrom('content_file')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { updates, version: version?.value ?? null, files: Number(files.n) };
}

/** Every sync ended in exactly one 6702 or 6703 (a kill may land before its 6701). */
async function unterminatedSyncs(site: Site): Promise<string[]> {
  const rows = await sql<{ job_id: number; started: number; ended: number }>`
    SELECT job_id,
           SUM(CASE WHEN message_id = 6701 THEN 1 ELSE 0 END) AS started,
           SUM(CASE WHEN message_id IN (6702, 6703) THEN 1 ELSE 0 END) AS ended
      FROM status_message WHERE component = 'SMS_WSUS_SYNC_MANAGER'
     GROUP BY job_id`.execute(site.database.db);
  return rows.rows
    .filter((row) => Number(row.started) > 1 || Number(row.ended) !== 1)
    .map((row) => `job ${row.job_id}: ${row.started} started, ${row.ended} ended`);
}

describe.each(engines)('patchbay sync killed with SIGKILL on %s', (engine) => {
  let cli: Awaited<ReturnType<typeof bundleCli>>;
  beforeAll(async () => {
    cli = await bundleCli();
  });
  afterAll(() => cli.dispose());

  /** A new site whose sync source is the bundle; the test process only watches it. */
  async function freshSite() {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null, runJobs: false });
    await opened.site.supSettings.set({ syncSourceLocation: bundle });
    const args = siteArgs(opened.site.database.config, opened.site.folders.data);
    return { ...opened, args };
  }

  it(`recovers at once and ends with the clean catalog, ${trialCount} seeded trials`, async () => {
    const clean = await freshSite();
    const jobMs = await timeAfter(startCli(cli.path, ['sync', ...clean.args]), started);
    const expected = await catalogOf(clean.site);
    expect(expected.updates).toHaveLength(records.length);
    await clean.dispose();

    const { random } = faultRandom(`sync on ${engine}`);
    const figures: string[] = [];
    for (const [trial, delay] of killDelays(random, trialCount, jobMs).entries()) {
      const opened = await freshSite();
      try {
        const killed = await killAfter(
          startCli(cli.path, ['sync', ...opened.args]),
          delay,
          started,
        );
        const { site } = opened;
        expect(await integrityProblems(site)).toEqual([]);
        // Half the trials look first (a reader recognises the dead job), half rerun first (the
        // next sync does).
        const isReaderFirst = trial % 2 === 0;
        if (isReaderFirst)
          expect(await stuckWorkByCli(cli.path, opened.args)).toEqual({
            running: [],
            inProgress: [],
          });
        const rerun = await runCli(cli.path, ['sync', ...opened.args]);
        expect(rerun.stdout).toMatch(/Sync succeeded/);
        expect(rerun.ms).toBeLessThan(leaseMs / 2);
        expect(await stuckWork(site)).toEqual({ running: [], inProgress: [] });
        expect(await catalogOf(site)).toEqual(expected);
        expect(await unterminatedSyncs(site)).toEqual([]);
        const syncJobs = await site.database.db
          .selectFrom('job')
          .select(['id', 'state', 'error'])
          .where('kind', '=', syncJobKind)
          .orderBy('id')
          .execute();
        expect(syncJobs.at(-1)?.state).toBe('succeeded');
        // A killed sync's job failed with the sentence (or had finished before the kill landed).
        for (const job of syncJobs.slice(0, -1)) {
          if (job.state === 'succeeded') continue;
          expect(job.state).toBe('failed');
          expect(job.error).toMatch(/ended before the job finished/);
        }
        figures.push(
          `trial ${trial + 1}: killed ${delay} ms into the job (${killed.isKilled ? 'mid-run' : 'it had ended'}), rerun ${rerun.ms} ms, ${syncJobs.length} sync jobs`,
        );
      } finally {
        await opened.dispose();
      }
    }
    console.log(`sync on ${engine}: clean job ${jobMs} ms\n${figures.join('\n')}`);
  }, 600_000);
});
