import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { SiteError } from '../../../shared/errors';
import type { JobContext, JobHandler } from './job-handler';
import { JobCancelledError, PermanentJobError } from './job-handler';
import type { JobQueue } from './job-queue';
import { toJob, type JobRow } from './job-row';
import { currentProcess } from './owner-process';
import type { Job } from '../../../shared/contract';

/** The abort reason when another process took a job over: this copy stops without a word. */
const leaseLost = new Error('lease-lost');

export interface JobRunnerOptions {
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
  /** Progress is written to the database at most this often per job; events go out as often. */
  progressWriteMs?: number;
}

interface RunningJob {
  controller: AbortController;
  promise: Promise<void>;
}

/**
 * Runs due jobs of the kinds it knows, one runner per process. Leases are renewed by a heartbeat
 * and carry the owning process, so a job whose process died is recovered at once by the next
 * process on the same host (and by any process once its lease runs out).
 */
export class JobRunner {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly process = currentProcess();
  private readonly handlers = new Map<string, JobHandler>();
  private readonly running = new Map<number, RunningJob>();
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private isStarted = false;
  private readonly pollMs: number;
  private readonly progressWriteMs: number;
  private timer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private isStopping = false;
  private isPolling = false;
  /** The poll in progress: stop() waits for it, so a job it claims is aborted like the rest. */
  private polling: Promise<void> = Promise.resolve();

  constructor(
    private readonly queue: JobQueue,
    options: JobRunnerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 2;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 500;
    this.progressWriteMs = options.progressWriteMs ?? 250;
  }

  register(handler: JobHandler): void {
    this.handlers.set(handler.kind, handler);
  }

