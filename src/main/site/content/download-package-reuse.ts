import { sql, type Kysely } from 'kysely';
import type { DeploymentPackage } from '../../../shared/contract/deployment-packages';
import { SiteError } from '../../../shared/errors';
import type { SiteSchema } from '../db/schema-types';
import { realPath } from './content-paths';
import { targetDistributionPoints } from './package-changes';
import { readPackage } from './package-rows';

/**
 * "Create a new deployment package" run again after a download that never finished (killed,
 * cancelled, lost its lease): the package it created is still there, empty, on the same folder.
 * The same command continues that package instead of being refused because its own package
 * uses the folder. Only a package a download made (its DPs still wait for the first files),
 * with the same name and the same real folder, that holds no file and that no job is filling.
 */
export async function reusableDownloadPackage(
  db: Kysely<SiteSchema>,
  wanted: { name: string; sourcePath: string },
  distributionPointIds: number[],
  now: string,
): Promise<DeploymentPackage | null> {
  const found = await db
    .selectFrom('deployment_package as p')
    .select(['p.id', 'p.name', 'p.source_path'])
    .where(sql`LOWER(p.name)`, '=', wanted.name.toLowerCase())
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('deployment_package_content as c')
            .select('c.package_id')
            .whereRef('c.package_id', '=', 'p.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('package_distribution as d')
            .select('d.package_id')
            .whereRef('d.package_id', '=', 'p.id')
            .where('d.content_version', '>', 0),
        ),
      ),
    )
    .executeTakeFirst();
  if (!found || realPath(found.source_path) !== realPath(wanted.sourcePath)) return null;
  const active = await db
    .selectFrom('job')
    .select(['id', 'params'])
    .where('state', 'in', ['queued', 'running'])
    .execute();
  const busy = active.find(
    (job) => (JSON.parse(job.params) as { packageId?: unknown } | null)?.packageId === found.id,
  );
  if (busy)
    throw new SiteError(
      'conflict',
      `Job ${busy.id} is still downloading into the deployment package "${found.name}"; wait for it to end or cancel it (patchbay jobs cancel ${busy.id}), then run the download again.`,
    );
  // DPs named this time join those of the first run; all of them wait for the files.
  await targetDistributionPoints(db, found.id, distributionPointIds, now);
  return readPackage(db, found.id);
}
