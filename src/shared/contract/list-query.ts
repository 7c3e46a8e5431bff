import { z } from 'zod';

/**
 * Lists are named queries: the caller names the columns it sorts by and the filters it applies,
 * never SQL. Paging is keyset-based (`after`, the cursor of the last row seen) so the next page
 * costs the same at row 200,000 as at row 0; `offset` exists for a grid that jumps with its
 * scroll bar.
 */
export const SortDirection = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirection>;

export const PageRequest = z
  .object({
    size: z.number().int().min(1).max(5000).default(100),
    after: z.string().max(2000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .default({ size: 100 });
export type PageRequest = z.infer<typeof PageRequest>;

export function listQuery<F extends z.ZodType, C extends readonly [string, ...string[]]>(
  filter: F,
  sortColumns: C,
) {
  return z.object({
    filter: filter.optional(),
    sort: z
      .object({ column: z.enum(sortColumns), direction: SortDirection.default('asc') })
      .optional(),
    page: PageRequest,
  });
}

export function listPage<R extends z.ZodType>(row: R) {
  return z.object({
    rows: z.array(row),
    /** Pass as `page.after` to read on; null on the last page. */
    nextCursor: z.string().nullable(),
    /** Rows matching the filter, for the grid's scroll bar and the status line. */
    total: z.number().int(),
  });
}

export type ListPage<T> = { rows: T[]; nextCursor: string | null; total: number };

/** ISO-8601 UTC time as stored and sent everywhere. */
export const IsoTime = z.string().datetime({ offset: true });
