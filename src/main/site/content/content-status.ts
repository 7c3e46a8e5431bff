import { sql, type Kysely } from 'kysely';
import type {
  ContentStatusSummary,
  PackageDistribution,
} from '../../../shared/contract/distribution-points';
import type { SiteSchema } from '../db/schema-types';
import { readPackage } from './package-rows';

/** Monitoring > Distribution Status > Content Status: a row per package with its DP counts. */
export async function listContentStatus(db: Kysely<SiteSchema>): Promise<ContentStatusSummary[]> {
  const rows = await sql<{
    id: number;
    package_id: string;
    name: string;
    content_version: number;
    size_bytes: number;
    targeted: number;
    installed: number;
    in_progress: number;
    failed: number;
    last_update: string | null;
  }>`
    SELECT p.id, p.package_id, p.name, p.content_version,
      (SELECT COALESCE(SUM(c.size), 0) FROM deployment_package_content c WHERE c.package_id = p.id) AS size_bytes,
      COUNT(d.distribution_point_id) AS targeted,
      SUM(CASE WHEN d.state = 'Success' AND d.content_version = p.content_version THEN 1 ELSE 0 END) AS installed,
      SUM(CASE WHEN d.state = 'InProgress' THEN 1 ELSE 0 END) AS in_progress,
      SUM(CASE WHEN d.state = 'Failed' THEN 1 ELSE 0 END) AS failed,
      MAX(d.modified_at) AS last_update
    FROM deployment_package p LEFT JOIN package_distribution d ON d.package_id = p.id
    GROUP BY p.id, p.package_id, p.name, p.content_version
    ORDER BY p.name`.execute(db);
  return rows.rows.map((row) => {
    const targeted = Number(row.targeted);
    const installed = Number(row.installed ?? 0);
    const inProgress = Number(row.in_progress ?? 0);
    const failed = Number(row.failed ?? 0);
    return {
      packageId: row.id,
      packageCode: row.package_id,
      name: row.name,
      sourceVersion: row.content_version,
      sizeBytes: Number(row.size_bytes),
      targeted,
      installed,
      inProgress,
      failed,
      unknown: Math.max(0, targeted - installed - inProgress - failed),
      lastUpdate: row.last_update,
    };
  });
}

/** View Status / Content Locations: the package on each DP it targets, the site library first. */
export async function readContentLocations(
  db: Kysely<SiteSchema>,
  packageId: number,
): Promise<PackageDistribution[]> {
  const pkg = await readPackage(db, packageId);
  const rows = await db
    .selectFrom('package_distribution as d')
    .innerJoin('distribution_point as dp', 'dp.id', 'd.distribution_point_id')
    .select([
      'd.distribution_point_id',
      'dp.name',
      'dp.is_site_library',
      'd.state',
      'd.state_message',
      'd.content_version',
      'd.modified_at',
    ])
    .where('d.package_id', '=', packageId)
    .orderBy('dp.is_site_library', 'desc')
    .orderBy('dp.name')
    .execute();
  return rows.map((row) => {
    // A DP that holds an older version than the package is not up to date, whatever it last said.
    const isStale = row.state === 'Success' && row.content_version !== pkg.sourceVersion;
    return {
      packageId,
      distributionPointId: row.distribution_point_id,
      distributionPointName: row.name,
      isSiteLibrary: row.is_site_library === 1,
      state: isStale ? 'Unknown' : (row.state as PackageDistribution['state']),
      message: isStale
        ? `Holds version ${row.content_version}; the package is at version ${pkg.sourceVersion}. Update Distribution Points.`
        : row.state_message,
      contentVersion: row.content_version,
      modifiedAt: row.modified_at,
    };
  });
}
