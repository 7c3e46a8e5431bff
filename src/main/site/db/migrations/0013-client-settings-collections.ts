import { addColumn, index, int, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * Custom client settings (spec §10.2) and collection membership schedules. A custom object
 * keeps only the settings it configures in `settings`; priorities are unique (1 highest, the
 * default 10000). Collections get ConfigMgr's full update schedule, every 7 days by default;
 * NULL means "on demand only".
 */
export const migration: Migration = {
  id: '0013-client-settings-collections',
  statements: [
    addColumn('client_settings', text('description', "NOT NULL DEFAULT ''")),
    addColumn('client_settings', text('modified_by', "NOT NULL DEFAULT ''")),
    index('client_settings_priority', 'client_settings', 'priority', true),
    addColumn('collection', int('refresh_every_days', 'DEFAULT 7')),
    addColumn('collection', time('last_refreshed_at')),
  ],
};
