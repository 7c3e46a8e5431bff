import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/shared/contract';
import { countingJob } from '../support/counting-job';
import type { Site } from '../../src/main/site/site';
import { engines } from '../support/engines';
import { openTestSite, until } from '../support/test-site';

async function enqueue(site: Site, params: Record<string, unknown>, maxAttempts = 3): Promise<Job> {
  const job = await site.jobs.enqueue({
    kind: 'test.count',
    title: 'Count',
    params,
    createdBy: 'test',
    maxAttempts,
    isResumable: true,
  });
  site.runner.poke();
  return job;
}

describe.each(engines)('durable jobs on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  async function setup() {
    const opened = await openTestSite(engine);
    dispose = opened.dispose;
    const runs: number[] = [];
    opened.site.runner.register(countingJob(runs));
    opened.site.runner.poke();
    return { ...opened, runs };
  }

  it('runs a job to success, streaming progress and log lines as events', async () => {
    const { site } = await setup();
    const seen: string[] = [];
    site.events.subscribe((event) => {
      if (event.type === 'job.changed')
        seen.push(`${event.job.state}:${event.job.progress.toFixed(2)}`);
      if (event.type === 'job.log') seen.push(`log:${event.line.text}`);
    });
    const job = await enqueue(site, { to: 10 });
    const done = await until(async () => {
      const current = await site.jobs.get(job.id);
      return current.state === 'succeeded' ? current : null;
    });
    expect(done.result).toEqual({ counted: 10, startedAt: 0 });
    expect(done.progress).toBe(1);
    expect(seen).toContain('queued:0.00');
    expect(seen.some((entry) => entry.startsWith('running:0.') && entry !== 'running:0.00')).toBe(
      true,
    );
    expect(seen).toContain('log:Counted to 10, starting from 0.');
    expect((await site.jobs.readLog(job.id, 0)).map((line) => line.text)).toEqual([
      'Counted to 10, starting from 0.',
    ]);
  });

  it('cancels a running job at its next checkpoint', async () => {
    const { site } = await setup();
    const job = await enqueue(site, { to: 500 });
    await until(async () => (await site.jobs.get(job.id)).progress > 0.01);
    const asked = await site.handlers['jobs.cancel'](
      { id: job.id },
      { user: 'test', transport: 'test' },
    );
    expect(['running', 'cancelled']).toContain(asked.state);
    const ended = await until(async () => {
      const current = await site.jobs.get(job.id);
      return current.state === 'cancelled' ? current : null;
    });
    expect(ended.progress).toBeLessThan(1);
    expect(ended.error).toBe('Cancelled by an administrator.');
  });

  it('retries a failing job with backoff, then succeeds', async () => {
    const { site, runs } = await setup();
    const job = await enqueue(site, { to: 2, failUntilAttempt: 1 });
    const done = await until(async () => {
      const current = await site.jobs.get(job.id);
      return current.state === 'succeeded' ? current : null;
    }, 15_000);
    expect(done.attempts).toBe(2);
    expect(runs.filter((id) => id === job.id)).toHaveLength(2);
  });

  it('fails a job at once on a permanent error, with its sentence', async () => {
    const { site } = await setup();
    const job = await enqueue(site, { to: 2, failUntilAttempt: 5, permanent: true });
    const done = await until(async () => {
      const current = await site.jobs.get(job.id);
      return current.state === 'failed' ? current : null;
    });
    expect(done.attempts).toBe(1);
    expect(done.error).toBe('The input names a file that does not exist.');
  });

  it('finds jobs by the words of their title, status or error', async () => {
    const { site } = await setup();
    const failed = await enqueue(site, { to: 2, failUntilAttempt: 5, permanent: true });
    await until(async () => ((await site.jobs.get(failed.id)).state === 'failed' ? true : null));
    await site.jobs.enqueue({
      kind: 'test.other',
      title: 'Back up 100%_done',
      params: {},
      createdBy: 'test',
      maxAttempts: 1,
      isResumable: false,
    });
    const search = async (text: string) =>
      (
        await site.handlers['jobs.list'](
          { filter: { text }, page: { size: 10 } },
          { user: 't', transport: 'test' },
        )
      ).rows.map((job) => job.title);
    expect(await search('DOES NOT EXIST')).toEqual(['Count']);
    expect(await search('100%_')).toEqual(['Back up 100%_done']);
    expect(await search('%')).toEqual(['Back up 100%_done']);
  });

  it('resumes a job whose process died, from its checkpoint, and never leaves it running', async () => {
    const { site, reopen } = await setup();
    await site.runner.stop();
    // Simulate a process that claimed the job and died: a lease that has already run out.
    const job = await site.jobs.enqueue({
      kind: 'test.count',
      title: 'Count',
      params: { to: 6 },
      createdBy: 'test',
      isResumable: true,
    });
    const [claimed] = await site.jobs.claim('dead-process', 1, -1, ['test.count']);
    expect(claimed?.id).toBe(job.id);
    await site.jobs.saveCheckpoint(job.id, 'dead-process', { at: 4 });
    const runs: number[] = [];
    const next = await reopen({ runJobs: false });
    next.runner.register(countingJob(runs));
    await next.runner.start();
    const done = await until(async () => {
      const current = await next.jobs.get(job.id);
      return current.state === 'succeeded' ? current : null;
    });
    expect(done.result).toEqual({ counted: 2, startedAt: 4 });
    const log = await next.jobs.readLog(job.id, 0);
    expect(log[0]?.text).toContain('dead-process');
  });

  it('fails a non-resumable abandoned job with a reason', async () => {
    const { site, reopen } = await setup();
    await site.runner.stop();
    const job = await site.jobs.enqueue({
      kind: 'test.count',
      title: 'Count',
      params: { to: 6 },
      createdBy: 'test',
      isResumable: false,
    });
    await site.jobs.claim('dead-process', 1, -1, ['test.count']);
    const next = await reopen({ runJobs: false });
    next.runner.register(countingJob([]));
    await next.runner.start();
    const ended = await next.jobs.get(job.id);
    expect(ended.state).toBe('failed');
    expect(ended.error).toMatch(/dead-process.*stopped before it finished/);
  });
});

describe('several site processes on one PostgreSQL queue', () => {
  it('never run one job twice', async () => {
    const opened = await openTestSite('postgres', {
      runner: { pollMs: 5, leaseMs: 5_000, concurrency: 4 },
    });
    try {
      const runs: number[] = [];
      const others = [opened.site, await opened.reopen(), await opened.reopen()];
      for (const each of others) each.runner.register(countingJob(runs, 0));
      const jobs: Job[] = [];
      for (let index = 0; index < 60; index += 1) jobs.push(await enqueue(opened.site, { to: 1 }));
      for (const each of others) each.runner.poke();
      await until(async () => {
        const page = await opened.site.handlers['jobs.list'](
          { filter: { states: ['succeeded'] }, page: { size: 100 } },
          { user: 't', transport: 'test' },
        );
        return page.total === 60;
      }, 20_000);
      expect(runs).toHaveLength(60);
      expect(new Set(runs).size).toBe(60);
    } finally {
      await opened.dispose();
    }
  });
});
