import type { Selectable } from 'kysely';
import type { Job } from '../../../shared/contract';
import type { JobTable } from '../db/schema-types';

export type JobRow = Selectable<JobTable>;

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: row.state as Job['state'],
    progress: row.progress,
    progressText: row.progress_text,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    isCancelRequested: row.is_cancel_requested === 1,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    createdBy: row.created_by,
  };
}
