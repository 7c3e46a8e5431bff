import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  DeploymentPackage,
  PackageChange,
  PackageListQuery,
} from '../../../shared/contract/deployment-packages';
import type { ListPage } from '../../../shared/contract/list-query';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteSchema } from '../db/schema-types';
import type { SiteEvents } from '../events/site-events';
import { checkWritableFolder, inside, overlaps } from './content-paths';
import { removeLibraryFile } from './content-library';
import { contentTopic, expandDistributionPoints } from './distribution-points';
import { readPackage, readPackages, refreshDownloadedFlags } from './package-rows';

export interface PackageServices {
  site: SiteDatabase;
  events: SiteEvents;
  clock: Clock;
  siteCode: string;
}

export interface NewPackage {
  name: string;
  description: string;
  sourcePath: string;
  isBinaryDifferentialReplication: boolean;
  priority: 'High' | 'Medium' | 'Low';
  isOnDemandDistribution: boolean;
  prestageBehavior: 'AutoDownload' | 'DeltaCopy' | 'ManualCopy';
  distributionPointIds: number[];
  distributionPointGroupIds: number[];
}

/**
 * Spec §6.1: the source is an existing, writable folder that no other package uses (nor holds,
 * nor sits in), and it is not a distribution point's content library.
 */
export async function checkPackageSource(
  db: Kysely<SiteSchema>,
  path: string,
  exceptPackageId: number | null,
): Promise<string> {
  const folder = checkWritableFolder(path, 'package source');
  const packages = await db
    .selectFrom('deployment_package')
    .select(['id', 'name', 'source_path'])
    .execute();
  const clash = packages.find((p) => p.id !== exceptPackageId && overlaps(p.source_path, folder));
  if (clash)
    throw new SiteError(
      'conflict',
      `The package source ${folder} is already used by the deployment package "${clash.name}" (${clash.source_path}); each package needs its own folder.`,
      { path: ['sourcePath'] },
    );
  const libraries = await db
    .selectFrom('distribution_point')
    .select(['name', 'library_path'])
    .execute();
  const library = libraries.find((dp) => dp.library_path && overlaps(dp.library_path, folder));
  if (library)
    throw new SiteError(
      'conflict',
      `The package source ${folder} overlaps the content library of "${library.name}"; choose another folder.`,
      { path: ['sourcePath'] },
    );
  return folder;
}

