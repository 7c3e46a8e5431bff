import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { SiteError } from '../../shared/errors';

/**
 * Makes a folder the site needs (its data folder, logs, the SQLite file's folder), turning the
 * system's `ENOTDIR: mkdir …` into a sentence that names the file standing in the way.
 */
export function makeSiteFolder(path: string, what: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      throw new SiteError(
        'invalid-input',
        `The ${what} ${path} cannot be made: ${fileInTheWay(path)} is a file, not a folder.`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new SiteError(
        'refused',
        `The ${what} ${path} cannot be made: this account may not write there.`,
      );
    }
    throw error;
  }
}

/** The nearest part of the path that exists and is not a folder. */
function fileInTheWay(path: string): string {
  for (let part = path; part !== dirname(part); part = dirname(part)) {
    try {
      if (!statSync(part).isDirectory()) return part;
    } catch {
      // Not there (or not reachable through a file): look one level up.
    }
  }
  return path;
}
