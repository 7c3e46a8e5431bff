import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  DeploymentPackage,
  PackageListQuery,
} from '../../../shared/contract/deployment-packages';
import type { ListPage } from '../../../shared/contract/list-query';
import type { SiteSchema } from '../db/schema-types';
import { readPackage, readPackages } from './package-rows';

export async function listPackages(
  db: Kysely<SiteSchema>,
  query: z.output<typeof PackageListQuery>,
): Promise<ListPage<DeploymentPackage>> {
  const text = query.filter?.text?.toLowerCase();
  let rows = await readPackages(db);
  if (text)
    rows = rows.filter(
      (row) =>
        row.name.toLowerCase().includes(text) || row.description.toLowerCase().includes(text),
    );
  if (query.sort) {
    const { column, direction } = query.sort;
    const sign = direction === 'desc' ? -1 : 1;
    rows.sort((a, b) => {
      const x = a[column];
      const y = b[column];
      return (x < y ? -1 : x > y ? 1 : a.id - b.id) * sign;
    });
  }
  // Packages number in the tens: the page is a slice, the cursor an offset.
  const start = query.page.offset ?? Number(query.page.after ?? 0);
  const page = rows.slice(start, start + query.page.size);
  const next = start + page.length;
  return { rows: page, total: rows.length, nextCursor: next < rows.length ? String(next) : null };
}

export async function packageMemberIds(db: Kysely<SiteSchema>, id: number): Promise<number[]> {
  await readPackage(db, id);
  const rows = await db
    .selectFrom('deployment_package_content')
    .select('ci_id')
    .distinct()
    .where('package_id', '=', id)
    .orderBy('ci_id')
    .execute();
  return rows.map((row) => row.ci_id);
}