/** New-CMSoftwareUpdateDeploymentPackage; also the Download wizard's "Create a new deployment package". */
export async function createPackage(
  services: PackageServices,
  input: NewPackage,
  user: string,
): Promise<DeploymentPackage> {
  const { site, clock } = services;
  const now = clock.now().toISOString();
  const id = await site.db.transaction().execute(async (trx) => {
    const sourcePath = await checkPackageSource(trx, input.sourcePath, null);
    const taken = await trx
      .selectFrom('deployment_package')
      .select('id')
      .where(sql`LOWER(name)`, '=', input.name.toLowerCase())
      .executeTakeFirst();
    if (taken)
      throw new SiteError(
        'conflict',
        `A deployment package named "${input.name}" already exists.`,
        {
          path: ['name'],
        },
      );
    const dps = await expandDistributionPoints(
      trx,
      input.distributionPointIds,
      input.distributionPointGroupIds,
    );
    const row = await trx
      .insertInto('deployment_package')
      .values({
        // Replaced below once the row has its id.
        package_id: `new-${now}-${Math.random()}`,
        name: input.name,
        description: input.description,
        source_path: sourcePath,
        priority: input.priority,
        is_binary_differential_replication: input.isBinaryDifferentialReplication ? 1 : 0,
        is_on_demand_distribution: input.isOnDemandDistribution ? 1 : 0,
        prestage_behavior: input.prestageBehavior,
        content_version: 1,
        source_date: now,
        created_at: now,
        created_by: user,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('deployment_package')
      .set({ package_id: packageCode(services.siteCode, row.id) })
      .where('id', '=', row.id)
      .execute();
    await targetDistributionPoints(trx, row.id, dps, now);
    return row.id;
  });
  services.events.publish({ type: 'data.changed', topics: [contentTopic] });
  return readPackage(site.db, id);
}

/** Package ID as ConfigMgr prints it: the site code and five hex digits. */
export function packageCode(siteCode: string, id: number): string {
  return `${siteCode}${id.toString(16).toUpperCase().padStart(5, '0')}`;
}

/** Adds DPs to a package (state Unknown until the distribution job copies it). */
export async function targetDistributionPoints(
  trx: Kysely<SiteSchema>,
  packageId: number,
  distributionPointIds: number[],
  now: string,
): Promise<void> {
  if (distributionPointIds.length === 0) return;
  await trx
    .insertInto('package_distribution')
    .values(
      distributionPointIds.map((dp) => ({
        package_id: packageId,
        distribution_point_id: dp,
        state: 'Unknown',
        state_message: 'Waiting for distribution',
        content_version: 0,
        modified_at: now,
      })),
    )
    .onConflict((conflict) => conflict.columns(['package_id', 'distribution_point_id']).doNothing())
    .execute();
}

export async function updatePackage(
  services: PackageServices,
  change: z.output<typeof PackageChange>,
): Promise<DeploymentPackage> {
  const { site, clock } = services;
  const now = clock.now().toISOString();
  await site.db.transaction().execute(async (trx) => {
    await readPackage(trx, change.id);
    const sourcePath =
      change.sourcePath === undefined
        ? undefined
        : await checkPackageSource(trx, change.sourcePath, change.id);
    if (change.name !== undefined) {
      const taken = await trx
        .selectFrom('deployment_package')
        .select('id')
        .where(sql`LOWER(name)`, '=', change.name.toLowerCase())
        .where('id', '!=', change.id)
        .executeTakeFirst();
      if (taken)
        throw new SiteError(
          'conflict',
          `A deployment package named "${change.name}" already exists.`,
          {
            path: ['name'],
          },
        );
    }
    await trx
      .updateTable('deployment_package')
      .set({
        ...(change.name !== undefined && { name: change.name }),
        ...(change.description !== undefined && { description: change.description }),
        ...(sourcePath !== undefined && { source_path: sourcePath }),
        ...(change.priority !== undefined && { priority: change.priority }),
        ...(change.isBinaryDifferentialReplication !== undefined && {
          is_binary_differential_replication: change.isBinaryDifferentialReplication ? 1 : 0,
        }),
        ...(change.isOnDemandDistribution !== undefined && {
          is_on_demand_distribution: change.isOnDemandDistribution ? 1 : 0,
        }),
        ...(change.prestageBehavior !== undefined && {
          prestage_behavior: change.prestageBehavior,
        }),
        modified_at: now,
      })
      .where('id', '=', change.id)
      .execute();
  });
  services.events.publish({ type: 'data.changed', topics: [contentTopic, 'softwareUpdates'] });
  return readPackage(site.db, change.id);
}

/**
 * Deletes packages. Their files leave every distribution point's library unless another package
 * on that DP still holds them, and updates no other package holds show the red arrow again.
 * The package source folders are the admin's and stay as they are.
 */
export async function deletePackages(services: PackageServices, ids: number[]): Promise<number> {
  const { site } = services;
  const { deleted, orphans } = await site.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('deployment_package')
      .select('id')
      .where('id', 'in', ids)
      .execute();
    if (found.length === 0) return { deleted: 0, orphans: [] };
    const packageIds = found.map((row) => row.id);
    const ciIds = (
      await trx
        .selectFrom('deployment_package_content')
        .select('ci_id')
        .where('package_id', 'in', packageIds)
        .execute()
    ).map((row) => row.ci_id);
    await trx.deleteFrom('deployment_package').where('id', 'in', packageIds).execute();
    await refreshDownloadedFlags(trx, ciIds);
    return { deleted: found.length, orphans: await dropUnreferencedLibraryItems(trx) };
  });
  for (const orphan of orphans) removeLibraryFile(orphan.libraryPath, orphan.sha256);
  services.events.publish({
    type: 'data.changed',
    topics: [contentTopic, 'softwareUpdates', 'softwareUpdateGroups'],
  });
  return deleted;
}

/**
 * Library rows no package needs any more: on the site library, a hash no package holds; on
 * another DP, a hash no package distributed to it holds. Returns the local files to delete
 * once the transaction has committed.
 */
