import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { countingJob } from '../support/counting-job';
import { engines } from '../support/engines';
import { openTestSite, until } from '../support/test-site';

describe.each(engines)('a site process killed mid-job on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  it('is resumed from its checkpoint by the next process, never left running', async () => {
    const opened = await openTestSite(engine, { runJobs: false });
    dispose = opened.dispose;
    const { site } = opened;
    const config = site.database.config;
    const child = spawn(
      process.execPath,
      [
        'scripts/run-ts.mjs',
        'test/support/job-child-process.ts',
        JSON.stringify(config),
        site.folders.data,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
    });
    const job = await site.jobs.enqueue({
      kind: 'test.count',
      title: 'Count',
      params: { to: 60 },
      createdBy: 'test',
      isResumable: true,
    });
    await until(async () => (await site.jobs.get(job.id)).progress >= 0.2, 20_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const atKill = await site.jobs.get(job.id);
    expect(atKill.state).toBe('running');

    const runs: number[] = [];
    site.runner.register(countingJob(runs, 5));
    await site.runner.start();
    const done = await until(async () => {
      const current = await site.jobs.get(job.id);
      return current.state === 'succeeded' ? current : null;
    }, 20_000);
    const result = done.result as { counted: number; startedAt: number };
    expect(result.startedAt).toBeGreaterThanOrEqual(12);
    expect(result.startedAt + result.counted).toBe(60);
    expect(done.attempts).toBe(2);
    const log = await site.jobs.readLog(job.id, 0);
    expect(log.some((line) => line.text.includes('resumes from its last checkpoint'))).toBe(true);
  }, 60_000);
});
