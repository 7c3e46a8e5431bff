import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import type { JobQueue } from '../jobs/job-queue';
import type { ComponentLog } from '../logs/component-log';
import { claimSetting, readSetting } from '../sync/site-settings-store';
import { syncJobKind } from '../sync/sync-job';
import { enqueueRuleRun } from './rule-run-job';
import {
  dueOccurrence,
  readRuleScheduleState,
  ruleScheduleOf,
  ruleScheduleStateKey,
  scheduleBase,
  type RuleScheduleState,
} from './rule-schedule-state';

/** The highest sync job id whose after-sync rules were started. */
export const afterSyncWatermarkKey = 'rules.afterSync.lastSyncJobId';

export interface RuleSchedulerDependencies {
  site: SiteDatabase;
  jobs: JobQueue;
  clock: Clock;
  events: SiteEvents;
  /** The zone local rule schedules are read in (the site server's). */
  timeZone: string;
  poke: () => void;
  /** ruleengine.log: why a run was queued. */
  log?: ComponentLog;
}

export interface RuleSchedulerCheck {
  /** Rule ids started because an occurrence of their schedule came. */
  scheduled: number[];
  /** Rule ids started after a successful synchronization. */
  afterSync: number[];
}

/**
 * When rules run by themselves (§8.2 Evaluation Schedule): after every successful software update
 * point synchronization, and on their Custom Schedule. Every site process checks; each
 * occurrence and each synchronization is claimed with a compare-and-set on a site setting, so
 * however many processes share the database, however often a check repeats or a job is retried,
 * a rule runs once per occurrence and once per synchronization.
 *
 * After-sync rules start in the synchronization's wake (the job's `succeeded` event, in the
 * process that ran it) and, should that process stop first, at the next check of any process.
 */
export class RuleScheduler {
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: RuleSchedulerDependencies,
    private readonly checkEveryMs = 30_000,
  ) {}

  /**
   * A site that never ran this before has no after-sync watermark: it starts at the newest
   * synchronization, so an upgrade does not replay the site's history onto its rules.
   */
  async initialize(): Promise<void> {
    const latest = await this.deps.site.db
      .selectFrom('job')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('kind', '=', syncJobKind)
      .where('state', '=', 'succeeded')
      .executeTakeFirst();
    await claimSetting(
      this.deps.site.db,
      afterSyncWatermarkKey,
      null,
      Number(latest?.id ?? 0),
      this.deps.clock.now().toISOString(),
    );
  }

  /** Listens for synchronizations ending; `withTimer` also checks schedules periodically. */
  start(withTimer: boolean): void {
    this.unsubscribe ??= this.deps.events.subscribe((event) => {
      if (
        event.type === 'job.changed' &&
        event.job.kind === syncJobKind &&
        event.job.state === 'succeeded'
      )
        void this.serialize(() => this.runAfterSync()).catch((error: unknown) =>
          console.error(`After-sync rules could not start: ${(error as Error).message}`),
        );
    });
    if (!withTimer || this.timer) return;
    this.timer = setInterval(
      () =>
        void this.check().catch((error: unknown) =>
          console.error(`Rule schedule check failed: ${(error as Error).message}`),
        ),
      this.checkEveryMs,
    );
    this.timer.unref();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check of both triggers; concurrent calls in this process run one after the other. */
  check(): Promise<RuleSchedulerCheck> {
    return this.serialize(async () => ({
      afterSync: await this.runAfterSync(),
      scheduled: await this.runScheduled(),
    }));
  }

  /** Waits for whatever this process is starting (tests, and a site closing). */
  async idle(): Promise<void> {
    await this.running;
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work);
    this.running = next.catch(() => undefined);
    return next;
  }

  /** Every successful synchronization not yet claimed, oldest first: its after-sync rules run. */
  private async runAfterSync(): Promise<number[]> {
    const { site, clock } = this.deps;
    const started: number[] = [];
    for (;;) {
      const watermark = await readSetting<number | null>(site.db, afterSyncWatermarkKey, null);
      if (watermark === null) {
        await this.initialize();
        continue;
      }
      const sync = await site.db
        .selectFrom('job')
        .select(['id', 'finished_at'])
        .where('kind', '=', syncJobKind)
        .where('state', '=', 'succeeded')
        .where('id', '>', watermark)
        .orderBy('id')
        .executeTakeFirst();
      if (!sync) return started;
      const now = clock.now().toISOString();
      // Claimed before the runs are queued: a process stopping in between loses this sync's
      // runs rather than ever starting them twice.
      if (!(await claimSetting(site.db, afterSyncWatermarkKey, watermark, sync.id, now))) continue;
      const finishedAt = sync.finished_at ?? now;
      const rules = await site.db
        .selectFrom('automatic_deployment_rule')
        .select('id')
        .where('evaluation_run_type', '=', 'after-sync')
        .where('is_enabled', '=', 1)
        // A rule made after the synchronization ended has run already, at its creation.
        .where('created_at', '<=', finishedAt)
        .orderBy('id')
        .execute();
      for (const rule of rules) {
        const job = await enqueueRuleRun(
          { site, jobs: this.deps.jobs, poke: this.deps.poke },
          { ruleId: rule.id, trigger: 'after-sync', scheduledStart: finishedAt },
          'SMS_RULE_ENGINE',
        );
        this.deps.log?.info(
          `Rule ${rule.id} runs after synchronization job ${sync.id} (rule engine job ${job.id}).`,
        );
        started.push(rule.id);
      }
    }
  }

  /** Rules on a schedule whose occurrence has come: each occurrence runs once. */
  private async runScheduled(): Promise<number[]> {
    const { site, clock, timeZone } = this.deps;
    const now = clock.now();
    const rules = await site.db
      .selectFrom('automatic_deployment_rule')
      .select(['id', 'is_enabled', 'evaluation_run_type', 'evaluation_schedule', 'modified_at'])
      .where('evaluation_run_type', '=', 'schedule')
      .orderBy('id')
      .execute();
    const started: number[] = [];
    for (const rule of rules) {
      const schedule = ruleScheduleOf(rule.evaluation_schedule);
      if (!schedule) continue;
      const state = await readRuleScheduleState(site, rule.id);
      const due = dueOccurrence(schedule, scheduleBase(rule, schedule, state), now, timeZone);
      if (!due) continue;
      const next: RuleScheduleState = {
        occurrence: due.toISOString(),
        schedule: JSON.stringify(schedule),
      };
      const key = ruleScheduleStateKey(rule.id);
      if (!(await claimSetting(site.db, key, state, next, now.toISOString()))) continue;
      // A disabled rule is never evaluated automatically; its occurrences pass unrun, so
      // enabling it later does not run the ones it missed.
      if (rule.is_enabled !== 1) {
        this.deps.log?.info(
          `Rule ${rule.id} is disabled; its scheduled evaluation at ${due.toISOString()} is skipped.`,
        );
        continue;
      }
      const job = await enqueueRuleRun(
        { site, jobs: this.deps.jobs, poke: this.deps.poke },
        { ruleId: rule.id, trigger: 'schedule', scheduledStart: due.toISOString() },
        'SMS_RULE_ENGINE',
      );
      this.deps.log?.info(
        `Rule ${rule.id} runs for its scheduled evaluation at ${due.toISOString()} (rule engine job ${job.id}).`,
      );
      started.push(rule.id);
    }
    return started;
  }
}
