import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { httpGetStream } from './http-get';

/** A content file to bring into a package, as the catalog describes it. */
export interface ContentFileSource {
  fileName: string;
  url: string;
  size: number;
  sha256: string;
  sha1: string;
}

export interface FetchOptions {
  signal: AbortSignal;
  /** Attempts per file before it fails (HTTP only). */
  attempts: number;
  /** First retry delay; doubles on each retry. */
  backoffMs: number;
  onBytes(bytes: number): void;
  onRetry(message: string): void;
}

/** The file's bytes did not match the catalog; both hashes are in the message. */
export class HashMismatchError extends Error {
  override readonly name = 'HashMismatchError';
}

/** A failure a retry will not fix (a 404, a full disk, a refused folder). */
export class PermanentFetchError extends Error {
  override readonly name = 'PermanentFetchError';
}

/** The hash the catalog gives: SHA-256 where it has one, else SHA-1 (older WSUS metadata). */
export function expectedHash(file: ContentFileSource): {
  algorithm: 'sha256' | 'sha1';
  value: string;
} {
  return file.sha256
    ? { algorithm: 'sha256', value: file.sha256.toLowerCase() }
    : { algorithm: 'sha1', value: file.sha1.toLowerCase() };
}

/**
 * Downloads one file over HTTP(S) into `partialPath`, resuming from what an earlier attempt (or
 * an earlier process) left there with a Range request, and verifies the hash over the whole
 * file as the bytes arrive. Returns the file's SHA-256 and the bytes fetched this time; on a
 * hash mismatch the partial file is deleted so the next attempt starts clean.
 */
export async function fetchOverHttp(
  file: ContentFileSource,
  partialPath: string,
  options: FetchOptions,
): Promise<{ sha256: string; bytesFetched: number }> {
  mkdirSync(dirname(partialPath), { recursive: true });
  let bytesFetched = 0;
  let lastError: Error | null = null;
  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {
    options.signal.throwIfAborted();
    try {
      const fetched = await fetchOnce(file, partialPath, options, (n) => {
        bytesFetched += n;
        options.onBytes(n);
      });
      return { sha256: fetched, bytesFetched };
    } catch (error) {
      if (options.signal.aborted) throw error;
      if (error instanceof HashMismatchError) {
        rmSync(partialPath, { force: true });
        throw error;
      }
      if (error instanceof PermanentFetchError) throw error;
      lastError = describeNetworkError(error, file.url);
      if (attempt < options.attempts) {
        const delay = options.backoffMs * 2 ** (attempt - 1);
        options.onRetry(
          `${lastError.message} Retrying in ${delay} ms (attempt ${attempt + 1} of ${options.attempts}).`,
        );
        await sleep(delay, options.signal);
      }
    }
  }
  throw new PermanentFetchError(
    `${lastError?.message ?? `Could not download ${file.url}.`} Gave up after ${options.attempts} attempts.`,
  );
}

async function fetchOnce(
  file: ContentFileSource,
  partialPath: string,
  options: FetchOptions,
  onBytes: (n: number) => void,
): Promise<string> {
  const { algorithm, value } = expectedHash(file);
  const isSizeKnown = file.size > 0;
  let have = Math.max(0, sizeOf(partialPath));
  // Without a known size a partial file cannot be trusted as a prefix: start over.
  if (!isSizeKnown || have > file.size) {
    rmSync(partialPath, { force: true });
    have = 0;
  }
  const hashes = newHashes(algorithm);
  if (isSizeKnown && have === file.size) {
    // An earlier process fetched every byte but stopped before the rename: verify, no refetch.
    await hashPrefix(partialPath, hashes);
    return finish(hashes, file, value);
  }
  const response = await httpGetStream(
    file.url,
    have > 0 ? { Range: `bytes=${have}-` } : {},
    options.signal,
  );
  const status = response.statusCode ?? 0;
  if (status === 404 || status === 410 || status === 403) {
    response.resume();
    throw new PermanentFetchError(
      `${file.url} answered ${status} ${response.statusMessage ?? ''}.`.replace(' .', '.'),
    );
  }
  if (status < 200 || status >= 300) {
    response.resume();
    throw new Error(
      `${file.url} answered ${status} ${response.statusMessage ?? ''}.`.replace(' .', '.'),
    );
  }
  const isResumed = status === 206 && have > 0;
  // A server that ignores Range answers 200 with the whole file: start the partial over.
  if (isResumed) await hashPrefix(partialPath, hashes);
  await writeBody(response, partialPath, isResumed, hashes, onBytes);
  const size = sizeOf(partialPath);
  if (isSizeKnown && size !== file.size)
    throw new Error(`${file.url} ended after ${size} of ${file.size} bytes.`);
  return finish(hashes, file, value);
}

