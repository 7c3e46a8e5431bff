import { UpdateFilter, type SavedSearch } from '../../../shared/contract/software-updates';
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';

type Filter = z.output<typeof UpdateFilter>;

/** Save Current Search and Saved Searches (§3.4), per node, shared by every console of the site. */
export async function listSavedSearches(site: SiteDatabase, node: string): Promise<SavedSearch[]> {
  const rows = await site.read
    .selectFrom('saved_search')
    .selectAll()
    .where('node', '=', node)
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    node: row.node,
    name: row.name,
    filter: UpdateFilter.parse(JSON.parse(row.criteria)),
    createdBy: row.created_by,
    createdAt: row.created_at,
  }));
}

export async function saveSearch(
  site: SiteDatabase,
  clock: Clock,
  input: { node: string; name: string; filter: Filter },
  user: string,
): Promise<SavedSearch> {
  const now = clock.now().toISOString();
  const criteria = JSON.stringify(input.filter);
  const row = await site.db
    .insertInto('saved_search')
    .values({ node: input.node, name: input.name, criteria, created_by: user, created_at: now })
    .onConflict((conflict) =>
      conflict
        .columns(['node', 'name'])
        .doUpdateSet({ criteria, created_by: user, created_at: now }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    node: row.node,
    name: row.name,
    filter: input.filter,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function deleteSavedSearch(
  site: SiteDatabase,
  id: number,
): Promise<{ deleted: boolean }> {
  const result = await site.db.deleteFrom('saved_search').where('id', '=', id).executeTakeFirst();
  return { deleted: Number(result.numDeletedRows) > 0 };
}

/** The node's default saved search (§3.1, older consoles' default view). */
export const defaultUpdateSearch = {
  node: 'library.softwareUpdates.all',
  name: 'Critical and security updates released in the last 30 days',
  filter: {
    criteria: [
      { property: 'classification', values: ['Critical Updates', 'Security Updates'] },
      { property: 'dateReleasedOrRevised', condition: 'lastDays', days: 30 },
    ],
  },
} as const;
