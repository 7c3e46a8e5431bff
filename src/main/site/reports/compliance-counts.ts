import type { Kysely, RawBuilder } from 'kysely';
import type { ReportChart } from '../../../shared/contract/reports';
import type { SiteSchema } from '../db/schema-types';
import { membersOf, percentOf, query, sql } from './report-kit';

/**
 * The live counts the Compliance reports are made of, always within one collection: the
 * detection states (TopicType 500) its members sent, and the members themselves as the Total.
 * A member with no state (or state 0) for an update is Unknown for it (§4.1).
 */
export interface UpdateCountRow {
  ciId: number;
  articleId: string;
  title: string;
  vendor: string;
  required: number;
  installed: number;
  notRequired: number;
  unknown: number;
  total: number;
  percentCompliant: number;
}

export async function memberCount(db: Kysely<SiteSchema>, collectionId: number): Promise<number> {
  const [row] = await query(
    db,
    sql`SELECT COUNT(*) AS n FROM collection_member WHERE collection_id = ${collectionId}`,
    ['n'],
  );
  return Number(row?.n ?? 0);
}

/** Updates of a set: a group's members, or what `where` selects from software_update u. */
export type UpdateSet =
  { groupId: number } | { where: RawBuilder<unknown>; applicableOnly: boolean };

function setFilter(set: UpdateSet): RawBuilder<unknown> {
  return 'groupId' in set
    ? sql`u.ci_id IN (SELECT ci_id FROM software_update_group_member WHERE group_id = ${set.groupId})`
    : set.where;
}

/** Per update of the set: Required, Installed, Not Required, Unknown among the members. */
export async function updateCounts(
  db: Kysely<SiteSchema>,
  collectionId: number,
  set: UpdateSet,
): Promise<UpdateCountRow[]> {
  const total = await memberCount(db, collectionId);
  const applicable = 'applicableOnly' in set && set.applicableOnly;
  const rows = await query(
    db,
    sql`SELECT u.ci_id, u.article_id, u.title, u.vendor,
        SUM(CASE WHEN s.state = 2 THEN 1 ELSE 0 END) AS required,
        SUM(CASE WHEN s.state = 3 THEN 1 ELSE 0 END) AS installed,
        SUM(CASE WHEN s.state = 1 THEN 1 ELSE 0 END) AS not_required
      FROM software_update u
      LEFT JOIN client_update_state s
        ON s.ci_id = u.ci_id AND s.client_id IN (${membersOf(collectionId)})
      WHERE ${setFilter(set)}
      GROUP BY u.ci_id, u.article_id, u.title, u.vendor
      ${applicable ? sql`HAVING SUM(CASE WHEN s.state IN (2, 3) THEN 1 ELSE 0 END) > 0` : sql``}`,
    ['ci_id', 'required', 'installed', 'not_required'],
  );
  return rows
    .map((row) => {
      const required = Number(row.required ?? 0);
      const installed = Number(row.installed ?? 0);
      const notRequired = Number(row.not_required ?? 0);
      return {
        ciId: Number(row.ci_id),
        articleId: String(row.article_id ?? ''),
        title: String(row.title ?? ''),
        vendor: String(row.vendor ?? ''),
        required,
        installed,
        notRequired,
        unknown: total - required - installed - notRequired,
        total,
        percentCompliant: percentOf(installed + notRequired, total),
      };
    })
    .sort(
      (a, b) =>
        b.required - a.required || a.articleId.localeCompare(b.articleId) || a.ciId - b.ciId,
    );
}

export interface ClientComplianceRow {
  clientId: number;
  name: string;
  domain: string;
  osName: string;
  lastScanAt: string | null;
  isActive: boolean;
  state: 'Compliant' | 'Non-compliant' | 'Unknown';
}

