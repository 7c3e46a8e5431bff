import type { JobRow } from './job-row';

/** A lease given back: no owner, no expiry, no owning process. */
export const freeLease = {
  lease_owner: null,
  lease_expires_at: null,
  lease_host: null,
  lease_pid: null,
  lease_process_start: null,
} as const;

/** "process 4242 on SITE01", or the lease owner string of an older row without the process. */
function describeOwner(row: JobRow): string {
  if (row.lease_pid !== null && row.lease_host !== null)
    return `process ${row.lease_pid} on ${row.lease_host}`;
  return row.lease_owner ?? 'unknown';
}

/**
 * What becomes of a running job whose owner is gone (or whose lease ran out): a resumable one
 * goes back to the queue with its checkpoint, one an admin asked to cancel is cancelled, and
 * the rest fail with a sentence saying which process ended. `logText` null: log the error.
 */
export function abandonedJobOutcome(row: JobRow, isOwnerGone: boolean, nowIso: string) {
  const owner = describeOwner(row);
  const why = isOwnerGone
    ? `The site process that ran this job (${owner}) ended before the job finished.`
    : `The site process running this job (${owner}) stopped before it finished; its lease expired at ${row.lease_expires_at}.`;
  const canResume =
    row.is_resumable === 1 && row.attempts < row.max_attempts && row.is_cancel_requested === 0;
  if (canResume)
    return {
      values: {
        state: 'queued' as const,
        ...freeLease,
        progress_text: 'Resuming after the site process that ran it stopped.',
      },
      logSeverity: 'warning' as const,
      logText: `${why} The job is queued again and resumes from its last checkpoint.`,
    };
  const values =
    row.is_cancel_requested === 1
      ? {
          state: 'cancelled' as const,
          ...freeLease,
          finished_at: nowIso,
          error: 'Cancelled by an administrator.',
          progress_text: 'Cancelled by an administrator.',
        }
      : {
          state: 'failed' as const,
          ...freeLease,
          finished_at: nowIso,
          error: `${why} Run it again.`,
          progress_text: 'Failed: the site process that ran it ended.',
        };
  return { values, logSeverity: 'error' as const, logText: null };
}
