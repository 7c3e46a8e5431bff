import type { z } from 'zod';
import type { JobLogLine } from '../../../shared/contract';

/** What a running job may do: report progress, write its log, save a checkpoint, watch cancel. */
export interface JobContext<P> {
  readonly jobId: number;
  readonly params: P;
  readonly attempt: number;
  /** The last checkpoint saved by an earlier attempt of this job, if it is resuming. */
  readonly checkpoint: unknown;
  /** Aborted when an admin cancels the job or the site shuts down. */
  readonly signal: AbortSignal;
  progress(fraction: number, text: string): void;
  log(text: string, severity?: JobLogLine['severity']): Promise<void>;
  saveCheckpoint(value: unknown): Promise<void>;
  /** Throws the cancellation error if the job was asked to stop; call it between chunks. */
  throwIfCancelled(): void;
}

/** One kind of durable job: its parameter schema and its body. */
export interface JobHandler<S extends z.ZodType = z.ZodType> {
  readonly kind: string;
  readonly params: S;
  readonly maxAttempts: number;
  readonly isResumable: boolean;
  run(context: JobContext<z.output<S>>): Promise<unknown>;
  /**
   * Called once, in whichever process took the job over, when a job of this kind was failed
   * because the process running it ended: the job closes what its own failure path would have
   * (a sync's history row and its 6703), since that process never got to.
   */
  abandoned?(job: AbandonedJobInfo<z.output<S>>): Promise<void>;
}

/** A job failed on behalf of its dead owner, for its kind's `abandoned` step. */
export interface AbandonedJobInfo<P> {
  readonly jobId: number;
  /** Its parameters, or null if they no longer parse. */
  readonly params: P | null;
  /** The sentence the job failed with. */
  readonly reason: string;
  readonly state: 'failed' | 'cancelled';
}

export function defineJob<S extends z.ZodType>(handler: JobHandler<S>): JobHandler<S> {
  return handler;
}

/** Thrown inside a job to stop it without a retry (bad input, a refused file). */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
  /** What the job did before it failed (a download's per-update results), kept on the job. */
  constructor(
    message: string,
    readonly result?: unknown,
  ) {
    super(message);
  }
}

export class JobCancelledError extends Error {
  override readonly name = 'JobCancelledError';
  constructor() {
    super('Cancelled by an administrator.');
  }
}
