import { rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  DistributionPoint,
  DistributionPointAdd,
  DistributionPointGroup,
} from '../../../shared/contract/distribution-points';
import { SiteError } from '../../../shared/errors';
import type { SiteDatabase } from '../db/open-database';
import type { SiteSchema } from '../db/schema-types';
import {
  overlaps,
  prepareLibraryFolder,
  realPath,
  refuseSystemFolder,
  shownPath,
} from './content-paths';

/** Lists of DPs, packages and content status refresh on this topic. */
export const contentTopic = 'content';

export const siteLibraryName = 'Site content library';

/**
 * The site's own content library: the first distribution point, created with the site. Every
 * downloaded file lands here once (by hash), which is how "content already in the site's
 * library is never downloaded again" holds even for a new package.
 */
export async function ensureSiteLibrary(
  db: Kysely<SiteSchema>,
  dataFolder: string,
  now: string,
): Promise<{ id: number; libraryPath: string }> {
  const found = await db
    .selectFrom('distribution_point')
    .select(['id', 'library_path'])
    .where('is_site_library', '=', 1)
    .executeTakeFirst();
  if (found) {
    prepareLibraryFolder(found.library_path!);
    return { id: found.id, libraryPath: found.library_path! };
  }
  const libraryPath = prepareLibraryFolder(join(dataFolder, 'content-library'));
  const row = await db
    .insertInto('distribution_point')
    .values({
      name: siteLibraryName,
      kind: 'library',
      library_path: libraryPath,
      is_site_library: 1,
      description: "The site server's content library",
      created_at: now,
    })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return ensureSiteLibrary(db, dataFolder, now);
  return { id: row.id, libraryPath };
}

export async function listDistributionPoints(db: Kysely<SiteSchema>): Promise<DistributionPoint[]> {
  const rows = await db
    .selectFrom('distribution_point as dp')
    .selectAll('dp')
    .select([
      sql<number>`(SELECT COUNT(*) FROM content_library_item i WHERE i.distribution_point_id = dp.id)`.as(
        'file_count',
      ),
      sql<number>`(SELECT COALESCE(SUM(i.size), 0) FROM content_library_item i WHERE i.distribution_point_id = dp.id)`.as(
        'size_bytes',
      ),
      sql<number>`(SELECT COUNT(*) FROM package_distribution d WHERE d.distribution_point_id = dp.id)`.as(
        'packages_targeted',
      ),
    ])
    .orderBy('dp.is_site_library', 'desc')
    .orderBy('dp.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind === 'remote' ? 'remote' : 'library',
    libraryPath: row.library_path,
    url: row.url,
    isSiteLibrary: row.is_site_library === 1,
    description: row.description,
    dateCreated: row.created_at,
    fileCount: Number(row.file_count),
    sizeBytes: Number(row.size_bytes),
    packagesTargeted: Number(row.packages_targeted),
  }));
}

export async function addDistributionPoint(
  site: SiteDatabase,
  input: z.output<typeof DistributionPointAdd>,
  now: string,
): Promise<DistributionPoint> {
  let libraryPath: string | null = null;
  if (input.kind === 'library') {
    // Every check runs on where the folder really leads, before anything is created there.
    if (!isAbsolute(input.libraryPath))
      throw new SiteError(
        'invalid-input',
        `The content library folder must be a full path, not "${input.libraryPath}".`,
      );
    refuseSystemFolder(input.libraryPath, 'content library folder', ['libraryPath']);
    const wanted = realPath(input.libraryPath);
    const others = await site.db
      .selectFrom('distribution_point')
      .select(['name', 'library_path'])
      .where('kind', '=', 'library')
      .execute();
    const clash = others.find(
      (other) => other.library_path && overlaps(other.library_path, wanted),
    );
    if (clash)
      throw new SiteError(
        'conflict',
        `The folder ${shownPath(input.libraryPath)} overlaps the content library of "${clash.name}"; give each distribution point its own folder.`,
      );
    const packages = await site.db
      .selectFrom('deployment_package')
      .select(['name', 'source_path'])
      .execute();
    const source = packages.find((pkg) => overlaps(pkg.source_path, wanted));
    if (source)
      throw new SiteError(
        'conflict',
        `The folder ${shownPath(input.libraryPath)} overlaps the package source of "${source.name}" (${source.source_path}); choose another folder.`,
      );
    libraryPath = prepareLibraryFolder(wanted);
  }
  const row = await site.db
    .insertInto('distribution_point')
    .values({
      name: input.name,
      kind: input.kind,
      library_path: libraryPath,
      url: input.kind === 'remote' ? input.url.replace(/\/+$/, '') : null,
      description: input.description,
      created_at: now,
    })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row)
    throw new SiteError('conflict', `A distribution point named "${input.name}" already exists.`);
  const added = (await listDistributionPoints(site.db)).find((dp) => dp.id === row.id);
  return added!;
}

