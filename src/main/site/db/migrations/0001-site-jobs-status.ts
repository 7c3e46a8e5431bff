import { bool, id, index, int, json, real, table, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * The site itself, its Software Update Point component settings, durable jobs, status messages
 * and the administrators' audit log.
 */
export const migration: Migration = {
  id: '0001-site-jobs-status',
  statements: [
    table('site', [
      text('code', 'PRIMARY KEY'),
      text('name', 'NOT NULL'),
      text('parent_code'),
      bool('is_local', 'NOT NULL DEFAULT 0'),
      text('version', 'NOT NULL'),
      text('server_name', 'NOT NULL'),
      time('created_at', 'NOT NULL'),
    ]),
    // Software Update Point Component Properties (spec §2.3): one row, hierarchy-wide.
    table('sup_component_settings', [
      text('site_code', 'PRIMARY KEY REFERENCES site(code)'),
      text('sync_source', "NOT NULL DEFAULT 'catalog-bundle'"),
      text('sync_source_location'),
      text('reporting_events', "NOT NULL DEFAULT 'DoNotCreateWsusReportingEvents'"),
      text('update_files', "NOT NULL DEFAULT 'FullFilesOnly'"),
      bool('include_surface_drivers', 'NOT NULL DEFAULT 0'),
      bool('is_schedule_enabled', 'NOT NULL DEFAULT 1'),
      json('sync_schedule', 'NOT NULL'),
      bool('is_sync_failure_alert_enabled', 'NOT NULL DEFAULT 0'),
      text('non_feature_supersedence', "NOT NULL DEFAULT 'after-months'"),
      int('non_feature_supersedence_months', 'NOT NULL DEFAULT 3'),
      text('feature_supersedence', "NOT NULL DEFAULT 'after-months'"),
      int('feature_supersedence_months', 'NOT NULL DEFAULT 3'),
      bool('is_decline_expired_enabled', 'NOT NULL DEFAULT 0'),
      bool('is_add_indexes_enabled', 'NOT NULL DEFAULT 0'),
      bool('is_remove_obsolete_enabled', 'NOT NULL DEFAULT 0'),
      int('feature_update_max_runtime_minutes', 'NOT NULL DEFAULT 120'),
      int('non_feature_update_max_runtime_minutes', 'NOT NULL DEFAULT 60'),
      int('other_update_max_runtime_minutes', 'NOT NULL DEFAULT 60'),
      time('modified_at', 'NOT NULL'),
    ]),
    // Console-wide settings without a table of their own (summarization schedule, for example).
    table('site_setting', [
      text('key', 'PRIMARY KEY'),
      json('value', 'NOT NULL'),
      time('modified_at', 'NOT NULL'),
    ]),
    table('job', [
      id(),
      text('kind', 'NOT NULL'),
      text('title', 'NOT NULL'),
      json('params', 'NOT NULL'),
      text('state', "NOT NULL DEFAULT 'queued'"),
      real('progress', 'NOT NULL DEFAULT 0'),
      text('progress_text', "NOT NULL DEFAULT ''"),
      int('attempts', 'NOT NULL DEFAULT 0'),
      int('max_attempts', 'NOT NULL DEFAULT 3'),
      bool('is_cancel_requested', 'NOT NULL DEFAULT 0'),
      bool('is_resumable', 'NOT NULL DEFAULT 0'),
      json('checkpoint'),
      text('lease_owner'),
      time('lease_expires_at'),
      time('run_after', 'NOT NULL'),
      time('created_at', 'NOT NULL'),
      text('created_by', 'NOT NULL'),
      time('started_at'),
      time('finished_at'),
      text('error'),
      json('result'),
    ]),
    index('job_claim', 'job', 'state, run_after, id'),
    table(
      'job_log',
      [
        int('job_id', 'NOT NULL REFERENCES job(id) ON DELETE CASCADE'),
        int('seq', 'NOT NULL'),
        time('time', 'NOT NULL'),
        text('severity', 'NOT NULL'),
        text('text', 'NOT NULL'),
      ],
      ['PRIMARY KEY (job_id, seq)'],
    ),
    table('status_message', [
      id(),
      text('site_code', 'NOT NULL'),
      text('component', 'NOT NULL'),
      int('message_id', 'NOT NULL'),
      text('severity', 'NOT NULL'),
      text('message', 'NOT NULL'),
      text('machine', 'NOT NULL'),
      time('time', 'NOT NULL'),
      int('job_id'),
      json('insertion_strings', "NOT NULL DEFAULT '[]'"),
    ]),
    index('status_message_time', 'status_message', 'time, id'),
    index('status_message_component', 'status_message', 'component, time'),
    // Who changed what, as ConfigMgr's audit status messages (30197 and friends) record it.
    table('audit_log', [
      id(),
      time('time', 'NOT NULL'),
      text('user_name', 'NOT NULL'),
      int('message_id'),
      text('action', 'NOT NULL'),
      text('object_type', 'NOT NULL'),
      text('object_id', 'NOT NULL'),
      text('object_name', 'NOT NULL'),
      json('details', "NOT NULL DEFAULT '{}'"),
    ]),
    index('audit_log_object', 'audit_log', 'object_type, object_id'),
    // Site-scoped identifiers such as package ids (PS100001) and collection ids (PS100002).
    table('site_sequence', [text('name', 'PRIMARY KEY'), int('next_value', 'NOT NULL')]),
  ],
};
