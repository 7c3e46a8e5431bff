import { addColumn, index, int, statement } from '../ddl';
import type { Migration } from './migration';

/**
 * All Software Updates sorts and pages 200,000 rows on the site (performance.md P7): keyset
 * paging needs an index per sort column ending in the row id. Percent Compliant is stored with
 * the counts it is computed from, so it sorts like them.
 */
export const migration: Migration = {
  id: '0007-update-list-indexes',
  statements: [
    addColumn('update_compliance_summary', int('percent_compliant', 'NOT NULL DEFAULT 0')),
    // The list joins every update to its compliance row; updates synchronized before get theirs.
    statement(
      'INSERT INTO update_compliance_summary (ci_id) SELECT ci_id FROM software_update WHERE ci_id NOT IN (SELECT ci_id FROM update_compliance_summary)',
    ),
    index('software_update_revised', 'software_update', 'date_revised, ci_id'),
    index('software_update_severity', 'software_update', 'severity, ci_id'),
    index('update_compliance_required', 'update_compliance_summary', 'num_required, ci_id'),
    index('update_compliance_percent', 'update_compliance_summary', 'percent_compliant, ci_id'),
  ],
};