type Hashes = { sha256: Hash; check: Hash | null };

/** SHA-256 always (the content library's key), and SHA-1 too where that is what the catalog has. */
function newHashes(algorithm: 'sha256' | 'sha1'): Hashes {
  return { sha256: createHash('sha256'), check: algorithm === 'sha1' ? createHash('sha1') : null };
}

/** Passes the bytes on, hashing and counting them as they go by. */
function hashingTap(hashes: Hashes, onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hashes.sha256.update(chunk);
      hashes.check?.update(chunk);
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
}

/** A failed check throws with both hashes named. */
function finish(hashes: Hashes, file: ContentFileSource, expected: string): string {
  const sha256 = hashes.sha256.digest('hex');
  const actual = hashes.check ? hashes.check.digest('hex') : sha256;
  if (actual !== expected) {
    const algorithm = hashes.check ? 'SHA-1' : 'SHA-256';
    throw new HashMismatchError(
      `The file ${file.fileName} from ${file.url} failed hash verification: the catalog says ${algorithm} ${expected}, the file has ${actual}. It was rejected.`,
    );
  }
  return sha256;
}

async function hashPrefix(path: string, hashes: Hashes): Promise<void> {
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hashes.sha256.update(chunk);
    hashes.check?.update(chunk);
  }
}

async function writeBody(
  body: Readable,
  partialPath: string,
  append: boolean,
  hashes: Hashes,
  onBytes: (n: number) => void,
): Promise<void> {
  try {
    await pipeline(
      body,
      hashingTap(hashes, onBytes),
      createWriteStream(partialPath, { flags: append ? 'a' : 'w' }),
    );
  } catch (error) {
    throw asDiskError(error, partialPath) ?? error;
  }
}

/**
 * Copies one file from a folder ("Download software updates from a location on my network"),
 * looking for it by name at the top of the folder or under a folder named after the update.
 */
export async function copyFromFolder(
  file: ContentFileSource,
  folder: string,
  updateId: string,
  partialPath: string,
  options: Pick<FetchOptions, 'onBytes' | 'signal'>,
): Promise<{ sha256: string; bytesFetched: number }> {
  const candidates = [join(folder, file.fileName), join(folder, updateId, file.fileName)];
  const found = candidates.find((path) => sizeOf(path) >= 0);
  if (!found)
    throw new PermanentFetchError(
      `The file ${file.fileName} is not in ${folder} (nor in its ${updateId} folder).`,
    );
  mkdirSync(dirname(partialPath), { recursive: true });
  const { algorithm, value } = expectedHash(file);
  const hashes = newHashes(algorithm);
  try {
    await pipeline(
      createReadStream(found, { signal: options.signal }),
      hashingTap(hashes, options.onBytes),
      createWriteStream(partialPath),
    );
  } catch (error) {
    rmSync(partialPath, { force: true });
    throw asDiskError(error, partialPath) ?? error;
  }
  try {
    return {
      sha256: finish(hashes, { ...file, url: found }, value),
      bytesFetched: sizeOf(partialPath),
    };
  } catch (error) {
    rmSync(partialPath, { force: true });
    throw error;
  }
}

/** A full disk or a refused folder becomes a sentence; the partial file is removed. */
export function asDiskError(error: unknown, path: string): PermanentFetchError | null {
  const code = (error as NodeJS.ErrnoException)?.code;
  const sentence =
    code === 'ENOSPC'
      ? `The disk holding ${dirname(path)} is full.`
      : code === 'EACCES' || code === 'EPERM'
        ? `The site may not write to ${dirname(path)} (permission denied).`
        : code === 'EROFS'
          ? `${dirname(path)} is on a read-only file system.`
          : null;
  if (!sentence) return null;
  rmSync(path, { force: true });
  return new PermanentFetchError(sentence);
}

function describeNetworkError(error: unknown, url: string): Error {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return new Error(`Could not download ${url}: ${detail}.`);
}

export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
