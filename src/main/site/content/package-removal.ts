import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { SiteError } from '../../../shared/errors';
import type { SiteSchema } from '../db/schema-types';
import { inside, isWithin, realPath } from './content-paths';
import { removeLibraryFile } from './content-library';
import { contentTopic } from './distribution-points';
import type { PackageServices } from './package-changes';
import { readPackage, refreshDownloadedFlags } from './package-rows';

/**
 * Deletes packages. Their files leave every distribution point's library unless another package
 * on that DP still holds them, and updates no other package holds show the red arrow again.
 * The package source folders are the admin's and stay as they are.
 */
export async function deletePackages(
  services: Pick<PackageServices, 'site' | 'events'>,
  ids: number[],
): Promise<number> {
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
        referenced: { files: new Set<string>(), libraries: [] },
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
      referenced: await referencedFiles(trx),
    };
  });
  for (const file of result.files) {
    const path = inside(resolve(result.source), file.relative_path);
    if (isRemovable(path, result.source, result.referenced)) rmSync(path, { force: true });
  }
  for (const orphan of result.orphans) removeLibraryFile(orphan.libraryPath, orphan.sha256);
  services.events.publish({
    type: 'data.changed',
    topics: [contentTopic, 'softwareUpdates', 'softwareUpdateGroups'],
  });
  return { removed: result.removed, sourceVersion: result.sourceVersion };
}

/**
 * What must outlive a removal, where it really is: every file a package still lists (this one's
 * remaining files included), and every content library folder.
 */
async function referencedFiles(
  trx: Kysely<SiteSchema>,
): Promise<{ files: Set<string>; libraries: string[] }> {
  const listed = await trx
    .selectFrom('deployment_package_content as c')
    .innerJoin('deployment_package as p', 'p.id', 'c.package_id')
    .select(['p.source_path', 'c.relative_path'])
    .execute();
  const libraries = await trx
    .selectFrom('distribution_point')
    .select('library_path')
    .where('library_path', 'is not', null)
    .execute();
  return {
    files: new Set(listed.map((row) => realPath(join(row.source_path, row.relative_path)))),
    libraries: libraries.map((row) => realPath(row.library_path!)),
  };
}

/**
 * A file leaves the package source only when it really lies in that folder (no symlink out of
 * it) and nothing else references it: two packages that came to share a folder before sources
 * were checked on their real paths never lose each other's files.
 */
function isRemovable(
  path: string,
  source: string,
  referenced: { files: Set<string>; libraries: string[] },
): boolean {
  const real = realPath(path);
  return (
    isWithin(real, source) &&
    real !== realPath(source) &&
    !referenced.files.has(real) &&
    !referenced.libraries.some((library) => isWithin(real, library))
  );
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
