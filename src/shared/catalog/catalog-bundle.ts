import { z } from 'zod';
import { UpdateRecordSchema } from './update-record-schema';

/**
 * The catalog bundle: the offline catalog Patchbay ships in assets/catalog and that `patchbay
 * catalog export` writes for a disconnected site (spec §2.3.1, "Do not synchronize from
 * Microsoft Update or upstream data source"). A folder with `manifest.json` and gzip'd NDJSON
 * parts, one update revision per line. The manifest carries each part's SHA-256 and byte count,
 * so a copied or downloaded bundle can be checked before a single update reaches the site.
 */
export const catalogBundleFormat = 'patchbay-catalog';
export const catalogBundleFormatVersion = 1;

/** Parts stay small enough to stream and to diff in review; 5,000 updates is a few MB. */
export const recordsPerCatalogPart = 5000;

/** `updates-000.ndjson.gz`, `updates-001.ndjson.gz`, … in record order. */
export function catalogPartName(index: number): string {
  return `updates-${String(index).padStart(3, '0')}.ndjson.gz`;
}

export const CatalogPartSchema = z.object({
  // A plain file name: a manifest from elsewhere must not point outside its own folder.
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a plain file name inside the bundle folder'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
  bytes: z.number().int().min(0),
  records: z.number().int().min(0),
});

export const CatalogCountsSchema = z.object({
  updates: z.number().int().min(0),
  contentFiles: z.number().int().min(0),
  /** Distinct CVE and advisory ids across all updates. */
  cves: z.number().int().min(0),
  byClassification: z.record(z.string(), z.number().int().min(0)),
});

export const CatalogManifestSchema = z.object({
  format: z.literal(catalogBundleFormat),
  formatVersion: z.literal(catalogBundleFormatVersion),
  /** When the catalog was current: its newest revision date, never the wall clock. */
  createdAt: z.string(),
  /** The exporting site's code; null for the catalog built from public Microsoft data. */
  sourceSite: z.string().nullable().optional(),
  counts: CatalogCountsSchema,
  parts: z.array(CatalogPartSchema),
});

/** One line of a part: one update revision, exactly the record every sync source delivers. */
export const CatalogBundleRecordSchema = UpdateRecordSchema;

export type CatalogPart = z.infer<typeof CatalogPartSchema>;
export type CatalogCounts = z.infer<typeof CatalogCountsSchema>;
export type CatalogManifest = z.infer<typeof CatalogManifestSchema>;
