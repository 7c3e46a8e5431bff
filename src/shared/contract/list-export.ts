import { z } from 'zod';
import { exportKinds } from '../export/cell-rules';
import { method } from './define';

/**
 * Export of a list as shown: the same list query the grid reads pages with (search, criteria,
 * narrowed chips, sort) and the visible columns in their on-screen order with their header
 * text. The site reads the list itself and streams the file, so 200,000 rows never travel to
 * the console.
 */

/** The list methods an export can read: keyset-paged ones, and View Status asset details. */
export const pagedExportLists = [
  'updates.list',
  'groups.list',
  'packages.list',
  'dps.list',
  'contentStatus.list',
  'devices.list',
  'collections.list',
  'deployments.list',
  'statusMessages.list',
  'jobs.list',
] as const;
export const exportLists = [...pagedExportLists, 'deployments.assets'] as const;
export const ExportList = z.enum(exportLists);
export type ExportList = z.infer<typeof ExportList>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** One visible column: its header as on screen and the row field it shows, typed. */
export const ExportColumn = z
  .object({
    header: z.string().max(200),
    /** A field of the list's row, e.g. `percentCompliant`; the contract row types name them. */
    field: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]*$/)
      .max(80),
    kind: z.enum(exportKinds).default('text'),
    /** Shown text for raw values (e.g. an empty severity shows as "None"). */
    labels: z.record(z.string().max(200), z.string().max(200)).optional(),
  })
  .strict();
export type ExportColumn = z.infer<typeof ExportColumn>;

export const ListExportRequest = z
  .object({
    /** The list's title: the file is named after it. */
    title: z.string().min(1).max(200),
    format: ExportFormat,
    list: ExportList,
    /** The list method's own input without `page`; parsed with that method's schema. */
    query: z.record(z.string(), z.unknown()).default({}),
    columns: z.array(ExportColumn).min(1).max(200),
  })
  .strict();
export type ListExportRequest = z.infer<typeof ListExportRequest>;

export const ListExportResult = z.object({
  fileName: z.string(),
  /** Where the site wrote the file (its exports folder). */
  path: z.string(),
  /** `GET` this path on `patchbay serve` to download the file once. */
  downloadPath: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ListExportResult = z.infer<typeof ListExportResult>;

export const listExportMethods = {
  'lists.export': method(
    ListExportRequest,
    ListExportResult,
    'Export: writes a list as shown (query, visible columns in order) as CSV or XLSX on the site.',
  ),
} as const;
