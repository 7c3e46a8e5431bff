import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FromSiteProcess, ToSiteProcess } from '../../src/main/host/site-process-protocol';
import { SiteApi } from '../../src/shared/api/site-api';
import type { SiteTransport } from '../../src/shared/api/transport';
import type { WireResult } from '../../src/shared/errors';

/**
 * The desktop console's transport: the site in its own process, reached by messages exactly as
 * the Electron shell relays IPC calls. Here a Node child process stands in for Electron's
 * utility process (same entry, same protocol), since Electron's binary is not installed.
 */
describe('the site process behind the IPC transport', () => {
  let child: ChildProcess;
  let dataDir: string;
  const pending = new Map<number, (result: WireResult) => void>();
  let nextId = 1;

  const transport: SiteTransport = {
    kind: 'ipc',
    call: (method, input) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        child.send({ type: 'call', id, method, input } satisfies ToSiteProcess);
      }),
    subscribe: () => () => undefined,
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'patchbay-site-process-'));
    child = fork('scripts/run-ts.mjs', ['src/main/host/site-process.ts', '--data-dir', dataDir], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.on('message', (message: FromSiteProcess) => {
        if (message.type === 'ready') resolve();
        if (message.type === 'fatal') reject(new Error(message.message));
        if (message.type === 'result') pending.get(message.id)?.(message.result);
      });
      child.once('exit', (code) => reject(new Error(`site process exited with ${code}`)));
    });
  }, 60_000);

  afterAll(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a typed call', async () => {
    const info = await new SiteApi(transport).call('site.info', {});
    expect(info).toMatchObject({ siteCode: 'PS1', databaseKind: 'sqlite' });
  });

  it('refuses a malformed call with the same error shape as HTTP, naming the field', async () => {
    const result = await transport.call('jobs.get', { id: 'seven' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(result.ok === false && result.error.message).toMatch(/^id: /);
    const unknown = await transport.call('site.selfDestruct', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });
});
