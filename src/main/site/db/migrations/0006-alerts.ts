import { id, index, int, table, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * Monitoring > Alerts: the sync failure alert of the Sync Schedule tab now, deployment and
 * client alerts later. One row per alert; ConfigMgr's states Active, Postponed, Canceled.
 */
export const migration: Migration = {
  id: '0006-alerts',
  statements: [
    table('alert', [
      id(),
      // A stable key per alert source, e.g. "sync-failure:PS1", so raising twice updates one row.
      text('alert_key', 'NOT NULL UNIQUE'),
      text('name', 'NOT NULL'),
      text('type', 'NOT NULL'),
      text('severity', "NOT NULL DEFAULT 'Critical'"),
      text('state', "NOT NULL DEFAULT 'Active'"),
      text('message', "NOT NULL DEFAULT ''"),
      int('occurrences', 'NOT NULL DEFAULT 1'),
      time('first_raised_at', 'NOT NULL'),
      time('last_raised_at', 'NOT NULL'),
      time('closed_at'),
    ]),
    index('alert_by_state', 'alert', 'state, last_raised_at'),
  ],
};
