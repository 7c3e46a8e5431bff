import { SummarizationSchedule } from '../../../shared/contract/compliance';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { JobQueue } from '../jobs/job-queue';
import { readSetting, writeSetting } from '../sync/site-settings-store';
import { lastSummarizationKey, summarizationJobKind } from './summarization';

const scheduleKey = 'compliance.summarizationSchedule';
/** ConfigMgr's default, and what an upgrade resets custom schedules to (§4.3). */
const defaultSchedule: SummarizationSchedule = { unit: 'hours', every: 1 };
const unitMs = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export async function readSummarizationSchedule(site: SiteDatabase) {
  const stored = await readSetting<unknown>(site.read, scheduleKey, defaultSchedule);
  const parsed = SummarizationSchedule.safeParse(stored);
  return {
    schedule: parsed.success ? parsed.data : defaultSchedule,
    lastRunAt: await readSetting<string | null>(site.read, lastSummarizationKey, null),
  };
}

export async function writeSummarizationSchedule(
  site: SiteDatabase,
  clock: Clock,
  schedule: SummarizationSchedule,
) {
  await writeSetting(site.db, scheduleKey, schedule, clock.now().toISOString());
  return readSummarizationSchedule(site);
}

/** Queues Run Summarization; a queued or running one already covers the request. */
export async function enqueueSummarization(
  site: SiteDatabase,
  jobs: JobQueue,
  trigger: 'manual' | 'schedule',
  createdBy: string,
): Promise<number> {
  const pending = await site.db
    .selectFrom('job')
    .select('id')
    .where('kind', '=', summarizationJobKind)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (pending) return pending.id;
  const job = await jobs.enqueue({
    kind: summarizationJobKind,
    title: 'Run Summarization of software updates',
    params: { trigger },
    createdBy,
    maxAttempts: 2,
  });
  return job.id;
}

/**
 * Schedule Summarization: the live counters need no schedule to be right, but the recompute
 * still runs on it (by default every hour), as a check that corrects and reports any drift.
 * Manual runs do not move the next scheduled one (§4.3): the schedule counts from its own runs.
 */
export class SummarizationScheduler {
  private timer: NodeJS.Timeout | null = null;
  private lastScheduledAt: number;

  constructor(
    private readonly site: SiteDatabase,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly onEnqueued: () => void,
    private readonly checkEveryMs = 30_000,
  ) {
    this.lastScheduledAt = clock.now().getTime();
  }

  start(): void {
    this.timer = setInterval(
      () =>
        void this.check().catch((error: unknown) =>
          console.error(`Summarization schedule check failed: ${(error as Error).message}`),
        ),
      this.checkEveryMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async check(): Promise<boolean> {
    const { schedule } = await readSummarizationSchedule(this.site);
    const now = this.clock.now().getTime();
    if (now - this.lastScheduledAt < schedule.every * unitMs[schedule.unit]) return false;
    this.lastScheduledAt = now;
    await enqueueSummarization(this.site, this.jobs, 'schedule', 'SMS_STATE_SYSTEM');
    this.onEnqueued();
    return true;
  }
}
