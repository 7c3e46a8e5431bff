import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { UpdateRecord } from '../update-record';

const recordsPerPart = 5000;

export interface CatalogBundleMeta {
  /** When the catalog was current: the newest revision date, not the wall clock, for stable bytes. */
  createdAt: string;
  sourceSite: string | null;
}

/**
 * Writes a catalog bundle (manifest.json + gzip'd NDJSON parts with their SHA-256): `patchbay
 * catalog export`, the disconnected-site workflow. Written into a temporary sibling folder and
 * renamed into place, so a reader never sees half a bundle.
 */
export function writeCatalogBundle(
  folder: string,
  records: UpdateRecord[],
  meta: CatalogBundleMeta,
) {
  const temporary = join(dirname(folder), `.${basename(folder)}.partial-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  try {
    const parts: Array<{ name: string; sha256: string; bytes: number; records: number }> = [];
    for (
      let start = 0, index = 0;
      start < records.length || index === 0;
      start += recordsPerPart, index += 1
    ) {
      const slice = records.slice(start, start + recordsPerPart);
      const name = `updates-${String(index).padStart(3, '0')}.ndjson.gz`;
      const body = gzipSync(slice.map((record) => `${JSON.stringify(record)}\n`).join(''), {
        level: 9,
      });
      writeFileSync(join(temporary, name), body);
      parts.push({
        name,
        sha256: createHash('sha256').update(body).digest('hex'),
        bytes: body.length,
        records: slice.length,
      });
      if (slice.length < recordsPerPart) break;
    }
    const manifest = {
      format: 'patchbay-catalog',
      formatVersion: 1,
      createdAt: meta.createdAt,
      sourceSite: meta.sourceSite,
      counts: { updates: records.length },
      parts,
    };
    writeFileSync(join(temporary, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
    mkdirSync(dirname(folder), { recursive: true });
    renameSync(temporary, folder);
    return manifest;
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
