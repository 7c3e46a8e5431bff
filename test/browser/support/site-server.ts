import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningSite {
  readonly url: string;
  readonly dataDir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const repositoryRoot = resolve(import.meta.dirname, '../../..');

/**
 * Starts the built `patchbay serve` on a fresh data folder and a free port, and waits for the
 * line that names the console's address. PATCHBAY_SERVE_SCRIPT may name another entry script
 * that accepts the same arguments (a development build, for example).
 */
export async function startSite(
  options: {
    /** An existing data folder (a site prepared with `db init`, `admin add`…). */
    dataDir?: string;
    /** More `serve` options, e.g. `--host 0.0.0.0 --tls-self-signed`. */
    serveArgs?: string[];
  } = {},
): Promise<RunningSite> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'patchbay-console-test-'));
  const script = process.env.PATCHBAY_SERVE_SCRIPT ?? join(repositoryRoot, 'bin/patchbay.mjs');
  const args = [
    script,
    'serve',
    '--port',
    '0',
    '--data-dir',
    dataDir,
    ...(options.serveArgs ?? []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`patchbay serve did not print its address in 30 s:\n${output}`)),
      30_000,
    );
    const check = () => {
      const match = /Patchbay console: (https?:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`patchbay serve exited with code ${code}:\n${output}`));
    });
  });

  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
