#!/usr/bin/env node
// Builds everything `npm start`, `patchbay` and the browser tests run:
//   dist/node/      the CLI, the site process and the benchmarks (esbuild, ESM, packages external)
//   dist/electron/  the thin Electron shell and its sandboxed preload (CommonJS, as Electron loads them)
//   dist/renderer/  the console (Vite), served by `patchbay serve` and loaded by Electron
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build as viteBuild } from 'vite';

const root = resolve(import.meta.dirname, '..');
const quiet = process.argv.includes('--quiet');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const started = Date.now();

const nodeEntries = {
  cli: 'src/main/host/cli.ts',
  'site-process': 'src/main/host/site-process.ts',
  bench: 'bench/bench.ts',
};

async function buildNode() {
  await esbuild({
    absWorkingDir: root,
    entryPoints: nodeEntries,
    outdir: 'dist/node',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

async function buildElectron() {
  if (!existsSync(resolve(root, 'src/main/electron/main.ts'))) return;
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  };
  // The main process keeps npm packages external (they ship in the app's node_modules); the
  // sandboxed preload may require nothing but electron, so everything else is bundled into it.
  await esbuild({
    ...common,
    entryPoints: ['src/main/electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    packages: 'external',
  });
  await esbuild({
    ...common,
    entryPoints: ['src/main/electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
  });
}

async function buildRenderer() {
  await viteBuild({
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: quiet ? 'warn' : 'info',
  });
}

const steps = { node: buildNode, electron: buildElectron, renderer: buildRenderer };
try {
  for (const [name, step] of Object.entries(steps)) {
    if (only && only !== name) continue;
    await step();
  }
  if (!quiet) console.log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
