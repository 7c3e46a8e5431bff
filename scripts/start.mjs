#!/usr/bin/env node
// `npm start`: opens the Electron console on the embedded default site. Where Electron's runtime
// is not installed (it cannot be downloaded on every machine), the same console is served on a
// loopback URL instead, so a newcomer always gets a working console.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const root = resolve(import.meta.dirname, '..');
const extraArgs = process.argv.slice(2);

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = findElectronBinary();
if (electron) {
  run(electron, [resolve(root, 'dist/electron/main.cjs'), ...extraArgs]);
} else {
  console.log(
    'The Electron runtime is not installed on this machine, so Patchbay serves the same console in your browser at the URL below.',
  );
  const port = process.env.PATCHBAY_PORT ?? '8530';
  run(process.execPath, [resolve(root, 'bin/patchbay.mjs'), 'serve', '--port', port, ...extraArgs]);
}
