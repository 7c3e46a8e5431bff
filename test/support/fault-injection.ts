import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { sql } from 'kysely';
import type { DatabaseConfig } from '../../src/main/site/db/database-config';
import type { Site } from '../../src/main/site/site';
import { seededRandom } from '../../src/main/host/fleet/seeded-random';

/**
 * The fault-injection suite's tools: the CLI bundled once and run as a child process exactly as
 * an admin runs `patchbay`, killed with SIGKILL at seeded random moments.
 */

/** Trials per kind and engine: a handful in `npm test`, PATCHBAY_FAULT_TRIALS=20 for more. */
export const trialCount = Math.max(1, Number(process.env.PATCHBAY_FAULT_TRIALS ?? 3) || 3);

/** The seed of this run, printed so a failing trial can be replayed with PATCHBAY_FAULT_SEED. */
export function faultRandom(kind: string): { seed: number; random: () => number } {
  const seed = Number(process.env.PATCHBAY_FAULT_SEED ?? Date.now() % 1_000_000_007);
  console.log(`fault injection (${kind}): seed ${seed} (replay with PATCHBAY_FAULT_SEED=${seed})`);
  return { seed, random: seededRandom(seed) };
}

/**
 * The CLI bundled once per test file (as run-ts does, but reused by every child), inside the
 * repository so its packages resolve; a killed child leaves nothing behind.
 */
