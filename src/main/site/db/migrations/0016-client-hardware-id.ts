import { addColumn, index, text } from '../ddl';
import type { Migration } from './migration';

/**
 * A client's hardware identity as it sends it at registration (issue 17), as ConfigMgr's
 * Hardware ID: a device that registers again without its SMS GUID (reinstalled, or a restarted
 * fleet) is recognised by it and keeps its one record instead of gaining a duplicate. Null for
 * clients that registered before, or agents that do not send it.
 */
export const migration: Migration = {
  id: '0016-client-hardware-id',
  statements: [
    addColumn('client', text('hardware_id')),
    index('client_hardware_id', 'client', 'hardware_id', true),
  ],
};
