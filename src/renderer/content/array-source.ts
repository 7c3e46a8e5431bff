import type { ListPage } from '../../shared/contract';
import type { ListQuery } from '../nodes/types';

/**
 * A list the site returns whole (distribution points, their groups, content status: tens of
 * rows, not thousands) served to the grid like a paged one: searched and sorted here.
 */
export function arrayPage<Row>(
  rows: readonly Row[],
  query: Pick<ListQuery, 'sort' | 'search' | 'page'>,
  searchText: (row: Row) => string,
): ListPage<Row> {
  const search = query.search.toLowerCase();
  let found = rows.filter((row) => search === '' || searchText(row).toLowerCase().includes(search));
  const sort = query.sort;
  if (sort) {
    const key = sort.column as keyof Row;
    const sign = sort.direction === 'desc' ? -1 : 1;
    found = [...found].sort((a, b) => {
      const left = a[key];
      const right = b[key];
      if (typeof left === 'number' && typeof right === 'number') return sign * (left - right);
      return sign * String(left ?? '').localeCompare(String(right ?? ''));
    });
  }
  const start = query.page.offset ?? 0;
  return {
    rows: found.slice(start, start + query.page.size),
    nextCursor: null,
    total: found.length,
  };
}
