import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import {
  CatalogBundleRecordSchema,
  CatalogManifestSchema,
  type CatalogManifest,
  type CatalogPart,
} from '../../../../shared/catalog/catalog-bundle';
import type { UpdateRecord } from '../update-record';

/**
 * Reads a catalog bundle, given its folder or its manifest.json. Every part is checked against
 * the manifest's byte count and SHA-256 BEFORE any record is yielded, so a damaged or tampered
 * bundle changes nothing on the site. Each line is then parsed with the shared record schema; a
 * bad one throws naming the part and line, so the admin knows which file to replace.
 */
export async function* readCatalogBundle(location: string): AsyncGenerator<UpdateRecord> {
  const manifestPath = location.endsWith('.json') ? location : join(location, 'manifest.json');
  const folder = dirname(manifestPath);
  const manifest = readManifest(manifestPath);
  for (const part of manifest.parts) await verifyPart(folder, part, manifestPath);
  let total = 0;
  for (const part of manifest.parts) {
    let inPart = 0;
    for await (const record of readPart(join(folder, part.name), part.name)) {
      inPart += 1;
      yield record;
    }
    if (inPart !== part.records)
      throw new Error(
        `The catalog bundle part ${part.name} holds ${inPart} updates; the manifest says ${part.records}.`,
      );
    total += inPart;
  }
  if (total !== manifest.counts.updates)
    throw new Error(
      `The catalog bundle ${manifestPath} holds ${total} updates; its manifest counts ${manifest.counts.updates}.`,
    );
}

/** The manifest alone, validated: for a summary without reading the parts. */
export function readManifest(manifestPath: string): CatalogManifest {
  let text: string;
  try {
    text = readFileSync(manifestPath, 'utf8');
  } catch {
    throw new Error(
      `The catalog bundle manifest ${manifestPath} does not exist or cannot be read.`,
    );
  }
  try {
    return CatalogManifestSchema.parse(JSON.parse(text));
  } catch (error) {
    const detail =
      error instanceof z.ZodError
        ? `${error.issues[0]?.path.join('.')}: ${error.issues[0]?.message}`
        : (error as Error).message;
    throw new Error(`${manifestPath} is not a Patchbay catalog bundle manifest (${detail}).`, {
      cause: error,
    });
  }
}

async function verifyPart(folder: string, part: CatalogPart, manifestPath: string) {
  const path = join(folder, part.name);
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    throw new Error(`The catalog bundle part ${part.name} named by ${manifestPath} is missing.`);
  }
  if (bytes !== part.bytes)
    throw new Error(
      `The catalog bundle part ${part.name} is ${bytes} bytes; the manifest says ${part.bytes}.`,
    );
  const actual = await sha256Of(path);
  if (actual !== part.sha256)
    throw new Error(
      `The catalog bundle part ${part.name} does not match its manifest: SHA-256 ${actual}, expected ${part.sha256}.`,
    );
}

async function* readPart(path: string, name: string): AsyncGenerator<UpdateRecord> {
  const text = createReadStream(path).pipe(createGunzip());
  text.setEncoding('utf8');
  let pending = '';
  let lineNumber = 0;
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const lines = (pending + chunk).split('\n');
      // The last piece is the start of a line the next chunk finishes.
      pending = lines.pop() ?? '';
      for (const line of lines) {
        lineNumber += 1;
        if (line.trim() !== '') yield parseLine(line, name, lineNumber);
      }
    }
  } catch (error) {
    if (isGzipError(error))
      throw new Error(
        `The catalog bundle part ${name} is truncated or not gzip (${(error as Error).message}).`,
        { cause: error },
      );
    throw error;
  } finally {
    text.destroy();
  }
  if (pending.trim() !== '') yield parseLine(pending, name, lineNumber + 1);
}

function parseLine(line: string, name: string, lineNumber: number): UpdateRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`The catalog bundle part ${name}, line ${lineNumber}, is not JSON.`, {
      cause: error,
    });
  }
  const parsed = CatalogBundleRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The catalog bundle part ${name}, line ${lineNumber}, is not a valid update: ${issue?.path.join('.')}: ${issue?.message}.`,
    );
  }
  return parsed.data as UpdateRecord;
}

function isGzipError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return code.startsWith('Z_') || /unexpected end|incorrect header/i.test(String(error));
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
