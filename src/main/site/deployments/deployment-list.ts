import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { ListPage } from '../../../shared/contract';
import type { Deployment, DeploymentListQuery } from '../../../shared/contract/deployments';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { readPage } from '../lists/keyset';
import { readDeploymentCounters } from './deployment-counters';
import { deploymentRows, emptyCounters, toDeployment, type DeploymentRow } from './deployment-rows';

const sortColumns = {
  name: 'd.name',
  dateCreated: 'd.created_at',
  dateModified: 'd.modified_at',
  startTime: 'd.available_at',
  enforcementDeadline: 'd.deadline_sort',
} as const;

function contains(column: string, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * Monitoring > Deployments (software updates), and the Deployments tab of a group or an update:
 * searched on name, description, collection and group, sorted and paged on the site, with the
 * live counters of the page's rows.
 */
export async function listDeployments(
  site: SiteDatabase,
  clock: Clock,
  query: z.output<typeof DeploymentListQuery>,
): Promise<ListPage<Deployment>> {
  const db = site.read;
  let base = db.selectFrom(deploymentRows(db).as('d'));
  const filter = query.filter ?? {};
  const { text, groupId, ciId, collectionId } = filter;
  if (text)
    base = base.where((eb) =>
      eb.or([
        contains('d.name', text),
        contains('d.description', text),
        contains('d.collection_name', text),
        eb.and([eb('d.group_name', 'is not', null), contains('d.group_name', text)]),
      ]),
    );
  if (groupId !== undefined) base = base.where('d.group_id', '=', groupId);
  if (collectionId !== undefined) base = base.where('d.collection_id', '=', collectionId);
  if (ciId !== undefined)
    base = base.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM deployment_update du WHERE du.deployment_id = d.id AND du.ci_id = ${ciId})`,
    );
  const sort = query.sort ?? { column: 'name' as const, direction: 'asc' as const };
  const page = await readPage<DeploymentRow>(base, {
    sortColumn: sortColumns[sort.column],
    direction: sort.direction,
    idColumn: 'd.id',
    page: query.page,
  });
  const now = clock.now().toISOString();
  const counters = await readDeploymentCounters(
    site,
    page.rows.map((row) => row.id),
    now,
  );
  return {
    rows: page.rows.map((row) => toDeployment(row, counters.get(row.id) ?? emptyCounters(now))),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}
