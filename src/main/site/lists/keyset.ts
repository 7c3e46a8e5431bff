import { sql, type SelectQueryBuilder } from 'kysely';
import type { ListPage, PageRequest, SortDirection } from '../../../shared/contract';
import { SiteError } from '../../../shared/errors';

export interface PageSpec {
  /** A NOT NULL column: keyset paging compares it with the cursor's value. */
  sortColumn: string;
  direction: SortDirection;
  /** The unique tie-breaker, so rows with equal sort values page without gaps or repeats. */
  idColumn: string;
  page: PageRequest;
  /** The row's columns; all columns when absent. A joined list names its own. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  select?: (query: SelectQueryBuilder<any, any, object>) => SelectQueryBuilder<any, any, object>;
}

type Cursor = [value: string | number, id: number];

export function encodeCursor(value: string | number, id: number): string {
  return Buffer.from(JSON.stringify([value, id] satisfies Cursor)).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'number'
    ) {
      return parsed as Cursor;
    }
  } catch {
    // fall through to the sentence below
  }
  throw new SiteError('invalid-input', 'page.after: the cursor is not one this site issued.');
}

/**
 * Reads one page of a named query. The query builder's table types differ per list, so this
 * works on the untyped builder; each list maps its rows back to contract types.
 */
export async function readPage<Row = Record<string, unknown>>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  base: SelectQueryBuilder<any, any, object>,
  spec: PageSpec,
): Promise<ListPage<Row>> {
  const { sortColumn, idColumn, direction, page } = spec;
  const countRow = (await base.select(sql<number>`COUNT(*)`.as('total')).executeTakeFirst()) as
    { total: number | string } | undefined;
  const total = Number(countRow?.total ?? 0);

  let query = spec.select ? spec.select(base) : base.selectAll();
  if (page.after) {
    const [value, id] = decodeCursor(page.after);
    const op = direction === 'asc' ? sql.raw('>') : sql.raw('<');
    query = query.where(
      sql<boolean>`(${sql.ref(sortColumn)} ${op} ${value} OR (${sql.ref(sortColumn)} = ${value} AND ${sql.ref(idColumn)} ${op} ${id}))`,
    );
  } else if (page.offset) {
    query = query.offset(page.offset);
  }
  const rows = (await query
    .orderBy(sql.ref(sortColumn), direction)
    .orderBy(sql.ref(idColumn), direction)
    .limit(page.size + 1)
    .execute()) as Record<string, unknown>[];

  const hasMore = rows.length > page.size;
  const pageRows = hasMore ? rows.slice(0, page.size) : rows;
  const last = pageRows.at(-1);
  const bareSort = sortColumn.split('.').at(-1)!;
  const bareId = idColumn.split('.').at(-1)!;
  return {
    rows: pageRows as Row[],
    nextCursor:
      hasMore && last
        ? encodeCursor(last[bareSort] as string | number, last[bareId] as number)
        : null,
    total,
  };
}

export function pageOf<Row, Out>(page: ListPage<Row>, map: (row: Row) => Out): ListPage<Out> {
  return { rows: page.rows.map(map), nextCursor: page.nextCursor, total: page.total };
}
