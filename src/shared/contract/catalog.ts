import { z } from 'zod';
import { UpdateRecordSchema } from '../catalog/update-record-schema';
import { method } from './define';

/**
 * What a parent site serves its children (spec §2.4, hierarchy): the updates changed since the
 * catalog version the child last took, in pages, and on the last page every update id the
 * parent still has, so the child can tell unchanged from gone.
 */
export const CatalogChangesInput = z
  .object({
    sinceVersion: z.number().int().min(0),
    afterCiId: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(2000).default(500),
  })
  .strict();

export const CatalogChanges = z.object({
  siteCode: z.string(),
  productVersion: z.string(),
  schemaVersion: z.string(),
  catalogVersion: z.number().int(),
  records: z.array(UpdateRecordSchema),
  /** Pass as afterCiId for the next page; null on the last page. */
  nextAfterCiId: z.number().int().nullable(),
  /** Present on the last page only. */
  updateIds: z.array(z.string()).nullable(),
});
export type CatalogChanges = z.infer<typeof CatalogChanges>;

export const catalogMethods = {
  'catalog.changes': method(
    CatalogChangesInput,
    CatalogChanges,
    "A page of this site's catalog changed since a catalog version, for child sites.",
  ),
} as const;
