// Where the Electron runtime is, without ever downloading it. Requiring the `electron` package
// would try to download a missing binary, which hangs or fails on machines that cannot reach it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/** The Electron executable's path, or null when the runtime is not installed. */
export function findElectronBinary() {
  let packageFolder;
  try {
    packageFolder = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageFolder, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageFolder, 'dist');
  if (!relative && !process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const binary = join(dist, relative || 'electron');
  return existsSync(binary) ? binary : null;
}
