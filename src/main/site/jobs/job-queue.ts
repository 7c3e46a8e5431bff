import { sql } from 'kysely';
import type { Job, JobLogLine } from '../../../shared/contract';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import { toJob, type JobRow } from './job-row';
import { abandonedJobOutcome, freeLease } from './abandoned-job';
import { currentProcess, isOwnerGone, type OwnerProcess } from './owner-process';

function currentHost(): string {
  return currentProcess().host;
}

export interface EnqueueRequest {
  kind: string;
  title: string;
  params: unknown;
  createdBy: string;
  maxAttempts?: number;
  /** A resumable job whose process died is queued again and continues from its checkpoint. */
  isResumable?: boolean;
  runAfter?: Date;
}

/**
 * Durable job rows. Every state change goes through here, so it is the one place that publishes
 * `job.changed`. Claiming uses `FOR UPDATE SKIP LOCKED` on PostgreSQL so several site processes
 * share one queue without running a job twice; SQLite's single writer gives the same guarantee.
 */
export class JobQueue {
  /** Rows of running jobs as last seen, for progress events that must not wait on the database. */
  private readonly running = new Map<number, JobRow>();
  private readonly logWrites = new Map<number, Promise<JobLogLine>>();

  constructor(
    private readonly site: SiteDatabase,
    private readonly events: SiteEvents,
    private readonly clock: Clock,
  ) {}

  private get db() {
    return this.site.db;
  }

