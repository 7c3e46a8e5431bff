import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/engines';
import { until } from '../support/test-site';

/** `patchbay serve --db postgres://…` as an admin starts it, on a free port and its own data folder. */
async function serve(connectionString: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'patchbay-serve-'));
  const child = spawn(
    process.execPath,
    [
      'scripts/run-ts.mjs',
      'src/main/host/cli.ts',
      'serve',
      '--port',
      '0',
      '--no-console',
      '--db',
      connectionString,
      '--data-dir',
      dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await until(async () => /Patchbay console: (\S+)/.exec(output)?.[1], 30_000);
  return { child, url, dataDir, output: () => output };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('two patchbay serve processes on one PostgreSQL site', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('share one job queue, and no job runs twice', async () => {
    const database = await createTestDatabase('postgres');
    cleanups.push(database.dispose);
    if (database.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const first = await serve(database.config.connectionString);
    cleanups.push(async () => stop(first.child));
    const second = await serve(database.config.connectionString);
    cleanups.push(async () => stop(second.child));

    const call = async (url: string, method: string, input: unknown) => {
      const response = await fetch(`${url}api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return ((await response.json()) as { value: { jobId: number } }).value;
    };
    // Backups are real jobs that write one file each: a job run twice would leave two files.
    const jobIds: number[] = [];
    for (let index = 0; index < 12; index += 1)
      jobIds.push(
        (await call(index % 2 ? second.url : first.url, 'site.backupDatabase', {})).jobId,
      );

    const finished = await until(async () => {
      const page = (await call(first.url, 'jobs.list', { page: { size: 100 } })) as unknown as {
        rows: Array<{ id: number; state: string; attempts: number }>;
      };
      const ours = page.rows.filter((job) => jobIds.includes(job.id));
      return ours.length === 12 && ours.every((job) => job.state === 'succeeded') ? ours : null;
    }, 60_000);
    expect(finished.every((job) => job.attempts === 1)).toBe(true);
    const backups = [first.dataDir, second.dataDir].flatMap((folder) => {
      try {
        return readdirSync(join(folder, 'backups')).filter((name) => name.endsWith('.ndjson.gz'));
      } catch {
        return [];
      }
    });
    expect(backups).toHaveLength(12);
    // Both processes took work from the shared queue.
    expect(readdirSync(join(first.dataDir, 'backups')).length).toBeGreaterThan(0);
    expect(readdirSync(join(second.dataDir, 'backups')).length).toBeGreaterThan(0);
    for (const folder of [first.dataDir, second.dataDir])
      cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
  }, 120_000);
});
