import type { SoftwareUpdatesOverview } from '../../../shared/contract';
import type { SiteDatabase } from '../db/open-database';
import type { SyncHistory } from './sync-history';

const shown = 5;

/**
 * Software Library > Overview and Software Updates (spec §3): the last synchronization with its
 * state and time, the software update alerts still active, and the newest updates.
 */
export async function readSoftwareUpdatesOverview(
  site: SiteDatabase,
  history: SyncHistory,
): Promise<SoftwareUpdatesOverview> {
  const db = site.read;
  const [last, alerts, newest, count] = await Promise.all([
    history.list({ page: { size: 1 } }),
    db
      .selectFrom('alert')
      .select(['name', 'type', 'severity', 'message', 'last_raised_at'])
      .where('state', '=', 'Active')
      .orderBy('last_raised_at', 'desc')
      .limit(shown)
      .execute(),
    db
      .selectFrom('software_update as u')
      .leftJoin('update_classification as c', 'c.id', 'u.classification_id')
      .select(['u.ci_id', 'u.article_id', 'u.title', 'u.date_released', 'c.name as classification'])
      .where('u.is_expired', '=', 0)
      .orderBy('u.date_released', 'desc')
      .orderBy('u.ci_id', 'desc')
      .limit(shown)
      .execute(),
    db
      .selectFrom('software_update')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    lastSynchronization: last.rows[0] ?? null,
    alerts: alerts.map((alert) => ({
      name: alert.name,
      type: alert.type,
      severity: alert.severity,
      message: alert.message,
      lastRaisedAt: alert.last_raised_at,
    })),
    newestUpdates: newest.map((row) => ({
      ciId: row.ci_id,
      articleId: row.article_id,
      title: row.title,
      classification: row.classification ?? '',
      dateReleased: row.date_released,
    })),
    updateCount: Number(count.n),
  };
}
