import type { StatusMessages } from '../status/status-messages';
import { updateMembership } from './collection-update';
import type { CollectionServices } from './device-collections';

const dayMs = 86_400_000;

/**
 * The full update schedule of each collection (every 7 days by default, as ConfigMgr's
 * "Schedule a full update on this collection"). It counts from the collection's last full
 * update, on demand or scheduled, or from its creation; new clients need no schedule, they
 * are evaluated incrementally when they register.
 */
export class CollectionRefreshScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly services: CollectionServices & { statusMessages: StatusMessages },
    private readonly checkEveryMs = 60_000,
  ) {}

  start(): void {
    this.timer = setInterval(
      () =>
        void this.check().catch((error: unknown) =>
          console.error(`Collection membership schedule check failed: ${(error as Error).message}`),
        ),
      this.checkEveryMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Runs every collection whose full update is due; returns their database ids. */
  async check(): Promise<number[]> {
    const now = this.services.clock.now().getTime();
    const rows = await this.services.site.read
      .selectFrom('collection')
      .select(['id', 'refresh_every_days', 'last_refreshed_at', 'created_at'])
      .where('refresh_every_days', 'is not', null)
      .orderBy('id')
      .execute();
    const due = rows.filter(
      (row) =>
        Date.parse(row.last_refreshed_at ?? row.created_at) + row.refresh_every_days! * dayMs <=
        now,
    );
    for (const row of due) await updateMembership(this.services, row.id, 'schedule');
    return due.map((row) => row.id);
  }
}
