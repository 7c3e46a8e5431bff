import { z } from 'zod';
import { defineJob, PermanentJobError } from '../jobs/job-handler';
import {
  closeAbandonedDistribution,
  distributePackage,
  type DistributionDependencies,
} from './package-distribution';

export const distributionJobKind = 'content.distribute';

/**
 * Distribute Content, Update Distribution Points, Redistribute and Validate (SMS_DISTRIBUTION_
 * MANAGER, distmgr.log): each DP's outcome is its Content Status row; the job fails only when
 * every DP failed, naming the first reason.
 */
export function distributeContentJob(deps: DistributionDependencies) {
  return defineJob({
    kind: distributionJobKind,
    params: z.object({
      packageId: z.number().int(),
      distributionPointIds: z.union([z.array(z.number().int()), z.literal('all')]),
      mode: z.enum(['distribute', 'redistribute', 'validate']),
    }),
    maxAttempts: 1,
    isResumable: false,
    async run(context) {
      const { packageId, distributionPointIds, mode } = context.params;
      context.progress(0.05, mode === 'validate' ? 'Validating content' : 'Copying content');
      const outcome = await distributePackage(
        deps,
        packageId,
        distributionPointIds,
        mode,
        context.signal,
        context.jobId,
      );
      const total = outcome.succeeded + outcome.failed;
      const verb = mode === 'validate' ? 'Validated' : 'Copied';
      context.progress(
        1,
        `${verb} the content on ${outcome.succeeded} of ${total} distribution point${total === 1 ? '' : 's'}${outcome.failed > 0 ? `; ${outcome.failed} failed (see Content Status)` : ''}.`,
      );
      // The DPs may hold good copies while the folder they are copied from was tampered with:
      // Validate is then no success, whatever the DPs say.
      if (outcome.sourceProblem) throw new PermanentJobError(outcome.sourceProblem, outcome);
      if (outcome.succeeded === 0 && outcome.failed > 0) {
        const rows = await deps.site.db
          .selectFrom('package_distribution')
          .select('state_message')
          .where('package_id', '=', packageId)
          .where('state', '=', 'Failed')
          .execute();
        throw new PermanentJobError(
          rows[0]?.state_message ?? 'Distribution failed on every distribution point.',
        );
      }
      return outcome;
    },
    async abandoned(job) {
      if (job.params)
        await closeAbandonedDistribution(
          deps,
          job.params.packageId,
          job.params.mode,
          job.reason,
          job.jobId,
        );
    },
  });
}
