import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { inside } from './content-paths';

/**
 * A content library on disk: one file per SHA-256 under files/<first two hex digits>/, so a
 * file several packages (or several updates) share is stored once. Writes go to a temporary
 * name beside the target and are renamed into place, so a library never holds half a file.
 */
export function libraryFilePath(libraryPath: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`"${sha256}" is not a SHA-256 hash.`);
  return inside(libraryPath, 'files', sha256.slice(0, 2), sha256);
}

export function hasLibraryFile(libraryPath: string, sha256: string, size: number): boolean {
  const path = libraryFilePath(libraryPath, sha256);
  try {
    return statSync(path).size === size;
  } catch {
    return false;
  }
}

/** Copies a verified file into the library unless it is already there. */
export async function putLibraryFile(
  libraryPath: string,
  sha256: string,
  size: number,
  from: string,
  replace = false,
): Promise<'stored' | 'present'> {
  if (!replace && hasLibraryFile(libraryPath, sha256, size)) return 'present';
  const target = libraryFilePath(libraryPath, sha256);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await copyFile(from, temporary);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return 'stored';
}

export function removeLibraryFile(libraryPath: string, sha256: string): void {
  rmSync(libraryFilePath(libraryPath, sha256), { force: true });
}

/** SHA-256 and SHA-1 of a file in one read. */
export async function hashFile(
  path: string,
): Promise<{ sha256: string; sha1: string; size: number }> {
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1');
  let size = 0;
  await pipeline(createReadStream(path), async function* (source) {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      sha256.update(chunk);
      sha1.update(chunk);
      size += chunk.length;
    }
    yield* [];
  });
  return { sha256: sha256.digest('hex'), sha1: sha1.digest('hex'), size };
}
