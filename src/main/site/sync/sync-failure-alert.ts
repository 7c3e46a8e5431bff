import type { SiteDatabase } from '../db/open-database';

/**
 * The Sync Schedule tab's "Alert when synchronization fails on any site in the hierarchy": a
 * failed sync raises (or re-raises) one Critical alert per site; the next successful sync
 * cancels it, as ConfigMgr does.
 */
export async function raiseSyncFailureAlert(
  site: SiteDatabase,
  siteCode: string,
  message: string,
  now: string,
): Promise<void> {
  const key = `sync-failure:${siteCode}`;
  await site.db
    .insertInto('alert')
    .values({
      alert_key: key,
      name: `Synchronization failure alert for software update point on site ${siteCode}`,
      type: 'Synchronization failure',
      severity: 'Critical',
      state: 'Active',
      message,
      first_raised_at: now,
      last_raised_at: now,
    })
    .onConflict((conflict) =>
      conflict.column('alert_key').doUpdateSet((eb) => ({
        state: 'Active',
        message,
        last_raised_at: now,
        closed_at: null,
        occurrences: eb('alert.occurrences', '+', 1),
      })),
    )
    .execute();
}

export async function cancelSyncFailureAlert(
  site: SiteDatabase,
  siteCode: string,
  now: string,
): Promise<void> {
  await site.db
    .updateTable('alert')
    .set({ state: 'Canceled', closed_at: now })
    .where('alert_key', '=', `sync-failure:${siteCode}`)
    .where('state', '=', 'Active')
    .execute();
}
