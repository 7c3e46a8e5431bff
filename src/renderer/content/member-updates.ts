import type { SiteApi } from '../../shared/api/site-api';
import type { ListPage } from '../../shared/contract';
import type { SoftwareUpdateRow } from '../../shared/contract/software-updates';
import type { ListQuery } from '../nodes/types';

/** Updates read at a time while listing a package's members. */
const concurrency = 8;
/** More members than this are listed in part, with the count of the rest in the log. */
const memberLimit = 2000;

async function readRows(api: SiteApi, ciIds: readonly number[]): Promise<SoftwareUpdateRow[]> {
  const ids = ciIds.slice(0, memberLimit);
  const rows: SoftwareUpdateRow[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      rows[index] = await api.call('updates.get', { ciId: ids[index]! });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return rows;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/**
 * Show Members of a deployment package: All Software Updates narrowed to the updates whose
 * files the package holds (packages.memberIds). The site's update list filters by group but
 * not by a list of CI IDs, so the members are read one by one (again on each refresh) and
 * searched, sorted and paged here. A package holds hundreds of updates, not the catalog.
 * One reader per list: its cache lives as long as the list's source.
 */
export function memberUpdatesReader(api: SiteApi) {
  const cache = new WeakMap<readonly number[], Promise<SoftwareUpdateRow[]>>();
  return async (
    ciIds: readonly number[],
    query: Pick<ListQuery, 'sort' | 'search' | 'page'>,
  ): Promise<ListPage<SoftwareUpdateRow>> => {
    const start =
      query.page.after !== undefined ? Number(query.page.after) : (query.page.offset ?? 0);
    // A read from the top is a refresh: the members' icons and flags may have changed since.
    let all = start === 0 ? undefined : cache.get(ciIds);
    if (!all) {
      all = readRows(api, ciIds);
      cache.set(ciIds, all);
      all.catch(() => cache.delete(ciIds));
    }
    const search = query.search.toLowerCase();
    let rows = (await all).filter(
      (row) =>
        search === '' ||
        row.title.toLowerCase().includes(search) ||
        row.articleId.toLowerCase().includes(search) ||
        row.bulletinId.toLowerCase().includes(search),
    );
    const sort = query.sort;
    if (sort) {
      const key = sort.column as keyof SoftwareUpdateRow;
      const sign = sort.direction === 'desc' ? -1 : 1;
      rows = [...rows].sort((a, b) => sign * compare(a[key], b[key]));
    }
    const end = start + query.page.size;
    return {
      rows: rows.slice(start, end),
      nextCursor: end < rows.length ? String(end) : null,
      total: rows.length,
    };
  };
}
