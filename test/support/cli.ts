import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The CLI as an admin types it (through the TypeScript entry, so no build is needed), on the
 * site in `dataDir`, without the bundled catalog so each test brings its own.
 */
export async function patchbay(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['scripts/run-ts.mjs', 'src/main/host/cli.ts', ...args, '--data-dir', dataDir],
      { env: { ...process.env, PATCHBAY_BUNDLED_CATALOG: '/nonexistent', USER: 'cli-admin' } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A command's `--format json` output, parsed; the test names the type it expects. */
export async function patchbayJson<T>(dataDir: string, ...args: string[]): Promise<T> {
  return JSON.parse((await patchbay(dataDir, ...args, '--format', 'json')).stdout) as T;
}

/** Temporary folders a test file makes, removed together afterwards. */
export function temporaryFolders(): { folder(prefix: string): string; removeAll(): void } {
  const made: string[] = [];
  return {
    folder: (prefix) => {
      const path = mkdtempSync(join(tmpdir(), prefix));
      made.push(path);
      return path;
    },
    removeAll: () =>
      made.splice(0).forEach((path) => rmSync(path, { recursive: true, force: true })),
  };
}
