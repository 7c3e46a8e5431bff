import { bool, id, index, int, json, table, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * Deployments with every setting of the Deploy Software Updates wizard (spec §7, §7.12),
 * per-client enforcement state (§9.3), automatic deployment rules with their wizard settings and
 * extra deployments (§8). Settings that are only read as a whole (user experience, alerts,
 * download settings) are one zod-validated JSON document; those that lists sort or filter on are
 * columns.
 */
export const migration: Migration = {
  id: '0005-deployments-rules',
  statements: [
    table('automatic_deployment_rule', [
      id(),
      text('name', 'NOT NULL UNIQUE'),
      text('description', "NOT NULL DEFAULT ''"),
      bool('is_enabled', 'NOT NULL DEFAULT 1'),
      text('template', "NOT NULL DEFAULT ''"),
      int('collection_id', 'NOT NULL REFERENCES collection(id)'),
      // new-group / existing-group
      text('group_mode', "NOT NULL DEFAULT 'new-group'"),
      int('group_id', 'REFERENCES software_update_group(id) ON DELETE SET NULL'),
      bool('is_deployment_enabled_after_run', 'NOT NULL DEFAULT 1'),
      json('criteria', 'NOT NULL'),
      // after-sync / schedule / manual
      text('evaluation_run_type', "NOT NULL DEFAULT 'manual'"),
      json('evaluation_schedule'),
      json('deployment_settings', 'NOT NULL'),
      json('content_settings', 'NOT NULL'),
      time('last_run_at'),
      int('last_error_code', 'NOT NULL DEFAULT 0'),
      time('last_error_at'),
      time('created_at', 'NOT NULL'),
      text('created_by', 'NOT NULL'),
      time('modified_at', 'NOT NULL'),
    ]),
    table('deployment', [
      id(),
      text('assignment_unique_id', 'NOT NULL UNIQUE'),
      text('name', 'NOT NULL UNIQUE'),
      text('description', "NOT NULL DEFAULT ''"),
      // 1 individual updates, 5 update group (SMS_UpdatesAssignment / SMS_UpdateGroupAssignment)
      int('assignment_type', 'NOT NULL'),
      int('group_id', 'REFERENCES software_update_group(id)'),
      int('collection_id', 'NOT NULL REFERENCES collection(id)'),
      int('adr_id', 'REFERENCES automatic_deployment_rule(id) ON DELETE SET NULL'),
      int('package_id', 'REFERENCES deployment_package(id) ON DELETE SET NULL'),
      // Required / Available; fixed once created.
      text('purpose', 'NOT NULL'),
      bool('is_enabled', 'NOT NULL DEFAULT 1'),
      bool('is_pre_download', 'NOT NULL DEFAULT 0'),
      bool('is_wake_on_lan', 'NOT NULL DEFAULT 0'),
      // StateMessageVerbosity 10 all, 5 success and error, 1 errors only
      int('verbosity', 'NOT NULL DEFAULT 10'),
      // LocalTime / Utc
      text('time_based_on', "NOT NULL DEFAULT 'LocalTime'"),
      time('available_at', 'NOT NULL'),
      time('deadline_at'),
      bool('is_soft_deadline', 'NOT NULL DEFAULT 0'),
      json('user_experience', 'NOT NULL'),
      json('alerts', 'NOT NULL'),
      json('download_settings', 'NOT NULL'),
      bool('contains_expired_updates', 'NOT NULL DEFAULT 0'),
      time('created_at', 'NOT NULL'),
      text('created_by', 'NOT NULL'),
      time('modified_at', 'NOT NULL'),
      text('modified_by', 'NOT NULL'),
    ]),
    index('deployment_collection', 'deployment', 'collection_id'),
    index('deployment_group', 'deployment', 'group_id'),
    table(
      'deployment_update',
      [
        int('deployment_id', 'NOT NULL REFERENCES deployment(id) ON DELETE CASCADE'),
        int('ci_id', 'NOT NULL REFERENCES software_update(ci_id)'),
      ],
      ['PRIMARY KEY (deployment_id, ci_id)'],
    ),
    index('deployment_update_update', 'deployment_update', 'ci_id'),
    // Latest TopicType 300/301/302 state per client for a deployment (Deployment Status view).
    table(
      'client_deployment_state',
      [
        int('deployment_id', 'NOT NULL REFERENCES deployment(id) ON DELETE CASCADE'),
        int('client_id', 'NOT NULL REFERENCES client(id) ON DELETE CASCADE'),
        int('topic_type', 'NOT NULL'),
        int('state_id', 'NOT NULL'),
        int('error_code', 'NOT NULL DEFAULT 0'),
        time('state_time', 'NOT NULL'),
      ],
      ['PRIMARY KEY (deployment_id, client_id)'],
    ),
    // Additional deployments of one rule (spec §8.4): same group and package, own collection
    // and settings.
    table('adr_deployment', [
      id(),
      int('adr_id', 'NOT NULL REFERENCES automatic_deployment_rule(id) ON DELETE CASCADE'),
      int('collection_id', 'NOT NULL REFERENCES collection(id)'),
      json('deployment_settings', 'NOT NULL'),
      time('created_at', 'NOT NULL'),
    ]),
    table('deployment_template', [
      id(),
      text('name', 'NOT NULL UNIQUE'),
      json('settings', 'NOT NULL'),
      time('created_at', 'NOT NULL'),
    ]),
  ],
};
