import { cancelSiteAlerts, raiseSiteAlert } from '../alerts/raise-alert';
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
  await raiseSiteAlert(
    site.db,
    {
      key: `sync-failure:${siteCode}`,
      name: `Synchronization failure alert for software update point on site ${siteCode}`,
      type: 'Synchronization failure',
      message,
    },
    now,
  );
}

export async function cancelSyncFailureAlert(
  site: SiteDatabase,
  siteCode: string,
  now: string,
): Promise<void> {
  await cancelSiteAlerts(site.db, [`sync-failure:${siteCode}`], now);
}
