import { statSync } from 'node:fs';
import { hashFile } from './content-library';
import { inside, isWithin, realPath } from './content-paths';

/**
 * Validate's first look: the package source folder against the package's content list. Every
 * listed file must be there, really inside the folder (not a symlink out of it), with the size
 * and SHA-256 it was downloaded with; the DPs are copied from this folder when the site library
 * lacks a file, so a tampered source is reported even when every DP still holds good copies.
 * Returns the sentence naming what is wrong, or null when the folder matches.
 */
export async function checkPackageSourceFolder(
  sourcePath: string,
  files: Array<{ relativePath: string; sha256: string; size: number }>,
  signal: AbortSignal,
): Promise<string | null> {
  const bad: string[] = [];
  for (const file of files) {
    signal.throwIfAborted();
    const path = inside(sourcePath, file.relativePath);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      bad.push(`${file.relativePath} is missing`);
      continue;
    }
    if (!isWithin(realPath(path), sourcePath)) {
      bad.push(`${file.relativePath} leads outside the folder, to ${realPath(path)}`);
      continue;
    }
    if (size !== file.size) {
      bad.push(`${file.relativePath} is altered (${size} bytes, not ${file.size})`);
      continue;
    }
    const { sha256 } = await hashFile(path);
    if (sha256 !== file.sha256) bad.push(`${file.relativePath} is altered (SHA-256 ${sha256})`);
  }
  if (bad.length === 0) return null;
  return `The package source ${sourcePath} does not match the package's content list: ${bad.length} of ${files.length} files: ${bad.slice(0, 5).join('; ')}${bad.length > 5 ? '; …' : ''}. Remove those updates from the package and download them again.`;
}
