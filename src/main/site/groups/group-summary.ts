import { sql, type Kysely } from 'kysely';
import type { GroupIcon, SoftwareUpdateGroup } from '../../../shared/contract/update-groups';
import type { SiteSchema } from '../db/schema-types';

/**
 * Every group with the counts of §5.4, as one derived table: the list sorts and pages on the
 * counts like on any column, and `get` and the change results read the same numbers.
 */
export function groupSummaries(db: Kysely<SiteSchema>) {
  const members = db
    .selectFrom('software_update_group_member as m')
    .innerJoin('software_update as u', 'u.ci_id', 'm.ci_id')
    .select([
      'm.group_id',
      sql<number>`COUNT(*)`.as('updates'),
      sql<number>`SUM(u.is_expired)`.as('expired'),
      sql<number>`SUM(u.is_superseded)`.as('superseded'),
      sql<number>`SUM(u.is_invalid)`.as('invalid'),
      sql<number>`SUM(u.is_content_provisioned)`.as('provisioned'),
      // The red arrow of an update (§3.3): content to download that no package holds.
      sql<number>`SUM(CASE WHEN u.is_content_provisioned = 0 AND u.is_metadata_only = 0 THEN 1 ELSE 0 END)`.as(
        'content_missing',
      ),
    ])
    .groupBy('m.group_id');
  const deployments = db
    .selectFrom('deployment as d')
    .select([
      'd.group_id',
      sql<number>`COUNT(*)`.as('deployments'),
      sql<number>`COUNT(DISTINCT d.collection_id)`.as('collections'),
    ])
    .where('d.group_id', 'is not', null)
    .groupBy('d.group_id');
  return db
    .selectFrom('software_update_group as sg')
    .leftJoin(members.as('ms'), 'ms.group_id', 'sg.id')
    .leftJoin(deployments.as('ds'), 'ds.group_id', 'sg.id')
    .leftJoin('group_compliance_summary as cs', 'cs.group_id', 'sg.id')
    .select([
      'sg.id',
      'sg.ci_unique_id',
      'sg.name',
      'sg.description',
      'sg.created_at',
      'sg.modified_at',
      'sg.created_by',
      sql<number>`COALESCE(ms.updates, 0)`.as('number_of_updates'),
      sql<number>`COALESCE(ms.expired, 0)`.as('number_of_expired'),
      sql<number>`COALESCE(ms.superseded, 0)`.as('number_of_superseded'),
      sql<number>`COALESCE(ms.invalid, 0)`.as('number_of_invalid'),
      sql<number>`COALESCE(ms.provisioned, 0)`.as('number_of_provisioned'),
      sql<number>`COALESCE(ms.content_missing, 0)`.as('number_of_content_missing'),
      sql<number>`COALESCE(ds.deployments, 0)`.as('number_of_deployments'),
      sql<number>`COALESCE(ds.collections, 0)`.as('collections_deployed'),
      sql<number>`COALESCE(cs.num_compliant, 0)`.as('num_compliant'),
      sql<number>`COALESCE(cs.num_non_compliant, 0)`.as('num_non_compliant'),
      // Clients without a group state (never reported on every member) are Unknown.
      sql<number>`(SELECT COUNT(*) FROM client) - COALESCE(cs.num_compliant, 0) - COALESCE(cs.num_non_compliant, 0)`.as(
        'num_unknown',
      ),
    ]);
}

export interface GroupSummaryRow {
  id: number;
  ci_unique_id: string;
  name: string;
  description: string;
  created_at: string;
  modified_at: string;
  created_by: string;
  number_of_updates: number;
  number_of_expired: number;
  number_of_superseded: number;
  number_of_invalid: number;
  number_of_provisioned: number;
  number_of_content_missing: number;
  number_of_deployments: number;
  collections_deployed: number;
  num_compliant: number;
  num_non_compliant: number;
  num_unknown: number;
}

export function toGroup(row: GroupSummaryRow): SoftwareUpdateGroup {
  // SUM over an integer column is a string or bigint on some drivers; the contract wants numbers.
  const n = (value: number) => Number(value);
  const updates = n(row.number_of_updates);
  const containsExpired = n(row.number_of_expired) > 0;
  const containsSuperseded = n(row.number_of_superseded) > 0;
  const containsInvalid = n(row.number_of_invalid) > 0;
  const clients = n(row.num_compliant) + n(row.num_non_compliant) + n(row.num_unknown);
  // Precedence of §3.3 for groups: Invalid > Expired > Superseded > Normal.
  const icon: GroupIcon = containsInvalid
    ? 'invalid'
    : containsExpired
      ? 'expired'
      : containsSuperseded
        ? 'superseded'
        : 'normal';
  return {
    id: row.id,
    ciUniqueId: row.ci_unique_id,
    name: row.name,
    description: row.description,
    dateCreated: row.created_at,
    dateModified: row.modified_at,
    createdBy: row.created_by,
    isDeployed: n(row.number_of_deployments) > 0,
    isDownloaded: updates > 0 && n(row.number_of_provisioned) === updates,
    containsExpired,
    containsSuperseded,
    containsInvalid,
    numberOfUpdates: updates,
    numberOfExpired: n(row.number_of_expired),
    collectionsDeployed: n(row.collections_deployed),
    percentCompliant: clients > 0 ? Math.floor((n(row.num_compliant) * 100) / clients) : 0,
    icon,
    isContentMissing: n(row.number_of_content_missing) > 0,
  };
}