  handler(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  async start(): Promise<void> {
    await this.recoverAbandoned();
    this.isStopping = false;
    this.isStarted = true;
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), Math.max(200, this.leaseMs / 3));
    this.heartbeatTimer.unref();
    this.schedule(0);
  }

  /** Looks for work now, for example right after this process enqueued a job. */
  poke(): void {
    // A process that does not run jobs (a CLI listing, a console reading) only enqueues them.
    if (this.isStarted && !this.isStopping) this.schedule(0);
  }

  /** Aborts this process's copy of a job at once, without waiting for the heartbeat. */
  abortLocal(jobId: number): void {
    this.running.get(jobId)?.controller.abort();
  }

  /**
   * Stops claiming, asks running jobs to stop and waits for them. Their leases are released so a
   * resumable job is picked up again at once by the next process.
   */
  async stop(): Promise<void> {
    this.isStopping = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    await this.polling;
    for (const job of this.running.values()) job.controller.abort(new Error('site-stopping'));
    await Promise.allSettled([...this.running.values()].map((job) => job.promise));
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.polling = this.poll();
    }, delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (this.isStopping || this.isPolling) return;
    this.isPolling = true;
    try {
      const free = this.concurrency - this.running.size;
      if (free > 0) {
        const rows = await this.queue.claim(
          this.owner,
          free,
          this.leaseMs,
          [...this.handlers.keys()],
          this.process,
        );
        for (const row of rows) this.launch(row);
      }
    } catch (error) {
      console.error(`Job runner could not claim jobs: ${(error as Error).message}`);
    } finally {
      this.isPolling = false;
      if (!this.isStopping) this.schedule(this.pollMs);
    }
  }

  private launch(row: JobRow): void {
    const controller = new AbortController();
    const promise = this.execute(row, controller).finally(() => {
      this.running.delete(row.id);
      this.poke();
    });
    this.running.set(row.id, { controller, promise });
  }

  private async execute(row: JobRow, controller: AbortController): Promise<void> {
    const handler = this.handlers.get(row.kind)!;
    const { signal } = controller;
    let lastWrite = 0;
    let pendingWrite: NodeJS.Timeout | null = null;
    let latest: { fraction: number; text: string } | null = null;
    const writeProgress = () => {
      pendingWrite = null;
      lastWrite = Date.now();
      if (latest)
        void this.queue
          .reportProgress(row.id, this.owner, latest.fraction, latest.text)
          .catch(() => undefined);
    };
    const context: JobContext<unknown> = {
      jobId: row.id,
      params: undefined,
      attempt: row.attempts,
      checkpoint: row.checkpoint === null ? null : (JSON.parse(row.checkpoint) as unknown),
      signal,
      progress: (fraction, text) => {
        latest = { fraction, text };
        const wait = this.progressWriteMs - (Date.now() - lastWrite);
        if (wait <= 0) writeProgress();
        else pendingWrite ??= setTimeout(writeProgress, wait);
      },
      log: async (text, severity = 'info') => {
        await this.queue.appendLog(row.id, severity, text);
      },
      saveCheckpoint: (value) => this.queue.saveCheckpoint(row.id, this.owner, value),
      throwIfCancelled: () => {
        if (signal.aborted) throw new JobCancelledError();
      },
    };
    try {
      const parsed = handler.params.safeParse(JSON.parse(row.params));
      if (!parsed.success)
        throw new PermanentJobError(
          `The job's parameters are not valid: ${parsed.error.issues[0]?.message}.`,
        );
      const result = await handler.run({ ...context, params: parsed.data });
      if (pendingWrite) clearTimeout(pendingWrite);
      // The job's last sentence ("Copied 125 of 125 pages.") is what the admin reads afterwards.
      const last = latest as { fraction: number; text: string } | null;
      if (last)
        await this.queue.reportProgress(row.id, this.owner, 1, last.text).catch(() => undefined);
      if (signal.aborted && this.isStopping) return this.release(row);
      await this.queue.succeed(row.id, this.owner, result);
    } catch (error) {
      if (pendingWrite) clearTimeout(pendingWrite);
      // Another process holds the job now; whatever this copy would write is no longer its own.
      if (signal.reason === leaseLost) return;
      if (this.isStopping && signal.aborted) return this.release(row);
      if (signal.aborted || error instanceof JobCancelledError) {
        await context.log('Cancelled by an administrator.', 'warning');
        await this.queue.markCancelled(row.id, this.owner);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const isRetryable =
        !(error instanceof PermanentJobError) &&
        !(error instanceof SiteError && error.code === 'invalid-input');
      await context.log(message, 'error').catch(() => undefined);
      // The job's last sentence stays what the admin reads, not a step it was throttled out of.
      const last = latest as { fraction: number; text: string } | null;
      if (last)
        await this.queue
          .reportProgress(row.id, this.owner, last.fraction, last.text)
          .catch(() => undefined);
      const result = error instanceof PermanentJobError ? error.result : undefined;
      await this.queue.fail(row.id, this.owner, message, isRetryable, result);
    }
  }

  /** On a draining shutdown the lease is shortened to now, so recovery picks the job up next. */
  private async release(row: JobRow): Promise<void> {
    await this.queue.heartbeat(this.owner, [row.id], -1);
  }

  /**
   * Takes over the jobs of processes that are gone: resumable ones are queued again, the rest
   * failed with a sentence, and their kind closes what the dead process left open. Any process
   * may call this (a CLI listing too), so a dead job never shows as running.
   */
  async recoverAbandoned(): Promise<Job[]> {
    const recovered = await this.queue.recoverAbandoned();
    for (const row of recovered) {
      const handler = this.handlers.get(row.kind);
      if (!handler?.abandoned || (row.state !== 'failed' && row.state !== 'cancelled')) continue;
      const parsed = handler.params.safeParse(safeJson(row.params));
      await handler
        .abandoned({
          jobId: row.id,
          params: parsed.success ? parsed.data : null,
          reason: row.error ?? 'The site process that ran this job ended.',
          state: row.state,
        })
        .catch((error: unknown) =>
          console.error(`Closing abandoned job ${row.id} failed: ${(error as Error).message}`),
        );
    }
    if (recovered.some((row) => row.state === 'queued')) this.poke();
    return recovered.map((row) => toJob(row));
  }

  private async heartbeat(): Promise<void> {
    const ids = [...this.running.keys()];
    try {
      const { cancelled, lost } = await this.queue.heartbeat(this.owner, ids, this.leaseMs);
      for (const id of cancelled) this.running.get(id)?.controller.abort();
      // Stalled past its lease and taken over elsewhere: never run one job twice at once.
      for (const id of lost) this.running.get(id)?.controller.abort(leaseLost);
      // Another process sharing the queue may have died; its jobs are recovered here too.
      await this.recoverAbandoned();
    } catch (error) {
      console.error(`Job runner heartbeat failed: ${(error as Error).message}`);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
