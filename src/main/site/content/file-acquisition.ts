import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ComponentLog } from '../logs/component-log';
import { insideReally, safeFileName } from './content-paths';
import { hasLibraryFile, hashFile, libraryFilePath } from './content-library';
import {
  asDiskError,
  copyFromFolder,
  expectedHash,
  fetchOverHttp,
  HashMismatchError,
  type FetchOptions,
} from './file-fetcher';
import type { PlannedFile } from './download-plan';

export type DownloadSource = { source: 'internet' } | { source: 'network'; path: string };

export interface AcquireContext {
  packageSource: string;
  siteLibraryPath: string;
  location: DownloadSource;
  /** Maps a catalog URL to the address to fetch (the demo content source rewrites its host). */
  resolveUrl(url: string): Promise<string>;
  log: ComponentLog;
  fetch: FetchOptions;
}

export interface AcquiredFile {
  file: PlannedFile;
  relativePath: string;
  sha256: string;
  size: number;
  bytesFetched: number;
  how: 'fetched' | 'library' | 'present';
}

/** Where a file lives in the package source: a folder per update, as ConfigMgr lays it out. */
export function packageRelativePath(updateId: string, fileName: string): string {
  return `${safeFileName(updateId)}/${safeFileName(fileName)}`;
}

/** The partial file a download resumes from; kept in the package source so it survives a restart. */
export function partialPathFor(packageSource: string, file: PlannedFile): string {
  const key = (file.sha256 || file.sha1 || String(file.contentFileId)).replace(/[^0-9a-f]/gi, '');
  return insideReally(packageSource, '.patchbay-partial', `${key}.partial`);
}

/**
 * Brings one file into the package source, in the cheapest honest way: already there with the
 * right hash (skipped), in the site's content library (copied, never downloaded again), or
 * fetched from its URL / the network folder and verified. Written under a temporary name and
 * renamed into place.
 */
export async function acquireFile(
  context: AcquireContext,
  updateId: string,
  file: PlannedFile,
): Promise<AcquiredFile> {
  const relativePath = packageRelativePath(updateId, file.fileName);
  const target = insideReally(context.packageSource, relativePath);
  const expected = expectedHash(file);
  if (isSameSize(target, file.size)) {
    const present = await hashFile(target);
    if (present[expected.algorithm] === expected.value) {
      context.log.info(
        `File ${relativePath} is already in the package source with the right hash; skipped.`,
      );
      return {
        file,
        relativePath,
        sha256: present.sha256,
        size: present.size,
        bytesFetched: 0,
        how: 'present',
      };
    }
  }
  if (file.sha256 && hasLibraryFile(context.siteLibraryPath, file.sha256, file.size)) {
    const temporary = `${target}.copying`;
    try {
      mkdirSync(dirname(target), { recursive: true });
      await copyFile(libraryFilePath(context.siteLibraryPath, file.sha256), temporary);
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw asDiskError(error, temporary) ?? error;
    }
    context.log.info(
      `Content for ${file.fileName} is already in the site content library; copied, not downloaded.`,
    );
    return {
      file,
      relativePath,
      sha256: file.sha256,
      size: file.size,
      bytesFetched: 0,
      how: 'library',
    };
  }
  const partial = partialPathFor(context.packageSource, file);
  let fetched: { sha256: string; bytesFetched: number };
  if (context.location.source === 'network') {
    context.log.info(`Contentsource = ${context.location.path}, FileName = ${file.fileName}`);
    fetched = await copyFromFolder(file, context.location.path, updateId, partial, context.fetch);
  } else {
    const url = await context.resolveUrl(file.url);
    context.log.info(
      `Downloading content for ContentID = ${file.contentFileId}, FileName = ${file.fileName}`,
    );
    context.log.info(`Contentsource = ${url}`);
    context.log.info(`Download destination = ${target}`);
    try {
      fetched = await fetchOverHttp({ ...file, url }, partial, context.fetch);
    } catch (error) {
      if (error instanceof HashMismatchError) context.log.error(error.message);
      throw error;
    }
  }
  try {
    // The update's folder appears only with a verified file to put in it.
    mkdirSync(dirname(target), { recursive: true });
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw asDiskError(error, target) ?? error;
  }
  context.log.info(`Successfully moved ${partial} to ${target}`);
  return {
    file,
    relativePath,
    sha256: fetched.sha256,
    size: statSync(target).size,
    bytesFetched: fetched.bytesFetched,
    how: 'fetched',
  };
}

function isSameSize(path: string, size: number): boolean {
  try {
    const actual = statSync(path).size;
    return size <= 0 ? actual > 0 : actual === size;
  } catch {
    return false;
  }
}
