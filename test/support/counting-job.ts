import { z } from 'zod';
import { defineJob, PermanentJobError } from '../../src/main/site/jobs/job-handler';

/**
 * A job kind that exists only in tests, for exercising the runner itself: it counts in steps and
 * saves a checkpoint after each, so resuming can be observed.
 */
export function countingJob(runs: number[] = [], stepMs = 20) {
  return defineJob({
    kind: 'test.count',
    params: z.object({
      to: z.number().int(),
      failUntilAttempt: z.number().int().default(0),
      permanent: z.boolean().default(false),
    }),
    maxAttempts: 3,
    isResumable: true,
    async run(context) {
      runs.push(context.jobId);
      if (context.attempt <= context.params.failUntilAttempt) {
        if (context.params.permanent)
          throw new PermanentJobError('The input names a file that does not exist.');
        throw new Error(`Attempt ${context.attempt} hit a network error.`);
      }
      const start = (context.checkpoint as { at: number } | null)?.at ?? 0;
      for (let at = start; at < context.params.to; at += 1) {
        context.throwIfCancelled();
        context.progress(at / context.params.to, `Counted ${at} of ${context.params.to}.`);
        await context.saveCheckpoint({ at: at + 1 });
        await new Promise((resolve) => setTimeout(resolve, stepMs));
      }
      await context.log(`Counted to ${context.params.to}, starting from ${start}.`);
      return { counted: context.params.to - start, startedAt: start };
    },
  });
}