export async function dropUnreferencedLibraryItems(
  trx: Kysely<SiteSchema>,
): Promise<Array<{ libraryPath: string; sha256: string }>> {
  const rows = await sql<{
    distribution_point_id: number;
    sha256: string;
    library_path: string | null;
  }>`
    SELECT i.distribution_point_id, i.sha256, dp.library_path
    FROM content_library_item i JOIN distribution_point dp ON dp.id = i.distribution_point_id
    WHERE NOT EXISTS (
      SELECT 1 FROM deployment_package_content c
      WHERE c.sha256 = i.sha256 AND (dp.is_site_library = 1 OR EXISTS (
        SELECT 1 FROM package_distribution d
        WHERE d.package_id = c.package_id AND d.distribution_point_id = i.distribution_point_id)))`.execute(
    trx,
  );
  for (const row of rows.rows)
    await trx
      .deleteFrom('content_library_item')
      .where('distribution_point_id', '=', row.distribution_point_id)
      .where('sha256', '=', row.sha256)
      .execute();
  return rows.rows
    .filter((row) => row.library_path !== null)
    .map((row) => ({ libraryPath: row.library_path!, sha256: row.sha256 }));
}

/** Remove-CMSoftwareUpdateFromPackage: the updates' files leave the package; version + 1. */
export async function removeUpdatesFromPackage(
  services: PackageServices,
  packageId: number,
  ciIds: number[],
): Promise<{ removed: number; sourceVersion: number }> {
  const { site, clock } = services;
  const now = clock.now().toISOString();
  const result = await site.db.transaction().execute(async (trx) => {
    const pkg = await readPackage(trx, packageId);
    const files = await trx
      .selectFrom('deployment_package_content')
      .select(['content_file_id', 'relative_path', 'ci_id'])
      .where('package_id', '=', packageId)
      .where('ci_id', 'in', ciIds)
      .execute();
    if (files.length === 0)
      return {
        removed: 0,
        sourceVersion: pkg.sourceVersion,
        files,
        orphans: [],
        source: pkg.sourcePath,
      };
    await trx
      .deleteFrom('deployment_package_content')
      .where('package_id', '=', packageId)
      .where('ci_id', 'in', ciIds)
      .execute();
    const sourceVersion = pkg.sourceVersion + 1;
    await trx
      .updateTable('deployment_package')
      .set({ content_version: sourceVersion, source_date: now, modified_at: now })
      .where('id', '=', packageId)
      .execute();
    await refreshDownloadedFlags(trx, ciIds);
    const orphans = await dropUnreferencedLibraryItems(trx);
    return {
      removed: new Set(files.map((f) => f.ci_id)).size,
      sourceVersion,
      files,
      orphans,
      source: pkg.sourcePath,
    };
  });
  for (const file of result.files)
    rmSync(inside(resolve(result.source), file.relative_path), { force: true });
  for (const orphan of result.orphans) removeLibraryFile(orphan.libraryPath, orphan.sha256);
  services.events.publish({
    type: 'data.changed',
    topics: [contentTopic, 'softwareUpdates', 'softwareUpdateGroups'],
  });
  return { removed: result.removed, sourceVersion: result.sourceVersion };
}

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

/** Content Locations > Remove: the package leaves those DPs (never the site library). */
export async function removeFromDistributionPoints(
  services: PackageServices,
  packageId: number,
  distributionPointIds: number[],
): Promise<number> {
  const { removed, orphans } = await services.site.db.transaction().execute(async (trx) => {
    await readPackage(trx, packageId);
    const library = await trx
      .selectFrom('distribution_point')
      .select(['id', 'name'])
      .where('is_site_library', '=', 1)
      .executeTakeFirst();
    if (library && distributionPointIds.includes(library.id))
      throw new SiteError(
        'refused',
        `"${library.name}" always holds the package's content; it cannot be removed from it.`,
      );
    const result = await trx
      .deleteFrom('package_distribution')
      .where('package_id', '=', packageId)
      .where('distribution_point_id', 'in', distributionPointIds)
      .executeTakeFirst();
    return {
      removed: Number(result.numDeletedRows),
      orphans: await dropUnreferencedLibraryItems(trx),
    };
  });
  for (const orphan of orphans) removeLibraryFile(orphan.libraryPath, orphan.sha256);
  services.events.publish({ type: 'data.changed', topics: [contentTopic] });
  return removed;
}
