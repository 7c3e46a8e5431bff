import { addColumn, text } from '../ddl';
import type { Migration } from './migration';

/**
 * Client approval (issue 18, item 5), as ConfigMgr's "Approve": "approved", "pending" (registered
 * from outside the trusted networks, its batches refused until an admin approves it) or
 * "blocked" (refused from then on, even registering again). Clients that registered before
 * this migration were trusted then, so they stay approved.
 */
export const migration: Migration = {
  id: '0019-client-approval',
  statements: [addColumn('client', text('approval', "NOT NULL DEFAULT 'approved'"))],
};
