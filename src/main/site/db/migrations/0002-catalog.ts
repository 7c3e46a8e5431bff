import { bigint, bool, id, index, int, json, real, table, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * The software update catalog (spec §3.2, §3.7): classifications, products, languages, updates
 * with their CVEs, supersedence both ways and content files, and the synchronization history.
 * Compliance counters live apart from the catalog rows (0004) because they change with every
 * state message batch while the catalog changes once a sync.
 */
export const migration: Migration = {
  id: '0002-catalog',
  statements: [
    table('update_classification', [
      text('id', 'PRIMARY KEY'),
      text('name', 'NOT NULL UNIQUE'),
      bool('is_synchronized', 'NOT NULL DEFAULT 1'),
    ]),
    // Vendor > product family > product, as on the Products tab.
    table('product', [
      text('id', 'PRIMARY KEY'),
      text('vendor', 'NOT NULL'),
      text('family', 'NOT NULL'),
      text('name', 'NOT NULL'),
      bool('is_synchronized', 'NOT NULL DEFAULT 0'),
      time('first_seen_at', 'NOT NULL'),
    ]),
    index('product_tree', 'product', 'vendor, family, name', true),
    table('language', [
      text('code', 'PRIMARY KEY'),
      text('name', 'NOT NULL'),
      bool('is_update_file_enabled', 'NOT NULL DEFAULT 0'),
      bool('is_summary_details_enabled', 'NOT NULL DEFAULT 0'),
    ]),
    table('software_update', [
      id('ci_id'),
      text('update_id', 'NOT NULL UNIQUE'),
      int('revision', 'NOT NULL DEFAULT 1'),
      text('article_id', "NOT NULL DEFAULT ''"),
      text('bulletin_id', "NOT NULL DEFAULT ''"),
      text('title', 'NOT NULL'),
      text('description', "NOT NULL DEFAULT ''"),
      text('classification_id', 'NOT NULL REFERENCES update_classification(id)'),
      text('vendor', "NOT NULL DEFAULT 'Microsoft'"),
      // Severity as ConfigMgr stores it: 10 Critical, 8 Important, 6 Moderate, 2 Low, 0 none.
      int('severity', 'NOT NULL DEFAULT 0'),
      int('custom_severity', 'NOT NULL DEFAULT 0'),
      time('date_released', 'NOT NULL'),
      time('date_revised', 'NOT NULL'),
      time('date_created', 'NOT NULL'),
      time('date_last_modified', 'NOT NULL'),
      bigint('size', 'NOT NULL DEFAULT 0'),
      text('architecture', "NOT NULL DEFAULT ''"),
      text('restart_behavior', "NOT NULL DEFAULT ''"),
      text('information_url', "NOT NULL DEFAULT ''"),
      int('max_execution_minutes', 'NOT NULL DEFAULT 60'),
      bool('is_expired', 'NOT NULL DEFAULT 0'),
      bool('is_superseded', 'NOT NULL DEFAULT 0'),
      bool('is_metadata_only', 'NOT NULL DEFAULT 0'),
      bool('is_bundle', 'NOT NULL DEFAULT 0'),
      bool('is_user_defined', 'NOT NULL DEFAULT 0'),
      bool('has_license_terms', 'NOT NULL DEFAULT 0'),
      text('license_terms'),
      // Kept in step by content and deployment changes so the list can sort and filter on them.
      bool('is_content_provisioned', 'NOT NULL DEFAULT 0'),
      bool('is_deployed', 'NOT NULL DEFAULT 0'),
      bool('is_invalid', 'NOT NULL DEFAULT 0'),
      time('superseded_since'),
      time('expired_at'),
      text('source', "NOT NULL DEFAULT 'catalog-bundle'"),
      int('catalog_version', 'NOT NULL DEFAULT 0'),
      // Hash of the synchronized metadata: a resync skips every update whose hash is unchanged.
      text('record_hash', "NOT NULL DEFAULT ''"),
    ]),
    index('software_update_article', 'software_update', 'article_id'),
    index('software_update_released', 'software_update', 'date_released, ci_id'),
    index('software_update_title', 'software_update', 'title, ci_id'),
    index('software_update_classification', 'software_update', 'classification_id, ci_id'),
    table(
      'software_update_product',
      [
        int('ci_id', 'NOT NULL REFERENCES software_update(ci_id) ON DELETE CASCADE'),
        text('product_id', 'NOT NULL REFERENCES product(id)'),
      ],
      ['PRIMARY KEY (ci_id, product_id)'],
    ),
    index('software_update_product_by_product', 'software_update_product', 'product_id, ci_id'),
    table(
      'software_update_language',
      [
        int('ci_id', 'NOT NULL REFERENCES software_update(ci_id) ON DELETE CASCADE'),
        text('language_code', 'NOT NULL'),
      ],
      ['PRIMARY KEY (ci_id, language_code)'],
    ),
    table('cve', [
      text('id', 'PRIMARY KEY'),
      text('title', "NOT NULL DEFAULT ''"),
      text('severity', "NOT NULL DEFAULT ''"),
      text('impact', "NOT NULL DEFAULT ''"),
      real('cvss_base'),
      text('cvss_vector', "NOT NULL DEFAULT ''"),
      bool('is_exploited', 'NOT NULL DEFAULT 0'),
      bool('is_publicly_disclosed', 'NOT NULL DEFAULT 0'),
      time('published_at'),
      time('revised_at'),
    ]),
    table(
      'software_update_cve',
      [
        int('ci_id', 'NOT NULL REFERENCES software_update(ci_id) ON DELETE CASCADE'),
        text('cve_id', 'NOT NULL REFERENCES cve(id)'),
      ],
      ['PRIMARY KEY (ci_id, cve_id)'],
    ),
    index('software_update_cve_by_cve', 'software_update_cve', 'cve_id, ci_id'),
    // Supersedence both ways; the superseded side may be an update this site never synchronized,
    // so it is kept by GUID or by KB article rather than by foreign key.
    table('update_supersedence', [
      id(),
      int('superseding_ci_id', 'NOT NULL REFERENCES software_update(ci_id) ON DELETE CASCADE'),
      text('superseded_update_id'),
      text('superseded_article_id'),
      text('superseded_title', "NOT NULL DEFAULT ''"),
    ]),
    index('update_supersedence_superseding', 'update_supersedence', 'superseding_ci_id'),
    index('update_supersedence_superseded', 'update_supersedence', 'superseded_update_id'),
    index('update_supersedence_superseded_article', 'update_supersedence', 'superseded_article_id'),
    table('content_file', [
      id(),
      int('ci_id', 'NOT NULL REFERENCES software_update(ci_id) ON DELETE CASCADE'),
      text('file_name', 'NOT NULL'),
      text('url', "NOT NULL DEFAULT ''"),
      bigint('size', 'NOT NULL DEFAULT 0'),
      text('sha1', "NOT NULL DEFAULT ''"),
      text('sha256', "NOT NULL DEFAULT ''"),
      text('language_code', "NOT NULL DEFAULT ''"),
    ]),
    index('content_file_update', 'content_file', 'ci_id'),
    index('content_file_sha1', 'content_file', 'sha1'),
    // Monitoring > Software Update Point Synchronization Status (spec §9.1), one row per sync.
    table('sync_history', [
      id(),
      text('site_code', 'NOT NULL'),
      text('software_update_point', 'NOT NULL'),
      text('sync_source', 'NOT NULL'),
      text('sync_type', 'NOT NULL'),
      int('job_id'),
      time('started_at', 'NOT NULL'),
      time('finished_at'),
      int('last_state_message_id', 'NOT NULL'),
      time('last_state_time', 'NOT NULL'),
      int('error_code', 'NOT NULL DEFAULT 0'),
      text('error_text', "NOT NULL DEFAULT ''"),
      int('catalog_version', 'NOT NULL DEFAULT 0'),
      int('updates_added', 'NOT NULL DEFAULT 0'),
      int('updates_changed', 'NOT NULL DEFAULT 0'),
      int('updates_expired', 'NOT NULL DEFAULT 0'),
    ]),
    table(
      'saved_search',
      [
        id(),
        text('node', 'NOT NULL'),
        text('name', 'NOT NULL'),
        json('criteria', 'NOT NULL'),
        text('created_by', 'NOT NULL'),
        time('created_at', 'NOT NULL'),
      ],
      ['UNIQUE (node, name)'],
    ),
  ],
};
