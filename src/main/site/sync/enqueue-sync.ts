import type { Job } from '../../../shared/contract';
import type { JobQueue } from '../jobs/job-queue';
import { syncJobKind } from './sync-job';

/**
 * One synchronization at a time, as in ConfigMgr: asking again while one is queued or running
 * returns that job instead of starting a second.
 */
export async function enqueueSync(
  jobs: JobQueue,
  request: {
    isFull: boolean;
    trigger: 'console' | 'schedule' | 'cli' | 'parent';
    createdBy: string;
  },
): Promise<Job> {
  const active = await jobs.findActive(syncJobKind);
  if (active) return active;
  return jobs.enqueue({
    kind: syncJobKind,
    title: request.isFull ? 'Synchronize software updates (full)' : 'Synchronize software updates',
    params: { isFull: request.isFull, trigger: request.trigger },
    createdBy: request.createdBy,
    maxAttempts: 1,
  });
}
