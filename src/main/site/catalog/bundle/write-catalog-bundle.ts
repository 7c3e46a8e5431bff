import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  catalogBundleFormat,
  catalogBundleFormatVersion,
  catalogPartName,
  recordsPerCatalogPart,
  type CatalogCounts,
  type CatalogManifest,
  type CatalogPart,
} from '../../../../shared/catalog/catalog-bundle';
import type { UpdateRecord } from '../update-record';

export interface CatalogBundleMeta {
  /** When the catalog was current: the newest revision date, not the wall clock, for stable bytes. */
  createdAt: string;
  sourceSite: string | null;
}

/** Byte 9 of a gzip header names the OS that wrote it; zlib fills in the build platform's. */
const gzipOsByte = 9;
const gzipOsUnix = 3;

/**
 * Writes a catalog bundle (manifest.json + gzip'd NDJSON parts with their SHA-256): `patchbay
 * catalog export`, the disconnected-site workflow, and the build of the bundled catalog. The
 * same records give the same bytes on every platform, so a rebuilt bundle diffs clean. Written
 * into a temporary sibling folder and renamed into place, so a reader never sees half a bundle.
 */
export function writeCatalogBundle(
  folder: string,
  records: UpdateRecord[],
  meta: CatalogBundleMeta,
): CatalogManifest {
  const temporary = join(dirname(folder), `.${basename(folder)}.partial-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  try {
    const parts: CatalogPart[] = [];
    // An empty catalog still gets one (empty) part, so readers need no special case.
    for (let index = 0; index === 0 || index * recordsPerCatalogPart < records.length; index += 1) {
      const slice = records.slice(
        index * recordsPerCatalogPart,
        (index + 1) * recordsPerCatalogPart,
      );
      const name = catalogPartName(index);
      const body = gzipPart(slice);
      writeFileSync(join(temporary, name), body);
      parts.push({
        name,
        sha256: createHash('sha256').update(body).digest('hex'),
        bytes: body.length,
        records: slice.length,
      });
    }
    const manifest: CatalogManifest = {
      format: catalogBundleFormat,
      formatVersion: catalogBundleFormatVersion,
      createdAt: meta.createdAt,
      sourceSite: meta.sourceSite,
      counts: countCatalog(records),
      parts,
    };
    writeFileSync(join(temporary, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    replaceFolder(temporary, folder);
    return manifest;
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

function gzipPart(records: UpdateRecord[]): Buffer {
  // Level and header are fixed (zlib writes mtime 0), so the bytes depend only on the records.
  const body = gzipSync(records.map((record) => `${JSON.stringify(record)}\n`).join(''), {
    level: 9,
  });
  body[gzipOsByte] = gzipOsUnix;
  return body;
}

export function countCatalog(records: UpdateRecord[]): CatalogCounts {
  const cves = new Set<string>();
  const byClassification: Record<string, number> = {};
  let contentFiles = 0;
  for (const record of records) {
    for (const cve of record.cves) cves.add(cve.id);
    contentFiles += record.contentFiles.length;
    byClassification[record.classification] = (byClassification[record.classification] ?? 0) + 1;
  }
  const sorted = Object.fromEntries(
    Object.entries(byClassification).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return { updates: records.length, contentFiles, cves: cves.size, byClassification: sorted };
}

/** The old bundle stays whole until the new one is in place, then goes. */
function replaceFolder(temporary: string, folder: string) {
  mkdirSync(dirname(folder), { recursive: true });
  const previous = join(dirname(folder), `.${basename(folder)}.previous-${process.pid}`);
  rmSync(previous, { recursive: true, force: true });
  const hadPrevious = existsSync(folder);
  if (hadPrevious) renameSync(folder, previous);
  try {
    renameSync(temporary, folder);
  } catch (error) {
    if (hadPrevious) renameSync(previous, folder);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
