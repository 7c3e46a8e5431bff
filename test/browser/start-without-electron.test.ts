import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { until } from '../support/test-site';

const hasElectron = findElectronBinary() !== null;
if (hasElectron)
  console.log(
    'Skipping the no-Electron start test: the Electron runtime is installed here, so npm start opens its window.',
  );

/** `npm start` on a machine without the Electron runtime (scripts/start.mjs after the build). */
describe.skipIf(hasElectron)('npm start without the Electron runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'patchbay-start-'));
  const child = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', dataDir], {
    env: { ...process.env, PATCHBAY_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  afterAll(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says so in one sentence and serves the same console on a loopback URL it prints', async () => {
    const url = await until(
      async () => /Patchbay console: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1],
      30_000,
    );
    const sentence = output.split('\n')[0]!;
    expect(sentence).toBe(
      'The Electron runtime is not installed on this machine, so Patchbay serves the same console in your browser at the URL below.',
    );
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
  });
});
