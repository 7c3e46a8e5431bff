import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DeploymentContent } from '../../../shared/contract/deployments';
import type { Clock } from '../clock';
import type { PackageServices } from '../content/package-changes';
import { prepareDownload } from '../content/start-download';
import type { JobQueue } from '../jobs/job-queue';
import type { JobRunner } from '../jobs/job-runner';
import { deploymentJobKind, type DeploymentJobParams } from './deployment-job';
import { validateCreate, type ParsedCreate } from './deployment-validation';

export interface StartDeploymentDependencies extends PackageServices {
  jobs: JobQueue;
  runner: JobRunner;
  siteLibraryId(): number;
}

/**
 * Next on Summary (and `deployment new`): every rule is checked before anything is written, so
 * the refusal comes back at once; then the package is created if new and the job queued.
 */
export async function startDeployment(
  deps: StartDeploymentDependencies & { clock: Clock },
  input: ParsedCreate,
  user: string,
): Promise<{ jobId: number }> {
  const valid = await validateCreate(deps.site.db, input, deps.clock);
  const download = await contentPlan(deps, input.content, valid.selection.ciIds, user);
  const params: DeploymentJobParams = {
    request: { ...input, general: { ...input.general, name: valid.name } },
    assignmentUniqueId: `{${randomUUID().toUpperCase()}}`,
    download: download?.params ?? null,
    packageId: download?.pkg.id ?? null,
    user,
  };
  const job = await deps.jobs.enqueue({
    kind: deploymentJobKind,
    title: `Deploy software updates: ${valid.name}`,
    params,
    createdBy: user,
    maxAttempts: 3,
    isResumable: true,
  });
  deps.runner.poke();
  return { jobId: job.id };
}

/**
 * The content pages: absent when everything is downloaded (the wizard skips them), or "No
 * deployment package"; otherwise the Download wizard's own checks and package creation.
 */
async function contentPlan(
  deps: StartDeploymentDependencies,
  content: z.output<typeof DeploymentContent> | undefined,
  ciIds: number[],
  user: string,
) {
  if (!content || content.deploymentPackage.choice === 'none') return null;
  const withFiles = await deps.site.db
    .selectFrom('software_update')
    .select('ci_id')
    .where('ci_id', 'in', ciIds)
    .where('is_metadata_only', '=', 0)
    .limit(1)
    .executeTakeFirst();
  // Nothing of the selection has files: there is nothing to download or distribute.
  if (!withFiles) return null;
  return prepareDownload(
    deps,
    {
      selection: { ciIds },
      deploymentPackage: content.deploymentPackage,
      distributionPoints: content.distributionPoints,
      distributionSettings: content.distributionSettings,
      location: content.location,
      languageSelection: content.languageSelection,
    },
    user,
  );
}
