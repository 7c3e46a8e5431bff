import { addColumn, int } from '../ddl';
import type { Migration } from './migration';

/**
 * A client's UTC offset as it reports it at registration (issue 12): deadlines in Client local
 * time fall at each device's own wall clock, and Devices can say which clock that is. Null for
 * clients that registered before, or agents that do not send it.
 */
export const migration: Migration = {
  id: '0012-client-time-zone',
  statements: [addColumn('client', int('time_zone_offset_minutes'))],
};
