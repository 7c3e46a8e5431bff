import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { UpdateRecordSchema } from '../../../../shared/catalog/update-record-schema';
import type { UpdateRecord } from '../update-record';

const ManifestSchema = z.object({
  format: z.literal('patchbay-catalog'),
  formatVersion: z.literal(1),
  parts: z.array(
    z.object({
      name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a plain file name'),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().min(0),
      records: z.number().int().min(0),
    }),
  ),
});

/**
 * Reads a catalog bundle: the manifest, then every part checked against its SHA-256 and size
 * BEFORE any record is yielded, so a damaged bundle changes nothing. Each record is parsed with
 * the shared schema; a bad one throws naming the part and line.
 */
export async function* readCatalogBundle(location: string): AsyncGenerator<UpdateRecord> {
  const manifestPath = location.endsWith('.json') ? location : join(location, 'manifest.json');
  const folder = dirname(manifestPath);
  let manifestText: string;
  try {
    manifestText = readFileSync(manifestPath, 'utf8');
  } catch {
    throw new Error(
      `The catalog bundle manifest ${manifestPath} does not exist or cannot be read.`,
    );
  }
  let manifest: z.infer<typeof ManifestSchema>;
  try {
    manifest = ManifestSchema.parse(JSON.parse(manifestText));
  } catch (error) {
    const detail =
      error instanceof z.ZodError
        ? `${error.issues[0]?.path.join('.')}: ${error.issues[0]?.message}`
        : (error as Error).message;
    throw new Error(`${manifestPath} is not a Patchbay catalog bundle manifest (${detail}).`, {
      cause: error,
    });
  }
  for (const part of manifest.parts) {
    const path = join(folder, basename(part.name));
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
  for (const part of manifest.parts) {
    const path = join(folder, basename(part.name));
    const gunzip = pipeline(createReadStream(path), createGunzip(), () => undefined);
    const lines = createInterface({ input: gunzip, crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const line of lines) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          throw new Error(
            `The catalog bundle part ${part.name}, line ${lineNumber}, is not JSON.`,
            {
              cause: error,
            },
          );
        }
        const parsed = UpdateRecordSchema.safeParse(value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new Error(
            `The catalog bundle part ${part.name}, line ${lineNumber}: ${issue?.path.join('.')}: ${issue?.message}.`,
          );
        }
        yield parsed.data as UpdateRecord;
      }
    } catch (error) {
      if (
        (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ||
        /unexpected end|incorrect header/i.test((error as Error).message)
      )
        throw new Error(
          `The catalog bundle part ${part.name} is truncated or not gzip: ${(error as Error).message}.`,
          { cause: error },
        );
      throw error;
    }
  }
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
