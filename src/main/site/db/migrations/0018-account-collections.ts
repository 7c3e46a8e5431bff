import { index, int, table } from '../ddl';
import type { Migration } from './migration';

/**
 * Collection limiting (issue 18, spec §13.2): the collections an account may deploy to. An
 * account with no row here is not limited, as a ConfigMgr user with "All instances" is not.
 */
export const migration: Migration = {
  id: '0018-account-collections',
  statements: [
    table('account_collection', [
      int('account_id', 'NOT NULL REFERENCES account(id) ON DELETE CASCADE'),
      int('collection_id', 'NOT NULL REFERENCES collection(id) ON DELETE CASCADE'),
    ]),
    index('account_collection_pair', 'account_collection', 'account_id, collection_id', true),
  ],
};
