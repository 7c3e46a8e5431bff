import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { createTestDatabase, engines } from '../support/engines';
import { until } from '../support/test-site';

const run = promisify(execFile);

/**
 * Issue 4's acceptance: a group made in the console shows up in the CLI and the other way round.
 * The console's side is `patchbay serve`'s HTTP API, the transport the browser console uses.
 */
describe.each(engines)('software update groups between the console and the CLI on %s', (engine) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('shows a console-made group in the CLI, and a CLI-made group in the console', async () => {
    const database = await createTestDatabase(engine);
    cleanups.push(database.dispose);
    const dataDir = mkdtempSync(join(tmpdir(), 'patchbay-groups-both-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const dbArg =
      database.config.kind === 'postgres' ? database.config.connectionString : database.config.file;
    const env = { ...process.env, PATCHBAY_BUNDLED_CATALOG: '/nonexistent', USER: 'cli-admin' };
    const cli = async (...args: string[]) =>
      (
        await run(
          process.execPath,
          [
            'scripts/run-ts.mjs',
            'src/main/host/cli.ts',
            ...args,
            '--db',
            dbArg,
            '--data-dir',
            dataDir,
          ],
          { env },
        )
      ).stdout;

    const records = [
      makeRecord('alpha', { articleId: '5030001' }),
      makeRecord('beta', { articleId: '5030002' }),
      makeRecord('gamma', { articleId: '5030003' }),
    ];
    // Only sync, serve and db init create a site; every other verb needs one.
    await cli('db', 'init');
    await cli('catalog', 'import', bundleOf(records));

    const server: ChildProcess = spawn(
      process.execPath,
      [
        'scripts/run-ts.mjs',
        'src/main/host/cli.ts',
        'serve',
        '--port',
        '0',
        '--no-console',
        '--db',
        dbArg,
        '--data-dir',
        dataDir,
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(async () => {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    });
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await until(async () => /Patchbay console: (\S+)/.exec(output)?.[1], 30_000);
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const response = await fetch(`${url}api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as {
        ok: boolean;
        value: T;
        error?: { message: string };
      };
      if (!body.ok) throw new Error(body.error?.message);
      return body.value;
    };

    const updates = await call<{ rows: Array<{ ciId: number; articleId: string }> }>(
      'updates.list',
      { page: { size: 10 } },
    );
    const ciIds = updates.rows.filter((row) => row.articleId !== '5030003').map((row) => row.ciId);
    await call('groups.create', { name: 'From the console', description: 'made over HTTP', ciIds });
    const listed = JSON.parse(await cli('group', 'list', '--format', 'json')) as Array<
      Record<string, unknown>
    >;
    expect(listed.find((group) => group.name === 'From the console')).toMatchObject({
      numberOfUpdates: 2,
    });

    await cli('group', 'new', 'From the shell', '--update', 'KB5030003');
    const page = await call<{
      rows: Array<{ name: string; numberOfUpdates: number; createdBy: string }>;
    }>('groups.list', {
      page: { size: 10 },
    });
    expect(page.rows.find((group) => group.name === 'From the shell')).toMatchObject({
      numberOfUpdates: 1,
      createdBy: 'cli-admin',
    });
  }, 120_000);
});
