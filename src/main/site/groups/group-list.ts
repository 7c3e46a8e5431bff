import { sql, type Kysely } from 'kysely';
import type { ListPage } from '../../../shared/contract';
import type {
  GroupListQuery,
  SoftwareUpdateGroupResult,
  SoftwareUpdateGroup,
} from '../../../shared/contract/update-groups';
import { SiteError } from '../../../shared/errors';
import type { SiteDatabase } from '../db/open-database';
import type { SiteSchema } from '../db/schema-types';
import { pageOf, readPage } from '../lists/keyset';
import { groupSummaries, toGroup, type GroupSummaryRow } from './group-summary';
import { groupSizeWarning } from './group-warning';
import { containsText } from '../db/text-search';

const sortColumns = {
  name: 'g.name',
  dateCreated: 'g.created_at',
  dateModified: 'g.modified_at',
  numberOfUpdates: 'g.number_of_updates',
} as const;

const contains = containsText;

/** Software Update Groups (§5.4): searched on name and description, sorted and paged on the site. */
export async function listGroups(
  site: SiteDatabase,
  query: GroupListQuery,
): Promise<ListPage<SoftwareUpdateGroup>> {
  const db = site.read;
  let base = db.selectFrom(groupSummaries(db).as('g'));
  const text = query.filter?.text;
  if (text)
    base = base.where((eb) => eb.or([contains('g.name', text), contains('g.description', text)]));
  const ids = query.filter?.ids;
  if (ids) base = ids.length > 0 ? base.where('g.id', 'in', ids) : base.where(sql<boolean>`1 = 0`);
  const sort = query.sort ?? { column: 'name' as const, direction: 'asc' as const };
  const page = await readPage<GroupSummaryRow>(base, {
    sortColumn: sortColumns[sort.column],
    direction: sort.direction,
    idColumn: 'g.id',
    page: query.page,
  });
  return pageOf(page, toGroup);
}

/**
 * One group with its warning. Changes pass their own handle so the result is read after their
 * commit on the writer, never from a reader that could lag behind.
 */
export async function readGroup(
  db: Kysely<SiteSchema>,
  id: number,
): Promise<SoftwareUpdateGroupResult> {
  const row = (await db
    .selectFrom(groupSummaries(db).as('g'))
    .selectAll()
    .where('g.id', '=', id)
    .executeTakeFirst()) as GroupSummaryRow | undefined;
  if (!row) throw new SiteError('not-found', `id: software update group ${id} does not exist.`);
  const group = toGroup(row);
  const warning = groupSizeWarning(group.numberOfUpdates);
  return warning ? { ...group, warning } : group;
}