/**
 * Each member's compliance with a set of updates. For a group (§4.1): Non-compliant when any
 * member update is Required, Compliant when every one is Installed or Not Required, else
 * Unknown. For the whole catalog a client never reports every update, so there: Non-compliant
 * when any is Required, Compliant when it reported states and none is Required, Unknown when it
 * reported none.
 */
export async function clientCompliance(
  db: Kysely<SiteSchema>,
  collectionId: number,
  groupId: number | null,
): Promise<ClientComplianceRow[]> {
  const set =
    groupId === null
      ? sql`SELECT ci_id FROM software_update WHERE is_expired = 0`
      : sql`SELECT ci_id FROM software_update_group_member WHERE group_id = ${groupId}`;
  const size =
    groupId === null
      ? null
      : Number(
          (
            await query(
              db,
              sql`SELECT COUNT(*) AS n FROM software_update_group_member WHERE group_id = ${groupId}`,
              ['n'],
            )
          )[0]?.n ?? 0,
        );
  const rows = await query(
    db,
    sql`SELECT c.id, c.name, c.domain, c.os_name, c.last_scan_at, c.is_active,
        SUM(CASE WHEN s.state = 2 THEN 1 ELSE 0 END) AS required,
        SUM(CASE WHEN s.state IN (1, 3) THEN 1 ELSE 0 END) AS known
      FROM collection_member m
      JOIN client c ON c.id = m.client_id
      LEFT JOIN client_update_state s ON s.client_id = c.id AND s.ci_id IN (${set})
      WHERE m.collection_id = ${collectionId}
      GROUP BY c.id, c.name, c.domain, c.os_name, c.last_scan_at, c.is_active
      ORDER BY c.name, c.id`,
    ['id', 'required', 'known', 'is_active'],
  );
  return rows.map((row) => {
    const required = Number(row.required ?? 0);
    const known = Number(row.known ?? 0);
    const state =
      required > 0
        ? 'Non-compliant'
        : (size === null ? known > 0 : known === size)
          ? 'Compliant'
          : 'Unknown';
    return {
      clientId: Number(row.id),
      name: String(row.name),
      domain: String(row.domain ?? ''),
      osName: String(row.os_name ?? ''),
      lastScanAt: row.last_scan_at === null ? null : String(row.last_scan_at),
      isActive: Number(row.is_active) === 1,
      state,
    };
  });
}

/** The three charts of Compliance 1 and 9 (spec §11.1). */
export function complianceCharts(
  clients: ClientComplianceRow[],
  updates: UpdateCountRow[],
  healthy: number,
): ReportChart[] {
  const count = (state: ClientComplianceRow['state']) =>
    clients.filter((each) => each.state === state).length;
  return [
    {
      kind: 'pie',
      title: 'Compliance Overview',
      points: [
        { label: 'Compliant', value: count('Compliant') },
        { label: 'Non-compliant', value: count('Non-compliant') },
        { label: 'Unknown', value: count('Unknown') },
      ],
    },
    {
      kind: 'bar',
      title: 'Healthy Clients vs Total Clients',
      points: [
        { label: 'Healthy clients', value: healthy },
        { label: 'Total clients', value: clients.length },
      ],
    },
    {
      kind: 'bar',
      title: 'Top 5 Non-Compliant by Article ID',
      points: updates
        .filter((each) => each.required > 0)
        .slice(0, 5)
        .map((each) => ({
          label: each.articleId ? `KB${each.articleId}` : each.title,
          value: each.required,
        })),
    },
  ];
}

/**
 * Healthy clients: active, and their last scan completed (scan state 3) — the client is talking
 * to the site and its compliance is current.
 */
export async function healthyCount(db: Kysely<SiteSchema>, collectionId: number): Promise<number> {
  const [row] = await query(
    db,
    sql`SELECT COUNT(*) AS n FROM collection_member m JOIN client c ON c.id = m.client_id
      WHERE m.collection_id = ${collectionId} AND c.is_active = 1 AND c.last_scan_state = 3`,
    ['n'],
  );
  return Number(row?.n ?? 0);
}