export async function bundleCli(): Promise<{ path: string; dispose: () => void }> {
  const cache = resolve('node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const folder = mkdtempSync(join(cache, 'patchbay-fault-'));
  const path = join(folder, 'cli.mjs');
  await build({
    entryPoints: [resolve('src/main/host/cli.ts')],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  return { path, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the child exits: its code (null when killed), output and duration. */
  done: Promise<{ code: number | null; signal: string | null; stdout: string; ms: number }>;
}

/** `--db` and `--data-dir` for a site's database, as the admin passes them. */
export function siteArgs(config: DatabaseConfig, dataDir: string): string[] {
  return [
    '--db',
    config.kind === 'postgres' ? config.connectionString : config.file,
    '--data-dir',
    dataDir,
  ];
}

export function startCli(cli: string, args: string[]): CliRun {
  const started = Date.now();
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, PATCHBAY_BUNDLED_CATALOG: '/nonexistent', USER: 'fault-injection' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    ms: number;
  }>((resolveDone) =>
    child.on('exit', (code, signal) =>
      resolveDone({ code, signal, stdout: `${stdout}${stderr}`, ms: Date.now() - started }),
    ),
  );
  return { child, done };
}

/** Runs the CLI to its end; fails the test with its output if it does not succeed. */
export async function runCli(cli: string, args: string[]): Promise<{ stdout: string; ms: number }> {
  const result = await startCli(cli, args).done;
  if (result.code !== 0)
    throw new Error(`patchbay ${args.join(' ')} exited with ${result.code}:\n${result.stdout}`);
  return result;
}

/**
 * Kills the child with SIGKILL `delayMs` after its output first matches `after` (its job has
 * started), unless it ended first. Resolves once it is gone: whether the kill landed, and when.
 */
export async function killAfter(
  run: CliRun,
  delayMs: number,
  after: RegExp,
): Promise<{ isKilled: boolean; ms: number; stdout: string }> {
  let output = '';
  let timer: NodeJS.Timeout | null = null;
  const watch = (chunk: Buffer) => {
    output += chunk.toString();
    if (timer === null && after.test(output))
      timer = setTimeout(() => run.child.kill('SIGKILL'), delayMs);
  };
  run.child.stdout!.on('data', watch);
  run.child.stderr!.on('data', watch);
  const result = await run.done;
  if (timer) clearTimeout(timer);
  return { isKilled: result.signal === 'SIGKILL', ms: result.ms, stdout: result.stdout };
}

/** How long a run took after its output first matched `after`: the span kills are spread over. */
export async function timeAfter(run: CliRun, after: RegExp): Promise<number> {
  let output = '';
  let seenAt: number | null = null;
  const watch = (chunk: Buffer) => {
    output += chunk.toString();
    if (seenAt === null && after.test(output)) seenAt = Date.now();
  };
  run.child.stdout!.on('data', watch);
  run.child.stderr!.on('data', watch);
  const result = await run.done;
  if (result.code !== 0)
    throw new Error(`the clean run exited with ${result.code}:\n${result.stdout}`);
  if (seenAt === null) throw new Error(`the clean run never printed ${after}:\n${result.stdout}`);
  return Date.now() - seenAt;
}

/**
 * The engine's own integrity check: PRAGMA integrity_check on SQLite; on PostgreSQL every
 * B-tree index is verified against its table with amcheck's bt_index_check(heapallindexed).
 */
export async function integrityProblems(site: Site): Promise<string[]> {
  const db = site.database.db;
  if (site.database.dialect === 'sqlite') {
    const rows = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
    const lines = rows.rows.map((row) => row.integrity_check);
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  }
  await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(db);
  const indexes = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_am a ON a.oid = c.relam
     WHERE n.nspname = current_schema() AND a.amname = 'btree'`.execute(db);
  // A check that found nothing to check would pass for any database.
  const problems: string[] = indexes.rows.length === 0 ? ['no B-tree index found to check'] : [];
  for (const { name } of indexes.rows) {
    try {
      await sql`SELECT bt_index_check(${name}::regclass, true)`.execute(db);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** What a reader sees right after a kill: jobs listed as running, syncs shown in progress. */
export async function stuckWork(site: Site): Promise<{ running: number[]; inProgress: number[] }> {
  const context = { user: 'fault-injection', transport: 'test' } as const;
  const jobs = await site.handlers['jobs.list'](
    { filter: { states: ['running'] }, page: { size: 5000 } },
    context,
  );
  const history = await site.handlers['sync.history']({ page: { size: 5000 } }, context);
  return {
    running: jobs.rows.map((job) => job.id),
    inProgress: history.rows
      .filter((row) => ![6702, 6703].includes(row.lastStateMessageId))
      .map((row) => row.id),
  };
}

/** Seeded delays spread over `[0, spanMs]`, one per trial. */
export function killDelays(random: () => number, trials: number, spanMs: number): number[] {
  return Array.from({ length: trials }, () => Math.floor(random() * spanMs));
}

/** Resolves when the child's output first matches `pattern`; rejects if it exits before. */
export function outputMatching(run: CliRun, pattern: RegExp): Promise<void> {
  return new Promise((resolveSeen, reject) => {
    let output = '';
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) resolveSeen();
    };
    run.child.stdout!.on('data', watch);
    run.child.stderr!.on('data', watch);
    void run.done.then((result) =>
      reject(new Error(`exited with ${result.code} before ${pattern}:\n${result.stdout}`)),
    );
  });
}

/** A port that was free a moment ago, for a server that must come back on the same address. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolveClose) => server.close(resolveClose));
  return port;
}

/**
 * The same as `stuckWork`, asked as the admin asks it: `patchbay jobs list --state running` and
 * `patchbay sync status`, each a process of its own that only reads.
 */
export async function stuckWorkByCli(
  cli: string,
  siteArguments: string[],
): Promise<{ running: number[]; inProgress: number[] }> {
  const jobs = await runCli(cli, [
    'jobs',
    'list',
    '--state',
    'running',
    '--format',
    'json',
    ...siteArguments,
  ]);
  const history = await runCli(cli, ['sync', 'status', '--format', 'json', ...siteArguments]);
  return {
    running: (JSON.parse(jobs.stdout) as Array<{ id: number }>).map((job) => job.id),
    inProgress: (JSON.parse(history.stdout) as Array<{ id: number; lastStateMessageId: number }>)
      .filter((row) => ![6702, 6703].includes(row.lastStateMessageId))
      .map((row) => row.id),
  };
}
