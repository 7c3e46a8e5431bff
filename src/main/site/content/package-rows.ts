import { sql, type Kysely } from 'kysely';
import type { DeploymentPackage } from '../../../shared/contract/deployment-packages';
import { SiteError } from '../../../shared/errors';
import type { SiteSchema } from '../db/schema-types';

/** Deployment Packages columns (spec §6.3) with the counts the details pane and Content Status need. */
export async function readPackages(
  db: Kysely<SiteSchema>,
  ids?: number[],
): Promise<DeploymentPackage[]> {
  let query = db
    .selectFrom('deployment_package as p')
    .selectAll('p')
    .select([
      sql<number>`(SELECT COALESCE(SUM(c.size), 0) FROM deployment_package_content c WHERE c.package_id = p.id)`.as(
        'size_bytes',
      ),
      sql<number>`(SELECT COUNT(DISTINCT c.ci_id) FROM deployment_package_content c WHERE c.package_id = p.id)`.as(
        'number_of_updates',
      ),
      sql<number>`(SELECT COUNT(*) FROM deployment_package_content c WHERE c.package_id = p.id)`.as(
        'number_of_files',
      ),
      sql<number>`(SELECT COUNT(*) FROM package_distribution d WHERE d.package_id = p.id)`.as(
        'dp_count',
      ),
      sql<number>`(SELECT COUNT(*) FROM package_distribution d WHERE d.package_id = p.id AND d.state = 'Success' AND d.content_version = p.content_version)`.as(
        'distributed_count',
      ),
      sql<number>`(SELECT COUNT(*) FROM package_distribution d WHERE d.package_id = p.id AND d.state = 'Failed')`.as(
        'failed_count',
      ),
    ]);
  if (ids) query = query.where('p.id', 'in', ids.length > 0 ? ids : [-1]);
  const rows = await query.orderBy('p.name').execute();
  return rows.map((row) => ({
    id: row.id,
    packageId: row.package_id,
    name: row.name,
    description: row.description,
    sourcePath: row.source_path,
    priority: row.priority === 'High' || row.priority === 'Low' ? row.priority : 'Medium',
    isBinaryDifferentialReplication: row.is_binary_differential_replication === 1,
    isOnDemandDistribution: row.is_on_demand_distribution === 1,
    prestageBehavior:
      row.prestage_behavior === 'AutoDownload' || row.prestage_behavior === 'DeltaCopy'
        ? row.prestage_behavior
        : 'ManualCopy',
    sourceVersion: row.content_version,
    sourceDate: row.source_date,
    sizeBytes: Number(row.size_bytes),
    numberOfUpdates: Number(row.number_of_updates),
    numberOfFiles: Number(row.number_of_files),
    dateCreated: row.created_at,
    createdBy: row.created_by,
    lastUpdate: row.modified_at,
    distributionPointCount: Number(row.dp_count),
    distributedCount: Number(row.distributed_count),
    failedCount: Number(row.failed_count),
  }));
}

export async function readPackage(db: Kysely<SiteSchema>, id: number): Promise<DeploymentPackage> {
  const [found] = await readPackages(db, [id]);
  if (!found) throw new SiteError('not-found', `No deployment package has the id ${id}.`);
  return found;
}

/**
 * The red arrow (spec §3.3): an update is "Downloaded" while at least one package holds its
 * files. Called in the same transaction as every change to package content.
 */
export async function refreshDownloadedFlags(
  trx: Kysely<SiteSchema>,
  ciIds: Iterable<number>,
): Promise<void> {
  const ids = [...new Set(ciIds)];
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    await sql`
      UPDATE software_update SET is_content_provisioned = CASE WHEN EXISTS (
        SELECT 1 FROM deployment_package_content c WHERE c.ci_id = software_update.ci_id
      ) THEN 1 ELSE 0 END
      WHERE ci_id IN (${sql.join(chunk)})`.execute(trx);
  }
}
