import { isAbsolute } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  DeploymentPackage,
  PackageChange,
} from '../../../shared/contract/deployment-packages';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteSchema } from '../db/schema-types';
import type { SiteEvents } from '../events/site-events';
import {
  checkWritableFolder,
  overlaps,
  realPath,
  refuseSystemFolder,
  shownPath,
} from './content-paths';
import { contentTopic, expandDistributionPoints } from './distribution-points';
import { readPackage } from './package-rows';

export interface PackageServices {
  site: SiteDatabase;
  events: SiteEvents;
  clock: Clock;
  siteCode: string;
  /** The site's data folder (database, logs, content library): never a package source. */
  dataFolder: string;
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
 * nor sits in), and it is not a distribution point's content library, the site's data folder or
 * a system folder. Every check runs on where the path really leads (symlinks and `..` followed),
 * and the real path is what the package keeps.
 */
export async function checkPackageSource(
  db: Kysely<SiteSchema>,
  path: string,
  exceptPackageId: number | null,
  dataFolder: string,
): Promise<string> {
  const field = ['sourcePath'];
  if (!isAbsolute(path))
    throw new SiteError('invalid-input', `The package source must be a full path, not "${path}".`, {
      path: field,
    });
  const folder = realPath(path);
  const shown = shownPath(path);
  refuseSystemFolder(path, 'package source', field);
  if (overlaps(dataFolder, folder))
    throw new SiteError(
      'refused',
      `The package source ${shown} overlaps the site's data folder ${realPath(dataFolder)} (database, logs and content library); choose another folder.`,
      { path: field },
    );
  const packages = await db
    .selectFrom('deployment_package')
    .select(['id', 'name', 'source_path'])
    .execute();
  const clash = packages.find((p) => p.id !== exceptPackageId && overlaps(p.source_path, folder));
  if (clash)
    throw new SiteError(
      'conflict',
      `The package source ${shown} is already used by the deployment package "${clash.name}" (${clash.source_path}); each package needs its own folder.`,
      { path: field },
    );
  const libraries = await db
    .selectFrom('distribution_point')
    .select(['name', 'library_path'])
    .execute();
  const library = libraries.find((dp) => dp.library_path && overlaps(dp.library_path, folder));
  if (library)
    throw new SiteError(
      'conflict',
      `The package source ${shown} overlaps the content library of "${library.name}"; choose another folder.`,
      { path: field },
    );
  return checkWritableFolder(folder, 'package source', field);
}

/** New-CMSoftwareUpdateDeploymentPackage; also the Download wizard's "Create a new deployment package". */
export async function createPackage(
  services: PackageServices,
  input: NewPackage,
  user: string,
  /**
   * Created by a download: its DPs wait for the files instead of holding the (no) files of an
   * empty package, so Content Status shows no success before anything was distributed.
   */
  options: { isAwaitingDownload?: boolean } = {},
): Promise<DeploymentPackage> {
  const { site, clock } = services;
  const now = clock.now().toISOString();
  const id = await site.db.transaction().execute(async (trx) => {
    const sourcePath = await checkPackageSource(trx, input.sourcePath, null, services.dataFolder);
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
    // A new empty package: every DP already holds all of its (no) files, at version 1.
    await targetDistributionPoints(trx, row.id, dps, now, !options.isAwaitingDownload);
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
  isEmptyPackage = false,
): Promise<void> {
  if (distributionPointIds.length === 0) return;
  await trx
    .insertInto('package_distribution')
    .values(
      distributionPointIds.map((dp) => ({
        package_id: packageId,
        distribution_point_id: dp,
        state: isEmptyPackage ? 'Success' : 'Unknown',
        state_message: isEmptyPackage ? '' : 'Waiting for distribution',
        content_version: isEmptyPackage ? 1 : 0,
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
        : await checkPackageSource(trx, change.sourcePath, change.id, services.dataFolder);
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
