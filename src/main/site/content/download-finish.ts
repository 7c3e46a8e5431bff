import type { JobContext } from '../jobs/job-handler';
import type { DeploymentPackage } from '../../../shared/contract/deployment-packages';
import { distributePackage, type DistributionDependencies } from './package-distribution';
import { deletePackages } from './package-removal';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * After the files, what the package and its distribution points become. Nothing new arrived:
 * nothing is distributed (an existing package stays as it was; a package the wizard created for
 * this download is removed, so no empty package shows green in Content Status with a 2330
 * "successfully distributed"). Something arrived: the package, holding only what arrived, is
 * copied to its distribution points. Returns the sentence the job ends with.
 */
export async function finishDownload(
  deps: DistributionDependencies,
  context: Pick<JobContext<unknown>, 'progress' | 'signal' | 'jobId'>,
  facts: {
    pkg: DeploymentPackage;
    isNewPackage: boolean;
    filesAdded: number;
    sourceVersion: number;
    /** Updates that failed, and updates now wholly in the package (new or already there). */
    failed: number;
    arrived: number;
  },
): Promise<string> {
  const { pkg } = facts;
  const failedPart =
    facts.failed > 0
      ? ` ${plural(facts.failed, 'update')} failed to download and ${facts.failed === 1 ? 'is' : 'are'} not in the package.`
      : '';
  if (facts.filesAdded === 0) {
    const held = await deps.site.db
      .selectFrom('deployment_package_content')
      .select('content_file_id')
      .where('package_id', '=', pkg.id)
      .limit(1)
      .executeTakeFirst();
    if (facts.isNewPackage && !held) {
      await deletePackages(deps, [pkg.id]);
      return `No file arrived, so the deployment package "${pkg.name}" was not created and nothing was distributed.${failedPart}`;
    }
    return `Nothing new entered package ${pkg.packageId}: it stays at Source Version ${facts.sourceVersion} and was not distributed again.${failedPart}`;
  }
  context.progress(0.95, `Distributing package ${pkg.packageId} to its distribution points`);
  const outcome = await distributePackage(
    deps,
    pkg.id,
    'all',
    'distribute',
    context.signal,
    context.jobId,
  );
  const total = outcome.succeeded + outcome.failed;
  const distributed =
    outcome.failed === 0
      ? `distributed to ${plural(total, 'distribution point')}`
      : `distributed to ${outcome.succeeded} of ${plural(total, 'distribution point')} (see Content Status for the failures)`;
  return `Package ${pkg.packageId} is at Source Version ${facts.sourceVersion} and holds the ${plural(facts.arrived, 'update')} that arrived; ${distributed}.${failedPart}`;
}
