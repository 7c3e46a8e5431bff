import { afterEach, describe, expect, it } from 'vitest';
import { syncJobKind } from '../../src/main/site/sync/sync-job';
import { engines } from '../support/engines';
import { openTestSite } from '../support/test-site';

describe.each(engines)('the sync schedule on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  it('starts a synchronization when due, once, even with two site processes checking', async () => {
    let now = new Date('2026-11-10T08:00:00.000Z');
    const clock = { now: () => now };
    const opened = await openTestSite(engine, {
      clock,
      runJobs: false,
      bundledCatalogFolder: null,
    });
    dispose = opened.dispose;
    const second = await opened.reopen({ clock, runJobs: false });
    await opened.site.supSettings.set({
      isScheduleEnabled: true,
      schedule: { kind: 'simple', every: 1, unit: 'days' },
    });
    const syncJobs = async () =>
      (
        await opened.site.database.db
          .selectFrom('job')
          .select('id')
          .where('kind', '=', syncJobKind)
          .execute()
      ).length;

    // Before the schedule's first occurrence nothing starts.
    now = new Date('2026-11-10T12:00:00.000Z');
    expect(await opened.site.syncScheduler.check()).toBe(false);
    now = new Date('2026-11-11T08:00:01.000Z');
    const results = await Promise.all([
      opened.site.syncScheduler.check(),
      second.syncScheduler.check(),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await syncJobs()).toBe(1);
    const job = await opened.site.database.db
      .selectFrom('job')
      .selectAll()
      .where('kind', '=', syncJobKind)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(job.params)).toEqual({ isFull: false, trigger: 'schedule' });
    // Not again until the next day.
    now = new Date('2026-11-11T20:00:00.000Z');
    expect(await second.syncScheduler.check()).toBe(false);
  });

  it('does nothing while the schedule is disabled, however long it has been', async () => {
    let now = new Date('2026-11-10T08:00:00.000Z');
    const opened = await openTestSite(engine, {
      clock: { now: () => now },
      runJobs: false,
      bundledCatalogFolder: null,
    });
    dispose = opened.dispose;
    // A new site has ConfigMgr's default: enabled, every 7 days.
    await opened.site.supSettings.set({ isScheduleEnabled: false });
    now = new Date('2026-12-10T08:00:00.000Z');
    expect(await opened.site.syncScheduler.check()).toBe(false);
  });
});
