#!/usr/bin/env node
// The `patchbay` command: runs the bundled CLI, building it first on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const cli = resolve(root, 'dist/node/cli.mjs');
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [resolve(root, 'scripts/build.mjs'), '--quiet'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(pathToFileURL(cli).href);
