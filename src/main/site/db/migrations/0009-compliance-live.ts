import { addColumn, index, int, statement, table, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * Live compliance (issue 6). Every client in the site counts towards every update's Total, so
 * Unknown (clients that never reported) and Percent Compliant are derived from the number of
 * clients at read time; only the counts clients send are stored. Ordering by Percent Compliant
 * is ordering by Installed + Not Required (the Total is the same for every update), which is
 * the indexed `num_compliant`.
 */
export const migration: Migration = {
  id: '0009-compliance-live',
  statements: [
    addColumn('update_compliance_summary', int('num_compliant', 'NOT NULL DEFAULT 0')),
    index('update_compliance_compliant', 'update_compliance_summary', 'num_compliant, ci_id'),
    // View Required and the group recount read (update, state) -> clients: with client_id in
    // the index they never touch the table.
    statement('DROP INDEX client_update_state_update'),
    index('client_update_state_update', 'client_update_state', 'ci_id, state, client_id'),
    // A client's compliance with a software update group (1 compliant, 2 non-compliant); a
    // client without a row is Unknown. The group counters are these rows counted.
    table(
      'client_group_state',
      [
        int('client_id', 'NOT NULL REFERENCES client(id) ON DELETE CASCADE'),
        int('group_id', 'NOT NULL REFERENCES software_update_group(id) ON DELETE CASCADE'),
        int('state', 'NOT NULL'),
      ],
      ['PRIMARY KEY (client_id, group_id)'],
    ),
    index('client_group_state_group', 'client_group_state', 'group_id, state'),
    // Enforcement states (TopicType 300/301/302) arrive before deployments exist to read them;
    // they are kept as received so the deployments work can replay them.
    table('client_enforcement_message', [
      int('client_id', 'NOT NULL REFERENCES client(id) ON DELETE CASCADE'),
      text('batch_id', 'NOT NULL'),
      int('topic_type', 'NOT NULL'),
      text('topic_id', 'NOT NULL'),
      int('state_id', 'NOT NULL'),
      int('error_code', 'NOT NULL DEFAULT 0'),
      time('state_time', 'NOT NULL'),
    ]),
    index('client_enforcement_message_client', 'client_enforcement_message', 'client_id'),
  ],
};
