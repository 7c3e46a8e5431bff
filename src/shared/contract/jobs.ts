import { z } from 'zod';
import { method } from './define';
import { IsoTime, listPage, listQuery } from './list-query';

export const jobStates = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const JobState = z.enum(jobStates);
export type JobState = z.infer<typeof JobState>;

export const Job = z.object({
  id: z.number().int(),
  kind: z.string(),
  /** What the admin sees in the jobs panel, e.g. "Back up site database". */
  title: z.string(),
  state: JobState,
  /** 0..1 */
  progress: z.number().min(0).max(1),
  progressText: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  isCancelRequested: z.boolean(),
  createdAt: IsoTime,
  startedAt: IsoTime.nullable(),
  finishedAt: IsoTime.nullable(),
  error: z.string().nullable(),
  result: z.unknown().nullable(),
  createdBy: z.string(),
});
export type Job = z.infer<typeof Job>;

export const JobLogLine = z.object({
  jobId: z.number().int(),
  seq: z.number().int(),
  time: IsoTime,
  severity: z.enum(['info', 'warning', 'error']),
  text: z.string(),
});
export type JobLogLine = z.infer<typeof JobLogLine>;

export const JobListQuery = listQuery(
  z
    .object({
      states: z.array(JobState).optional(),
      kind: z.string().optional(),
      /** The search bar: title, status or error contains the text. */
      text: z.string().trim().max(200).optional(),
    })
    .strict(),
  ['id', 'kind', 'state', 'createdAt'] as const,
);
export type JobListQuery = z.output<typeof JobListQuery>;

const JobId = z.object({ id: z.number().int().positive() }).strict();

export const jobsMethods = {
  'jobs.list': method(JobListQuery, listPage(Job), 'Jobs, newest first by default.'),
  'jobs.get': method(JobId, Job, 'One job with its progress.'),
  'jobs.cancel': method(
    JobId,
    Job,
    'Asks a queued or running job to stop; it ends as cancelled at its next checkpoint.',
  ),
  'jobs.log': method(
    z.object({ id: z.number().int().positive(), afterSeq: z.number().int().min(0).default(0) }),
    z.array(JobLogLine),
    'The log lines a job has written so far.',
  ),
} as const;
