import { AlertState } from '../../../shared/contract/alerts';
import type { SiteHandlers } from '../api/handlers';
import type { SiteDatabase } from '../db/open-database';

/** Monitoring > Alerts: every alert the site raised, the newest first. */
export function createAlertHandlers(deps: {
  database: SiteDatabase;
}): Pick<SiteHandlers, 'alerts.list'> {
  return {
    'alerts.list': async ({ state, limit }) => {
      let query = deps.database.read
        .selectFrom('alert')
        .selectAll()
        .orderBy('last_raised_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit);
      if (state) query = query.where('state', '=', state);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        type: row.type,
        severity: row.severity,
        state: AlertState.catch('Active').parse(row.state),
        message: row.message,
        occurrences: row.occurrences,
        firstRaisedAt: row.first_raised_at,
        lastRaisedAt: row.last_raised_at,
        closedAt: row.closed_at,
      }));
    },
  };
}
