import type { DeploymentPackage, DistributionPoint } from '../../../shared/contract';
import { SiteError } from '../../../shared/errors';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import type { Column } from './output';
import { waitForJob } from './wait-for-job';

/** A package by its name (any case), its Package ID (PS100001) or its number. */
export async function findPackage(site: Site, reference: string): Promise<DeploymentPackage> {
  const { rows } = await callSite(site, 'packages.list', { page: { size: 5000 } });
  const wanted = reference.toLowerCase();
  const found =
    rows.find(
      (row) => row.name.toLowerCase() === wanted || row.packageId.toLowerCase() === wanted,
    ) ?? (/^\d+$/.test(reference) ? rows.find((row) => row.id === Number(reference)) : undefined);
  if (!found)
    throw new SiteError('not-found', `There is no deployment package named "${reference}".`);
  return found;
}

/** Distribution points by name (any case) or number. */
export async function findDistributionPoints(
  site: Site,
  references: string[],
): Promise<DistributionPoint[]> {
  const all = await callSite(site, 'dps.list', {});
  return references.map((reference) => {
    const found =
      all.find((dp) => dp.name.toLowerCase() === reference.toLowerCase()) ??
      (/^\d+$/.test(reference) ? all.find((dp) => dp.id === Number(reference)) : undefined);
    if (!found)
      throw new SiteError('not-found', `There is no distribution point named "${reference}".`);
    return found;
  });
}

/** Follows a content job and throws its error sentence when it did not succeed. */
export async function followContentJob(site: Site, jobId: number, what: string) {
  const job = await waitForJob(site, jobId);
  if (job.state !== 'succeeded')
    throw new Error(
      `${what} ${job.state}: ${job.error ?? 'see PatchDownloader.log and distmgr.log'}`,
    );
  return job;
}

export const packageColumns: Column<DeploymentPackage>[] = [
  { header: 'ID', value: (p) => p.id },
  { header: 'Package ID', value: (p) => p.packageId },
  { header: 'Name', value: (p) => p.name },
  { header: 'Description', value: (p) => p.description },
  { header: 'Source Version', value: (p) => p.sourceVersion },
  { header: 'Source Date', value: (p) => p.sourceDate },
  { header: 'Package source path', value: (p) => p.sourcePath },
  { header: 'Priority', value: (p) => p.priority },
  { header: 'Size (bytes)', value: (p) => p.sizeBytes },
  { header: 'Updates', value: (p) => p.numberOfUpdates },
  { header: 'Files', value: (p) => p.numberOfFiles },
  { header: 'Distribution Points', value: (p) => p.distributionPointCount },
  { header: 'Distributed', value: (p) => p.distributedCount },
  { header: 'Failed', value: (p) => p.failedCount },
  { header: 'Date created', value: (p) => p.dateCreated },
  { header: 'Last update', value: (p) => p.lastUpdate },
];

export const distributionPointColumns: Column<DistributionPoint>[] = [
  { header: 'ID', value: (dp) => dp.id },
  { header: 'Name', value: (dp) => dp.name },
  { header: 'Kind', value: (dp) => (dp.isSiteLibrary ? 'site library' : dp.kind) },
  { header: 'Location', value: (dp) => dp.libraryPath ?? dp.url ?? '' },
  { header: 'Files', value: (dp) => dp.fileCount },
  { header: 'Size (bytes)', value: (dp) => dp.sizeBytes },
  { header: 'Packages', value: (dp) => dp.packagesTargeted },
  { header: 'Description', value: (dp) => dp.description },
];