  async enqueue(request: EnqueueRequest): Promise<Job> {
    const now = this.clock.now().toISOString();
    const row = await this.db
      .insertInto('job')
      .values({
        kind: request.kind,
        title: request.title,
        params: JSON.stringify(request.params ?? {}),
        max_attempts: request.maxAttempts ?? 3,
        is_resumable: request.isResumable ? 1 : 0,
        run_after: (request.runAfter ?? this.clock.now()).toISOString(),
        created_at: now,
        created_by: request.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return this.changed(row);
  }

  /** The oldest queued or running job of a kind, if any: for jobs that must not run twice at once. */
  async findActive(kind: string): Promise<Job | null> {
    const row = await this.db
      .selectFrom('job')
      .selectAll()
      .where('kind', '=', kind)
      .where('state', 'in', ['queued', 'running'])
      .orderBy('id')
      .executeTakeFirst();
    return row ? toJob(row) : null;
  }

  /** Every queued or running job of a kind, oldest first. */
  async listActive(kind: string): Promise<JobRow[]> {
    return this.db
      .selectFrom('job')
      .selectAll()
      .where('kind', '=', kind)
      .where('state', 'in', ['queued', 'running'])
      .orderBy('id')
      .execute();
  }

  async get(id: number): Promise<Job> {
    return toJob(await this.getRow(id));
  }

  async getRow(id: number): Promise<JobRow> {
    const row = await this.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new SiteError('not-found', `Job ${id} does not exist.`);
    return row;
  }

  /**
   * Takes up to `limit` due jobs for `owner`, leasing them until `leaseMs` from now. The owning
   * process (host, pid, start token) is recorded so others can tell at once when it is gone.
   */
  async claim(
    owner: string,
    limit: number,
    leaseMs: number,
    kinds: string[],
    process: OwnerProcess | null = null,
  ): Promise<JobRow[]> {
    if (kinds.length === 0) return [];
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const lock = this.site.dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
    const result = await sql<JobRow>`
      UPDATE job
         SET state = 'running', attempts = attempts + 1, lease_owner = ${owner},
             lease_expires_at = ${leaseUntil}, lease_host = ${process?.host ?? null},
             lease_pid = ${process?.pid ?? null}, lease_process_start = ${process?.startToken ?? null},
             started_at = COALESCE(started_at, ${nowIso}),
             error = NULL
       WHERE id IN (
         SELECT id FROM job
          WHERE state = 'queued' AND run_after <= ${nowIso} AND is_cancel_requested = 0
            AND kind IN (${sql.join(kinds)})
          ORDER BY id
          LIMIT ${limit}
          ${lock})
      RETURNING *`.execute(this.db);
    const rows = result.rows.sort((a, b) => a.id - b.id);
    for (const row of rows) this.changed(row);
    return rows;
  }

  /**
   * Extends the leases of jobs this owner still runs. Returns the ids asked to cancel, and the
   * ids this owner no longer holds (taken over while it was stalled): it must stop running them.
   */
  async heartbeat(
    owner: string,
    ids: number[],
    leaseMs: number,
  ): Promise<{ cancelled: number[]; lost: number[] }> {
    if (ids.length === 0) return { cancelled: [], lost: [] };
    const leaseUntil = new Date(this.clock.now().getTime() + leaseMs).toISOString();
    const rows = await this.db
      .updateTable('job')
      .set({ lease_expires_at: leaseUntil })
      .where('id', 'in', ids)
      .where('lease_owner', '=', owner)
      .where('state', '=', 'running')
      .returning(['id', 'is_cancel_requested'])
      .execute();
    const held = new Set(rows.map((row) => row.id));
    return {
      cancelled: rows.filter((row) => row.is_cancel_requested === 1).map((row) => row.id),
      lost: ids.filter((id) => !held.has(id)),
    };
  }

  async reportProgress(id: number, owner: string, progress: number, text: string): Promise<void> {
    // Consoles see progress at once, even while a long SQLite write transaction (a sync's
    // database phase) holds the connection and the row update has to wait for it.
    const known = this.running.get(id);
    if (known) {
      const fraction = Math.max(0, Math.min(1, progress));
      this.events.publish({
        type: 'job.changed',
        job: toJob({ ...known, progress: fraction, progress_text: text }),
      });
    }
    const row = await this.db
      .updateTable('job')
      .set({ progress: Math.max(0, Math.min(1, progress)), progress_text: text })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .returningAll()
      .executeTakeFirst();
    if (row) this.changed(row);
  }

  async saveCheckpoint(id: number, owner: string, checkpoint: unknown): Promise<void> {
    await this.db
      .updateTable('job')
      .set({ checkpoint: JSON.stringify(checkpoint) })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  /** Log lines of one job are written one after another, so their sequence numbers never clash. */
  appendLog(jobId: number, severity: JobLogLine['severity'], text: string): Promise<JobLogLine> {
    const previous = this.logWrites.get(jobId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => this.insertLogLine(jobId, severity, text));
    this.logWrites.set(jobId, next);
    void next
      .finally(() => {
        if (this.logWrites.get(jobId) === next) this.logWrites.delete(jobId);
      })
      .catch(() => undefined);
    return next;
  }

  private async insertLogLine(
    jobId: number,
    severity: JobLogLine['severity'],
    text: string,
  ): Promise<JobLogLine> {
    const time = this.clock.now().toISOString();
    // One statement picks the next sequence number, so recovery and the runner never collide.
    const result = await sql<{ seq: number }>`
      INSERT INTO job_log (job_id, seq, time, severity, text)
      SELECT ${jobId}, COALESCE(MAX(seq), 0) + 1, ${time}, ${severity}, ${text}
        FROM job_log WHERE job_id = ${jobId}
      RETURNING seq`.execute(this.db);
    const line: JobLogLine = { jobId, seq: Number(result.rows[0]?.seq ?? 0), time, severity, text };
    this.events.publish({ type: 'job.log', line });
    return line;
  }

  async readLog(jobId: number, afterSeq: number): Promise<JobLogLine[]> {
    const rows = await this.db
      .selectFrom('job_log')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(5000)
      .execute();
    return rows.map((row) => ({
      jobId: row.job_id,
      seq: row.seq,
      time: row.time,
      severity: row.severity as JobLogLine['severity'],
      text: row.text,
    }));
  }

  async succeed(id: number, owner: string, result: unknown): Promise<Job | null> {
    return this.finish(id, owner, {
      state: 'succeeded',
      progress: 1,
      result: JSON.stringify(result ?? null),
    });
  }

  async markCancelled(id: number, owner: string): Promise<Job | null> {
    return this.finish(id, owner, {
      state: 'cancelled',
      error: 'Cancelled by an administrator.',
      progressText: 'Cancelled by an administrator.',
    });
  }

  /**
   * Records a failure. A retryable one goes back to the queue with exponential backoff while
   * attempts remain; otherwise the job fails with the sentence the admin will read.
   */
  async fail(
    id: number,
    owner: string,
    message: string,
    isRetryable: boolean,
    result?: unknown,
  ): Promise<Job | null> {
    const row = await this.getRow(id);
    if (isRetryable && row.attempts < row.max_attempts) {
      const delayMs = Math.min(5 * 60_000, 2_000 * 2 ** (row.attempts - 1));
      const updated = await this.db
        .updateTable('job')
        .set({
          state: 'queued',
          ...freeLease,
          error: message,
          run_after: new Date(this.clock.now().getTime() + delayMs).toISOString(),
          progress_text: `Attempt ${row.attempts} of ${row.max_attempts} failed; retrying in ${Math.round(delayMs / 1000)} s.`,
        })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .returningAll()
        .executeTakeFirst();
      return updated ? this.changed(updated) : null;
    }
    return this.finish(id, owner, {
      state: 'failed',
      error: message,
      ...(result !== undefined && { result: JSON.stringify(result) }),
    });
  }

  /**
   * Cancels a queued job at once; asks a running one to stop (its runner sees the flag at the
   * next heartbeat or checkpoint). A finished job is left as it is.
   */
  async requestCancel(id: number): Promise<Job> {
    const now = this.clock.now().toISOString();
    const queued = await this.db
      .updateTable('job')
      .set({
        state: 'cancelled',
        is_cancel_requested: 1,
        finished_at: now,
        error: 'Cancelled by an administrator.',
      })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    if (queued) return this.changed(queued);
    const running = await this.db
      .updateTable('job')
      .set({ is_cancel_requested: 1, progress_text: 'Cancelling…' })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .returningAll()
      .executeTakeFirst();
    if (running) return this.changed(running);
    return this.get(id);
  }

  /**
   * Jobs whose owner is gone: its lease ran out, or it ran on this host and its process is no
   * longer alive (or the pid now belongs to another process), which is known at once. Resumable
   * ones go back to the queue (they keep their checkpoint); the rest fail with a sentence saying
   * what happened. Each take-over is a conditional update on the old lease, so of several
   * processes recovering at once exactly one takes a job over, and a live owner is never robbed.
   */
  async recoverAbandoned(): Promise<JobRow[]> {
    const nowIso = this.clock.now().toISOString();
    const host = currentHost();
    // Looked for on the reading connection: lists call this, and must not wait behind a long
    // write transaction of this process (a sync's database phase). The take-over itself is
    // conditional on the lease as read, so a stale read never takes a live job.
    const candidates = await this.site.read
      .selectFrom('job')
      .selectAll()
      .where('state', '=', 'running')
      .where((eb) => eb.or([eb('lease_expires_at', '<', nowIso), eb('lease_host', '=', host)]))
      .execute();
    const recovered: JobRow[] = [];
    for (const row of candidates) {
      const isExpired = row.lease_expires_at !== null && row.lease_expires_at < nowIso;
      const isGone = isOwnerGone({
        host: row.lease_host,
        pid: row.lease_pid,
        startToken: row.lease_process_start,
      });
      if (!isExpired && !isGone) continue;
      const outcome = abandonedJobOutcome(row, isGone, nowIso);
      const updated = await this.db
        .updateTable('job')
        .set(outcome.values)
        .where('id', '=', row.id)
        .where('state', '=', 'running')
        .where((eb) =>
          row.lease_owner === null
            ? eb('lease_owner', 'is', null)
            : eb('lease_owner', '=', row.lease_owner),
        )
        .where((eb) =>
          row.lease_expires_at === null
            ? eb('lease_expires_at', 'is', null)
            : eb('lease_expires_at', '=', row.lease_expires_at),
        )
        .returningAll()
        .executeTakeFirst();
      if (!updated) continue;
      await this.appendLog(
        row.id,
        outcome.logSeverity,
        outcome.logText ?? updated.error ?? 'The job was abandoned.',
      );
      this.changed(updated);
      recovered.push(updated);
    }
    return recovered;
  }

  private async finish(
    id: number,
    owner: string,
    values: {
      state: Job['state'];
      progress?: number;
      result?: string;
      error?: string;
      progressText?: string;
    },
  ): Promise<Job | null> {
    const { progressText, ...columns } = values;
    const row = await this.db
      .updateTable('job')
      .set({
        ...columns,
        ...(progressText === undefined ? {} : { progress_text: progressText }),
        finished_at: this.clock.now().toISOString(),
        ...freeLease,
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .returningAll()
      .executeTakeFirst();
    return row ? this.changed(row) : null;
  }

  private changed(row: JobRow): Job {
    if (row.state === 'running') this.running.set(row.id, row);
    else this.running.delete(row.id);
    const job = toJob(row);
    this.events.publish({ type: 'job.changed', job });
    return job;
  }
}
