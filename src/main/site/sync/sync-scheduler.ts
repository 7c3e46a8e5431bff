import { nextOccurrence } from '../../../shared/schedule/next-occurrence';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { JobQueue } from '../jobs/job-queue';
import type { SupComponentSettings } from '../../../shared/contract/software-update-point';
import type { SupSettings } from '../sup/sup-settings';
import { enqueueSync } from './enqueue-sync';
import { claimSetting, readSetting } from './site-settings-store';

const lastScheduledKey = 'sync.lastScheduledRun';

/**
 * When the Sync Schedule tab next starts a synchronization (null: no schedule). Before the first
 * scheduled run, a schedule counts from when it was last edited: enabling "every 7 days" first
 * syncs 7 days later, not the moment the admin presses Apply. A time already past is due now.
 */
export async function nextScheduledSync(
  site: SiteDatabase,
  settings: SupComponentSettings,
): Promise<{ due: Date | null; last: string | null }> {
  const last = await readSetting<string | null>(site.db, lastScheduledKey, null);
  if (!settings.isScheduleEnabled) return { due: null, last };
  const from = new Date(last ?? settings.modifiedAt);
  return { due: nextOccurrence(settings.schedule, from, from), last };
}

/**
 * Runs Synchronize Software Updates on the Sync Schedule tab's schedule, with no one at the
 * console. Every site process checks; the one that moves the "last scheduled run" setting from
 * the value it read (a compare-and-set) is the one that enqueues, so processes sharing a
 * PostgreSQL site never start the same scheduled sync twice.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly site: SiteDatabase,
    private readonly settings: SupSettings,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly onEnqueued: () => void,
    private readonly checkEveryMs = 30_000,
  ) {}

  start(): void {
    this.timer = setInterval(
      () =>
        void this.check().catch((error: unknown) =>
          console.error(`Sync schedule check failed: ${(error as Error).message}`),
        ),
      this.checkEveryMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Enqueues a scheduled sync when one is due; returns whether it did. */
  async check(): Promise<boolean> {
    const settings = await this.settings.get();
    const now = this.clock.now();
    const { due, last } = await nextScheduledSync(this.site, settings);
    if (!due || due > now) return false;
    if (
      !(await claimSetting(
        this.site.db,
        lastScheduledKey,
        last,
        now.toISOString(),
        now.toISOString(),
      ))
    )
      return false;
    await enqueueSync(this.jobs, {
      isFull: false,
      trigger: 'schedule',
      createdBy: 'SMS_WSUS_SYNC_MANAGER',
    });
    this.onEnqueued();
    return true;
  }
}