/** Removes DPs and the files of their libraries (the site library stays). */
export async function removeDistributionPoints(site: SiteDatabase, ids: number[]): Promise<number> {
  const rows = await site.db
    .selectFrom('distribution_point')
    .select(['id', 'name', 'is_site_library', 'library_path', 'kind'])
    .where('id', 'in', ids)
    .execute();
  const siteLibrary = rows.find((row) => row.is_site_library === 1);
  if (siteLibrary)
    throw new SiteError(
      'refused',
      `"${siteLibrary.name}" is the site's own library and cannot be removed.`,
    );
  if (rows.length === 0) return 0;
  await site.db
    .deleteFrom('distribution_point')
    .where(
      'id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  for (const row of rows)
    if (row.kind === 'library' && row.library_path)
      rmSync(join(row.library_path, 'files'), { recursive: true, force: true });
  return rows.length;
}

export async function listDistributionPointGroups(
  db: Kysely<SiteSchema>,
): Promise<DistributionPointGroup[]> {
  const groups = await db
    .selectFrom('distribution_point_group')
    .selectAll()
    .orderBy('name')
    .execute();
  const members = await db.selectFrom('distribution_point_group_member').selectAll().execute();
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    description: group.description,
    dateCreated: group.created_at,
    memberIds: members
      .filter((member) => member.group_id === group.id)
      .map((member) => member.distribution_point_id),
  }));
}

export async function createDistributionPointGroup(
  site: SiteDatabase,
  input: { name: string; description: string; memberIds: number[] },
  now: string,
): Promise<DistributionPointGroup> {
  const id = await site.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('distribution_point_group')
      .values({ name: input.name, description: input.description, created_at: now })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw new SiteError(
        'conflict',
        `A distribution point group named "${input.name}" already exists.`,
      );
    await checkDistributionPointsExist(trx, input.memberIds);
    if (input.memberIds.length > 0)
      await trx
        .insertInto('distribution_point_group_member')
        .values(input.memberIds.map((dp) => ({ group_id: row.id, distribution_point_id: dp })))
        .execute();
    return row.id;
  });
  return (await listDistributionPointGroups(site.db)).find((group) => group.id === id)!;
}

export async function checkDistributionPointsExist(
  db: Kysely<SiteSchema>,
  ids: number[],
): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(
    (await db.selectFrom('distribution_point').select('id').where('id', 'in', ids).execute()).map(
      (row) => row.id,
    ),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new SiteError('not-found', `No distribution point has the id ${missing.join(', ')}.`);
}

/** The DPs named directly and through groups, without repeats. */
export async function expandDistributionPoints(
  db: Kysely<SiteSchema>,
  ids: number[],
  groupIds: number[],
): Promise<number[]> {
  await checkDistributionPointsExist(db, ids);
  const all = new Set(ids);
  if (groupIds.length > 0) {
    const groups = await db
      .selectFrom('distribution_point_group')
      .select('id')
      .where('id', 'in', groupIds)
      .execute();
    const missing = groupIds.filter((id) => !groups.some((group) => group.id === id));
    if (missing.length > 0)
      throw new SiteError(
        'not-found',
        `No distribution point group has the id ${missing.join(', ')}.`,
      );
    for (const member of await db
      .selectFrom('distribution_point_group_member')
      .select('distribution_point_id')
      .where('group_id', 'in', groupIds)
      .execute())
      all.add(member.distribution_point_id);
  }
  return [...all];
}
