import type { Job } from '../../../shared/contract';
import { SiteError } from '../../../shared/errors';
import type { JobQueue } from '../jobs/job-queue';
import { syncJobKind } from './sync-job';

/**
 * One synchronization at a time, as in ConfigMgr: asking again while one is queued or running
 * returns that job instead of starting a second. An import is refused instead: the running job
 * reads another source, so handing it back would say the bundle was imported when it was not.
 */
export async function enqueueSync(
  jobs: JobQueue,
  request: {
    isFull: boolean;
    trigger: 'console' | 'schedule' | 'cli' | 'parent';
    createdBy: string;
    importBundle?: string;
  },
): Promise<Job> {
  const active = await jobs.findActive(syncJobKind);
  if (active && request.importBundle !== undefined)
    throw new SiteError(
      'conflict',
      `Synchronization job ${active.id} is ${active.state}; import the bundle after it ends.`,
    );
  if (active) return active;
  return jobs.enqueue({
    kind: syncJobKind,
    title:
      request.importBundle !== undefined
        ? 'Import a catalog bundle'
        : request.isFull
          ? 'Synchronize software updates (full)'
          : 'Synchronize software updates',
    params: {
      isFull: request.isFull,
      trigger: request.trigger,
      ...(request.importBundle !== undefined && { importBundle: request.importBundle }),
    },
    createdBy: request.createdBy,
    maxAttempts: 1,
  });
}
