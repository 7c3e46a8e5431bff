import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the catalog bundle shipped with Patchbay lives: PATCHBAY_BUNDLED_CATALOG when set (the
 * packaged app passes its resources folder), else `assets/catalog` found by walking up from this
 * module — the repository in development, the app folder when installed.
 */
export function findBundledCatalog(): string | null {
  const fromEnvironment = process.env.PATCHBAY_BUNDLED_CATALOG;
  if (fromEnvironment) return resolve(fromEnvironment);
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth += 1) {
    const candidate = join(folder, 'assets', 'catalog');
    if (existsSync(join(candidate, 'manifest.json'))) return candidate;
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return null;
}
