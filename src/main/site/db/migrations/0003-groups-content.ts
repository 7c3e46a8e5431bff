import { bigint, bool, id, index, int, table, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * Software update groups (spec §5), deployment packages with their content and content versions
 * (§6), distribution points with a single-instance content library, and per-DP status.
 */
export const migration: Migration = {
  id: '0003-groups-content',
  statements: [
    table('software_update_group', [
      id(),
      text('ci_unique_id', 'NOT NULL UNIQUE'),
      text('name', 'NOT NULL UNIQUE'),
      text('description', "NOT NULL DEFAULT ''"),
      text('folder', "NOT NULL DEFAULT ''"),
      int('adr_id'),
      time('created_at', 'NOT NULL'),
      text('created_by', 'NOT NULL'),
      time('modified_at', 'NOT NULL'),
      text('modified_by', 'NOT NULL'),
    ]),
    table(
      'software_update_group_member',
      [
        int('group_id', 'NOT NULL REFERENCES software_update_group(id) ON DELETE CASCADE'),
        int('ci_id', 'NOT NULL REFERENCES software_update(ci_id)'),
        time('added_at', 'NOT NULL'),
      ],
      ['PRIMARY KEY (group_id, ci_id)'],
    ),
    index('software_update_group_member_update', 'software_update_group_member', 'ci_id'),
    table('distribution_point', [
      id(),
      text('name', 'NOT NULL UNIQUE'),
      // 'library' = a content library folder on this machine; 'remote' = another `patchbay serve`.
      text('kind', 'NOT NULL'),
      text('library_path'),
      text('url'),
      bool('is_site_library', 'NOT NULL DEFAULT 0'),
      text('description', "NOT NULL DEFAULT ''"),
      time('created_at', 'NOT NULL'),
    ]),
    table('distribution_point_group', [
      id(),
      text('name', 'NOT NULL UNIQUE'),
      text('description', "NOT NULL DEFAULT ''"),
      time('created_at', 'NOT NULL'),
    ]),
    table(
      'distribution_point_group_member',
      [
        int('group_id', 'NOT NULL REFERENCES distribution_point_group(id) ON DELETE CASCADE'),
        int(
          'distribution_point_id',
          'NOT NULL REFERENCES distribution_point(id) ON DELETE CASCADE',
        ),
      ],
      ['PRIMARY KEY (group_id, distribution_point_id)'],
    ),
    // Single-instance store: one row per file hash held by a distribution point.
    table(
      'content_library_item',
      [
        int(
          'distribution_point_id',
          'NOT NULL REFERENCES distribution_point(id) ON DELETE CASCADE',
        ),
        text('sha256', 'NOT NULL'),
        text('sha1', "NOT NULL DEFAULT ''"),
        bigint('size', 'NOT NULL'),
        time('stored_at', 'NOT NULL'),
      ],
      ['PRIMARY KEY (distribution_point_id, sha256)'],
    ),
    table('deployment_package', [
      id(),
      text('package_id', 'NOT NULL UNIQUE'),
      text('name', 'NOT NULL UNIQUE'),
      text('description', "NOT NULL DEFAULT ''"),
      text('source_path', 'NOT NULL UNIQUE'),
      text('priority', "NOT NULL DEFAULT 'Medium'"),
      bool('is_binary_differential_replication', 'NOT NULL DEFAULT 0'),
      bool('is_on_demand_distribution', 'NOT NULL DEFAULT 0'),
      text('prestage_behavior', "NOT NULL DEFAULT 'ManualCopy'"),
      // 1 at creation, 2 after the first download, +1 on every later content change (spec §6.1).
      int('content_version', 'NOT NULL DEFAULT 1'),
      time('source_date', 'NOT NULL'),
      text('folder', "NOT NULL DEFAULT ''"),
      time('created_at', 'NOT NULL'),
      text('created_by', 'NOT NULL'),
      time('modified_at', 'NOT NULL'),
    ]),
    table(
      'deployment_package_content',
      [
        int('package_id', 'NOT NULL REFERENCES deployment_package(id) ON DELETE CASCADE'),
        int('content_file_id', 'NOT NULL REFERENCES content_file(id)'),
        int('ci_id', 'NOT NULL REFERENCES software_update(ci_id)'),
        text('relative_path', 'NOT NULL'),
        text('sha256', 'NOT NULL'),
        bigint('size', 'NOT NULL'),
        int('content_version', 'NOT NULL'),
        time('added_at', 'NOT NULL'),
      ],
      ['PRIMARY KEY (package_id, content_file_id)'],
    ),
    index('deployment_package_content_update', 'deployment_package_content', 'ci_id'),
    table(
      'package_distribution',
      [
        int('package_id', 'NOT NULL REFERENCES deployment_package(id) ON DELETE CASCADE'),
        int(
          'distribution_point_id',
          'NOT NULL REFERENCES distribution_point(id) ON DELETE CASCADE',
        ),
        // Success / InProgress / Failed, as Content Status shows them.
        text('state', 'NOT NULL'),
        text('state_message', "NOT NULL DEFAULT ''"),
        int('content_version', 'NOT NULL DEFAULT 0'),
        time('modified_at', 'NOT NULL'),
      ],
      ['PRIMARY KEY (package_id, distribution_point_id)'],
    ),
  ],
};
