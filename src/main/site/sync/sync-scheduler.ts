import { nextOccurrence } from '../../../shared/schedule/next-occurrence';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { JobQueue } from '../jobs/job-queue';
import type { SupSettings } from '../sup/sup-settings';
import { enqueueSync } from './enqueue-sync';
import { readSetting } from './site-settings-store';

const lastScheduledKey = 'sync.lastScheduledRun';

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
    if (!settings.isScheduleEnabled) return false;
    const now = this.clock.now();
    const last = await readSetting<string | null>(this.site.db, lastScheduledKey, null);
    // Before the first scheduled run, a schedule counts from when it was last edited: enabling
    // "every 7 days" first syncs 7 days later, not the moment the admin presses Apply.
    const from = new Date(last ?? settings.modifiedAt);
    const due = nextOccurrence(settings.schedule, from, from);
    if (!due || due > now) return false;
    if (!(await this.claim(last, now.toISOString()))) return false;
    await enqueueSync(this.jobs, {
      isFull: false,
      trigger: 'schedule',
      createdBy: 'SMS_WSUS_SYNC_MANAGER',
    });
    this.onEnqueued();
    return true;
  }

  private async claim(expected: string | null, next: string): Promise<boolean> {
    const value = JSON.stringify(next);
    if (expected === null) {
      const inserted = await this.site.db
        .insertInto('site_setting')
        .values({ key: lastScheduledKey, value, modified_at: next })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const updated = await this.site.db
      .updateTable('site_setting')
      .set({ value, modified_at: next })
      .where('key', '=', lastScheduledKey)
      .where('value', '=', JSON.stringify(expected))
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }
}
