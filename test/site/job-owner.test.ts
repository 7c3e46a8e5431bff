import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distributionJobKind } from '../../src/main/site/content/distribution-job';
import { backupJobKind } from '../../src/main/site/backup/backup-site-database';
import { afterEach, describe, expect, it } from 'vitest';
import {
  currentProcess,
  ownerProcessOf,
  type OwnerProcess,
} from '../../src/main/site/jobs/owner-process';
import type { Site } from '../../src/main/site/site';
import { call } from '../support/compliance-site';
import { countingJob } from '../support/counting-job';
import { engines } from '../support/engines';
import { openTestSite, until } from '../support/test-site';

const minute = 60_000;

/** A process that runs until killed; its pid and start token, and how to end it. */
async function liveProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    stdio: 'ignore',
  });
  await new Promise((resolve) => child.once('spawn', resolve));
  return {
    owner: ownerProcessOf(child.pid!)!,
    end: async () => {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

describe.each(engines)('a job whose owning process is gone, on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  /** A site whose runner does not run, with one job claimed by `owner` on a long lease. */
  async function claimedBy(owner: OwnerProcess | null, isResumable: boolean) {
    const opened = await openTestSite(engine, { runJobs: false });
    dispose = opened.dispose;
    const { site } = opened;
    site.runner.register(countingJob([]));
    const job = await site.jobs.enqueue({
      kind: 'test.count',
      title: 'Count',
      params: { to: 3 },
      createdBy: 'test',
      isResumable,
    });
    await site.jobs.claim('other-process', 1, 10 * minute, ['test.count'], owner);
    return { site, jobId: job.id };
  }

  const stateOf = async (site: Site, id: number) => (await site.jobs.get(id)).state;

  it('is taken over at once when its pid is no longer alive, long before its lease runs out', async () => {
    const child = await liveProcess();
    const { site, jobId } = await claimedBy(child.owner, false);
    expect(await site.runner.recoverAbandoned()).toEqual([]);
    expect(await stateOf(site, jobId)).toBe('running');
    await child.end();
    const [failed] = await site.runner.recoverAbandoned();
    expect(failed).toMatchObject({ id: jobId, state: 'failed' });
    expect(failed?.error).toBe(
      `The site process that ran this job (process ${child.owner.pid} on ${child.owner.host}) ended before the job finished. Run it again.`,
    );
    // Taken over once: a second look finds nothing more to do.
    expect(await site.runner.recoverAbandoned()).toEqual([]);
  });

  it('is queued again to resume when resumable, and never shown as running', async () => {
    const child = await liveProcess();
    const { site, jobId } = await claimedBy(child.owner, true);
    await child.end();
    const listed = await site.handlers['jobs.list'](
      { filter: { states: ['running'] }, page: { size: 50 } },
      { user: 'test', transport: 'test' },
    );
    expect(listed.rows).toEqual([]);
    expect(await stateOf(site, jobId)).toBe('queued');
    const log = await site.jobs.readLog(jobId, 0);
    expect(log.at(-1)?.text).toMatch(/ended before the job finished\. The job is queued again/);
  });

  it('is taken over when its pid now belongs to another process (started at another time)', async () => {
    const child = await liveProcess();
    const reused = { ...child.owner, startToken: `${child.owner.startToken}0` };
    const { site, jobId } = await claimedBy(reused, false);
    try {
      expect((await site.runner.recoverAbandoned()).map((job) => job.id)).toEqual([jobId]);
    } finally {
      await child.end();
    }
  });

  it('is left to its lease when its owner runs on another host, or is this very process', async () => {
    const elsewhere = { host: 'another-site-server', pid: 1, startToken: 'token:x' };
    const { site, jobId } = await claimedBy(elsewhere, false);
    expect(await site.runner.recoverAbandoned()).toEqual([]);
    const own = await site.jobs.enqueue({
      kind: 'test.count',
      title: 'Count',
      params: { to: 3 },
      createdBy: 'test',
    });
    const [claimed] = await site.jobs.claim(
      'self',
      1,
      10 * minute,
      ['test.count'],
      currentProcess(),
    );
    expect(claimed?.id).toBe(own.id);
    expect(await site.runner.recoverAbandoned()).toEqual([]);
    expect(await stateOf(site, jobId)).toBe('running');
    expect(await stateOf(site, own.id)).toBe('running');
  });

  it('stops its own copy when its lease was taken over while it stalled: never run twice at once', async () => {
    const opened = await openTestSite(engine);
    dispose = opened.dispose;
    const { site } = opened;
    site.runner.register(countingJob([], 50));
    const job = await site.jobs.enqueue({
      kind: 'test.count',
      title: 'Count',
      params: { to: 40 },
      createdBy: 'test',
      isResumable: true,
    });
    site.runner.poke();
    await until(async () => (await site.jobs.get(job.id)).progress > 0.1);
    // Another process took the job over, as its conditional update on the old lease does.
    await site.database.db
      .updateTable('job')
      .set({
        lease_owner: 'taker',
        lease_expires_at: new Date(Date.now() + 10 * minute).toISOString(),
      })
      .where('id', '=', job.id)
      .execute();
    // Longer than the rest of the count: a copy still running would log its last line.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const log = await site.jobs.readLog(job.id, 0);
    expect(log.map((line) => line.text)).not.toContainEqual(expect.stringMatching(/Counted to/));
    const row = await site.jobs.getRow(job.id);
    expect(row).toMatchObject({ state: 'running', lease_owner: 'taker' });
  });

  it('closes what a killed backup left: its partial file goes and 5040 says why', async () => {
    const child = await liveProcess();
    const opened = await openTestSite(engine, { runJobs: false });
    dispose = opened.dispose;
    const { site } = opened;
    const job = await site.jobs.enqueue({
      kind: backupJobKind,
      title: 'Back up site database',
      params: {},
      createdBy: 'test',
      maxAttempts: 1,
    });
    await site.jobs.claim('backup-process', 1, 10 * minute, [backupJobKind], child.owner);
    mkdirSync(site.folders.backups, { recursive: true });
    const partial = join(
      site.folders.backups,
      `site-2026-12-06T00-00-00-000Z-job${job.id}.db.partial`,
    );
    writeFileSync(partial, 'half a copy');
    await child.end();
    expect((await site.runner.recoverAbandoned()).map((each) => each.state)).toEqual(['failed']);
    expect(existsSync(partial)).toBe(false);
    const messages = await site.database.db
      .selectFrom('status_message')
      .select(['message_id', 'message'])
      .where('job_id', '=', job.id)
      .execute();
    expect(messages).toEqual([
      {
        message_id: 5040,
        message: `Site backup failed: The site process that ran this job (process ${child.owner.pid} on ${child.owner.host}) ended before the job finished. Run it again.`,
      },
    ]);
  });

  it('fails the distribution points a killed distribution left In progress, with the reason', async () => {
    const child = await liveProcess();
    const opened = await openTestSite(engine, { runJobs: false });
    dispose = opened.dispose;
    const { site } = opened;
    const sourcePath = mkdtempSync(join(tmpdir(), 'patchbay-owner-pkg-'));
    const pkg = await call(site, 'packages.create', { name: 'Killed copy', sourcePath });
    const library = await site.database.db
      .selectFrom('distribution_point')
      .select('id')
      .where('is_site_library', '=', 1)
      .executeTakeFirstOrThrow();
    await site.database.db
      .deleteFrom('package_distribution')
      .where('package_id', '=', pkg.id)
      .execute();
    await site.database.db
      .insertInto('package_distribution')
      .values({
        package_id: pkg.id,
        distribution_point_id: library.id,
        state: 'InProgress',
        state_message: 'Copying 3 files',
        modified_at: new Date().toISOString(),
      })
      .execute();
    const job = await site.jobs.enqueue({
      kind: distributionJobKind,
      title: 'Distribute content',
      params: { packageId: pkg.id, distributionPointIds: 'all', mode: 'distribute' },
      createdBy: 'test',
      maxAttempts: 1,
    });
    await site.jobs.claim('dist-process', 1, 10 * minute, [distributionJobKind], child.owner);
    await child.end();
    expect((await site.runner.recoverAbandoned()).map((each) => each.id)).toEqual([job.id]);
    const row = await site.database.db
      .selectFrom('package_distribution')
      .select(['state', 'state_message'])
      .where('package_id', '=', pkg.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      state: 'Failed',
      state_message: `The site process that ran this job (process ${child.owner.pid} on ${child.owner.host}) ended before the job finished. Redistribute the package.`,
    });
    const messages = await site.database.db
      .selectFrom('status_message')
      .select('message_id')
      .where('job_id', '=', job.id)
      .execute();
    expect(messages).toEqual([{ message_id: 2302 }]);
  });
});
