import { bool, id, index, int, json, table, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * Clients, collections with membership rules and maintenance windows (spec §10.1), client
 * settings (§10.2), per-client update state (§4.1) and the live summary counters (§4.3).
 */
export const migration: Migration = {
  id: '0004-clients-compliance',
  statements: [
    table('client', [
      id(),
      text('sms_guid', 'NOT NULL UNIQUE'),
      text('name', 'NOT NULL'),
      text('domain', "NOT NULL DEFAULT ''"),
      text('os_name', 'NOT NULL'),
      text('os_build', "NOT NULL DEFAULT ''"),
      bool('is_server', 'NOT NULL DEFAULT 0'),
      json('products', "NOT NULL DEFAULT '[]'"),
      text('site_code'),
      text('client_version', "NOT NULL DEFAULT ''"),
      // Only the hash of the key issued at registration is kept.
      text('auth_key_hash', 'NOT NULL'),
      time('registered_at', 'NOT NULL'),
      time('last_policy_request_at'),
      time('last_scan_at'),
      int('last_scan_state', 'NOT NULL DEFAULT 0'),
      int('last_scan_error_code', 'NOT NULL DEFAULT 0'),
      time('last_state_message_at'),
      bool('is_active', 'NOT NULL DEFAULT 1'),
    ]),
    index('client_name', 'client', 'name'),
    table('collection', [
      id(),
      text('collection_id', 'NOT NULL UNIQUE'),
      text('name', 'NOT NULL UNIQUE'),
      text('comment', "NOT NULL DEFAULT ''"),
      int('limiting_collection_id', 'REFERENCES collection(id)'),
      bool('is_built_in', 'NOT NULL DEFAULT 0'),
      int('member_count', 'NOT NULL DEFAULT 0'),
      time('created_at', 'NOT NULL'),
      time('members_changed_at', 'NOT NULL'),
    ]),
    table('collection_rule', [
      id(),
      int('collection_id', 'NOT NULL REFERENCES collection(id) ON DELETE CASCADE'),
      // direct / include / exclude / query
      text('kind', 'NOT NULL'),
      text('name', "NOT NULL DEFAULT ''"),
      int('client_id', 'REFERENCES client(id) ON DELETE CASCADE'),
      int('other_collection_id', 'REFERENCES collection(id) ON DELETE CASCADE'),
      json('query'),
    ]),
    table(
      'collection_member',
      [
        int('collection_id', 'NOT NULL REFERENCES collection(id) ON DELETE CASCADE'),
        int('client_id', 'NOT NULL REFERENCES client(id) ON DELETE CASCADE'),
      ],
      ['PRIMARY KEY (collection_id, client_id)'],
    ),
    index('collection_member_client', 'collection_member', 'client_id'),
    table('maintenance_window', [
      id(),
      int('collection_id', 'NOT NULL REFERENCES collection(id) ON DELETE CASCADE'),
      text('name', 'NOT NULL'),
      json('schedule', 'NOT NULL'),
      int('duration_minutes', 'NOT NULL CHECK (duration_minutes > 0 AND duration_minutes < 1440)'),
      bool('is_utc', 'NOT NULL DEFAULT 0'),
      bool('is_enabled', 'NOT NULL DEFAULT 1'),
      // Any / SoftwareUpdatesOnly / TaskSequencesOnly
      text('apply_to', "NOT NULL DEFAULT 'Any'"),
    ]),
    table('client_settings', [
      id(),
      text('name', 'NOT NULL UNIQUE'),
      int('priority', 'NOT NULL'),
      bool('is_default', 'NOT NULL DEFAULT 0'),
      json('settings', 'NOT NULL'),
      time('modified_at', 'NOT NULL'),
    ]),
    table(
      'client_settings_assignment',
      [
        int('client_settings_id', 'NOT NULL REFERENCES client_settings(id) ON DELETE CASCADE'),
        int('collection_id', 'NOT NULL REFERENCES collection(id) ON DELETE CASCADE'),
      ],
      ['PRIMARY KEY (client_settings_id, collection_id)'],
    ),
    // TopicType 500 detection state per client and update: 0 unknown, 1 not required,
    // 2 required, 3 installed.
    table(
      'client_update_state',
      [
        int('client_id', 'NOT NULL REFERENCES client(id) ON DELETE CASCADE'),
        int('ci_id', 'NOT NULL REFERENCES software_update(ci_id) ON DELETE CASCADE'),
        int('state', 'NOT NULL'),
        time('state_time', 'NOT NULL'),
      ],
      ['PRIMARY KEY (client_id, ci_id)'],
    ),
    index('client_update_state_update', 'client_update_state', 'ci_id, state'),
    // A batch is applied once: its id is recorded in the same transaction as its states.
    table('state_message_batch', [
      text('batch_id', 'PRIMARY KEY'),
      int('client_id', 'NOT NULL REFERENCES client(id) ON DELETE CASCADE'),
      int('message_count', 'NOT NULL'),
      time('received_at', 'NOT NULL'),
    ]),
    table('update_compliance_summary', [
      int('ci_id', 'PRIMARY KEY REFERENCES software_update(ci_id) ON DELETE CASCADE'),
      int('num_required', 'NOT NULL DEFAULT 0'),
      int('num_installed', 'NOT NULL DEFAULT 0'),
      int('num_not_required', 'NOT NULL DEFAULT 0'),
      int('num_unknown', 'NOT NULL DEFAULT 0'),
      time('summarized_at'),
    ]),
    table('group_compliance_summary', [
      int('group_id', 'PRIMARY KEY REFERENCES software_update_group(id) ON DELETE CASCADE'),
      int('num_compliant', 'NOT NULL DEFAULT 0'),
      int('num_non_compliant', 'NOT NULL DEFAULT 0'),
      int('num_unknown', 'NOT NULL DEFAULT 0'),
      time('summarized_at'),
    ]),
  ],
};
