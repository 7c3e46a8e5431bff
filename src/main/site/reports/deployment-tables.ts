import type { Kysely, RawBuilder } from 'kysely';
import type { BuiltTable as ReportTable } from './report-kit';
import { categoryCounts, readDeploymentBreakdown } from '../deployments/deployment-counters';
import type { SiteSchema } from '../db/schema-types';
import { columns, percentOf, query, sql } from './report-kit';

/**
 * The deployments table of the Management reports: each deployment that `where` selects from
 * deployment d, with the live counters of Monitoring > Deployments (the same breakdown View
 * Status reads). A row opens States 1 for that deployment.
 */
export async function deploymentsTable(
  db: Kysely<SiteSchema>,
  name: string,
  where: RawBuilder<unknown>,
): Promise<ReportTable> {
  const rows = await query(
    db,
    sql`SELECT d.id, d.name, d.purpose, d.is_enabled, d.available_at, d.deadline_at,
        c.name AS collection, g.name AS group_name,
        (SELECT COUNT(*) FROM deployment_update du WHERE du.deployment_id = d.id) AS updates
      FROM deployment d
      JOIN collection c ON c.id = d.collection_id
      LEFT JOIN software_update_group g ON g.id = d.group_id
      WHERE ${where}
      ORDER BY d.name, d.id`,
    ['id', 'is_enabled', 'updates'],
  );
  const breakdowns = await readDeploymentBreakdown(
    db,
    rows.map((row) => Number(row.id)),
  );
  return {
    name,
    columns: columns(
      ['name', 'Deployment'],
      ['collection', 'Collection'],
      ['group', 'Software update group'],
      ['purpose', 'Purpose'],
      ['enabled', 'Enabled'],
      ['availableAt', 'Available', 'date'],
      ['deadlineAt', 'Deadline', 'date'],
      ['updates', 'Updates', 'number'],
      ['targeted', 'Targeted', 'number'],
      ['compliant', 'Compliant', 'number'],
      ['inProgress', 'In progress', 'number'],
      ['error', 'Error', 'number'],
      ['requirementsNotMet', 'Requirements not met', 'number'],
      ['unknown', 'Unknown', 'number'],
      ['percentCompliant', '% Compliant', 'percent'],
    ),
    rows: rows.map((row) => {
      const breakdown = breakdowns.get(Number(row.id)) ?? { targeted: 0, states: [] };
      const counts = categoryCounts(breakdown);
      return {
        deploymentId: row.id,
        name: row.name,
        collection: row.collection,
        group: row.group_name ?? '',
        purpose: row.purpose,
        enabled: Number(row.is_enabled) === 1 ? 'Yes' : 'No',
        availableAt: row.available_at,
        deadlineAt: row.deadline_at,
        updates: row.updates,
        targeted: breakdown.targeted,
        compliant: counts.Compliant,
        inProgress: counts.InProgress,
        error: counts.Error,
        requirementsNotMet: counts.RequirementsNotMet,
        unknown: counts.Unknown,
        percentCompliant: percentOf(counts.Compliant, breakdown.targeted),
      };
    }),
    hiddenKeys: ['deploymentId'],
    drillThrough: {
      report: 'States 1 - Enforcement states for a deployment',
      parameterFromColumn: { deployment: 'deploymentId' },
    },
  };
}

/** The deployment's target collection. */
export async function collectionOfDeployment(
  db: Kysely<SiteSchema>,
  deploymentId: number,
): Promise<number> {
  const [row] = await query(
    db,
    sql`SELECT collection_id FROM deployment WHERE id = ${deploymentId}`,
    ['collection_id'],
  );
  return Number(row?.collection_id ?? 0);
}
