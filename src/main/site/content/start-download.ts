import type { z } from 'zod';
import type {
  DeploymentPackage,
  DownloadRequest,
} from '../../../shared/contract/deployment-packages';
import { SiteError } from '../../../shared/errors';
import type { JobQueue } from '../jobs/job-queue';
import type { JobRunner } from '../jobs/job-runner';
import { checkFolder, refuseSystemFolder } from './content-paths';
import { downloadJobKind, type DownloadJobParams } from './download-job';
import { reusableDownloadPackage } from './download-package-reuse';
import { expandDistributionPoints } from './distribution-points';
import { planDownload } from './download-plan';
import { createPackage, type PackageServices } from './package-changes';
import { readPackage } from './package-rows';

/**
 * The wizard's Next on Summary (and `patchbay download`): every page is checked before anything
 * is written, then the package is created if new (or the empty package an unfinished run of the
 * same request made is continued) and the download job queued.
 */
export async function startDownload(
  deps: PackageServices & { jobs: JobQueue; runner: JobRunner; siteLibraryId(): number },
  request: z.output<typeof DownloadRequest>,
  user: string,
): Promise<{ jobId: number; packageId: number }> {
  // A download whose process was killed is taken over first (resumed, being resumable).
  await deps.runner.recoverAbandoned();
  if (request.deploymentPackage.choice === 'existing') {
    // Two downloads into one package at once would fetch every file twice and race on its
    // content version: asking again while one is under way follows that one.
    const packageId = request.deploymentPackage.packageId;
    const active = await activeDownloadInto(deps.jobs, packageId);
    if (active !== null) {
      deps.runner.poke();
      return { jobId: active, packageId };
    }
  }
  const { params, pkg } = await prepareDownload(deps, request, user);
  // The same "new package" command again continues the empty package it made: if that one's
  // download is still under way (taken over from a killed process), this follows it too.
  const continuing = await activeDownloadInto(deps.jobs, pkg.id);
  if (continuing !== null) {
    deps.runner.poke();
    return { jobId: continuing, packageId: pkg.id };
  }
  const job = await deps.jobs.enqueue({
    kind: downloadJobKind,
    title: `Download software updates: ${pkg.name}`,
    params,
    createdBy: user,
    maxAttempts: 3,
    // A killed process's download resumes from the partial files it left.
    isResumable: true,
  });
  deps.runner.poke();
  return { jobId: job.id, packageId: pkg.id };
}

/** The queued or running download job into a package, if any. */
async function activeDownloadInto(jobs: JobQueue, packageId: number): Promise<number | null> {
  const active = await jobs.listActive(downloadJobKind);
  const match = active.find(
    (row) => (JSON.parse(row.params) as { packageId?: number }).packageId === packageId,
  );
  return match?.id ?? null;
}

/**
 * Checks the content pages and creates the package if new: the download job's parameters. The
 * Deploy wizard's job runs the same download with them before it creates the deployment.
 */
export async function prepareDownload(
  deps: PackageServices & { siteLibraryId(): number },
  request: z.output<typeof DownloadRequest>,
  user: string,
): Promise<{ params: DownloadJobParams; pkg: DeploymentPackage }> {
  const existingId =
    request.deploymentPackage.choice === 'existing' ? request.deploymentPackage.packageId : null;
  if (existingId !== null) await readPackage(deps.site.db, existingId);
  // A network location need only exist: the files are read from it, never written. The job
  // reads from where it really leads, checked here once.
  const location =
    request.location.source === 'network'
      ? { source: 'network' as const, path: checkLocation(request.location.path) }
      : request.location;
  const plan = await planDownload(
    deps.site.db,
    request.selection,
    request.languageSelection.languages,
    existingId,
  );
  if (plan.length === 0)
    throw new SiteError('invalid-input', 'The software update group has no updates to download.', {
      path: ['selection'],
    });
  if (plan.every((update) => update.isMetadataOnly))
    throw new SiteError(
      'refused',
      'The selected updates are metadata-only: they have no files to download.',
    );
  const distributionPointIds = [
    deps.siteLibraryId(),
    ...request.distributionPoints.distributionPointIds,
  ];
  const pkg =
    request.deploymentPackage.choice === 'new'
      ? ((await reusableDownloadPackage(
          deps.site.db,
          request.deploymentPackage.package,
          await expandDistributionPoints(
            deps.site.db,
            distributionPointIds,
            request.distributionPoints.distributionPointGroupIds,
          ),
          deps.clock.now().toISOString(),
        )) ??
        (await createPackage(
          deps,
          {
            ...request.deploymentPackage.package,
            ...request.distributionSettings,
            distributionPointIds,
            distributionPointGroupIds: request.distributionPoints.distributionPointGroupIds,
          },
          user,
          { isAwaitingDownload: true },
        )))
      : await readPackage(deps.site.db, existingId!);
  const params: DownloadJobParams = {
    packageId: pkg.id,
    ciIds: plan.map((update) => update.ciId),
    languages: request.languageSelection.languages,
    location,
    isNewPackage: request.deploymentPackage.choice === 'new',
  };
  return { params, pkg };
}

/** The "download from a location on my network" folder, as its real path; no system folder. */
function checkLocation(path: string): string {
  const field = ['location', 'path'];
  refuseSystemFolder(path, 'download location folder', field);
  return checkFolder(path, 'download location folder', field);
}
