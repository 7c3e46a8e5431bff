import type { Kysely } from 'kysely';
import { detectionStates, scanStates } from '../../../shared/contract/compliance';
import type { ReportParameterKind, ReportParameterValue } from '../../../shared/contract/reports';
import { updateErrorCodes } from '../../../shared/deployments/error-codes';
import {
  deploymentStateTexts,
  subStateKey,
  subStateLabel,
  type DeploymentTopicType,
} from '../../../shared/deployments/status-categories';
import { SiteError } from '../../../shared/errors';
import { hexErrorCode } from '../compliance/unknown-reasons';
import type { SiteSchema } from '../db/schema-types';
import { query, sql } from './report-kit';

/** A picker lists at most this many values; `search` narrows the long ones. */
const pickerLimit = 500;

export const complianceStates = ['Compliant', 'Non-compliant', 'Unknown'] as const;
export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Every deployment sub-state a client can hold (`300-1` … `302-3`) and `none`. */
export function deploymentStateValues(): ReportParameterValue[] {
  const values: ReportParameterValue[] = [];
  for (const topic of [300, 301, 302] as DeploymentTopicType[])
    deploymentStateTexts[topic].forEach((_text, stateId) =>
      values.push({ value: subStateKey(topic, stateId), label: subStateLabel(topic, stateId) }),
    );
  values.push({ value: 'none', label: subStateLabel(null, null) });
  return values;
}

const fixed = (values: readonly string[]): ReportParameterValue[] =>
  values.map((value) => ({ value, label: value }));

const like = (search: string | undefined) => `%${(search ?? '').toLowerCase()}%`;

/**
 * The values a picker lists, read from what exists: collections, updates, groups, vendors and
 * years of the catalog, computers, deployments, sites, error codes the clients reported.
 */
export async function parameterValues(
  db: Kysely<SiteSchema>,
  kind: ReportParameterKind,
  search?: string,
): Promise<{ values: ReportParameterValue[]; truncated: boolean }> {
  const values = await listValues(db, kind, search);
  const narrowed =
    search && !['collection', 'update', 'computer', 'deployment', 'group'].includes(kind)
      ? values.filter((each) => each.label.toLowerCase().includes(search.toLowerCase()))
      : values;
  return { values: narrowed.slice(0, pickerLimit), truncated: narrowed.length > pickerLimit };
}

async function listValues(
  db: Kysely<SiteSchema>,
  kind: ReportParameterKind,
  search: string | undefined,
): Promise<ReportParameterValue[]> {
  const limit = pickerLimit + 1;
  const rows = (statement: Parameters<typeof query>[1]) =>
    query(db, statement).then((found) =>
      found.map((row) => ({ value: String(row.value), label: String(row.label) })),
    );
  switch (kind) {
    case 'collection':
      return rows(sql`SELECT id AS value, name AS label FROM collection
        WHERE LOWER(name) LIKE ${like(search)} ORDER BY name, id LIMIT ${limit}`);
    case 'group':
      return rows(sql`SELECT id AS value, name AS label FROM software_update_group
        WHERE LOWER(name) LIKE ${like(search)} ORDER BY name, id LIMIT ${limit}`);
    case 'update':
      return rows(sql`SELECT ci_id AS value,
          CASE WHEN article_id = '' THEN title ELSE 'KB' || article_id || ' ' || title END AS label
        FROM software_update
        WHERE LOWER(title) LIKE ${like(search)} OR article_id LIKE ${like(search)}
        ORDER BY date_released DESC, ci_id LIMIT ${limit}`);
    case 'computer':
      return rows(sql`SELECT id AS value, name AS label FROM client
        WHERE LOWER(name) LIKE ${like(search)} ORDER BY name, id LIMIT ${limit}`);
    case 'deployment':
      return rows(sql`SELECT id AS value, name AS label FROM deployment
        WHERE LOWER(name) LIKE ${like(search)} ORDER BY name, id LIMIT ${limit}`);
    case 'vendor':
      return rows(sql`SELECT DISTINCT vendor AS value, vendor AS label FROM software_update
        WHERE vendor <> '' ORDER BY vendor`);
    case 'year':
      return rows(sql`SELECT DISTINCT SUBSTR(date_released, 1, 4) AS value,
          SUBSTR(date_released, 1, 4) AS label
        FROM software_update ORDER BY value DESC`);
    case 'month':
      return monthNames.map((name, index) => ({ value: String(index + 1), label: name }));
    case 'site':
      return rows(
        sql`SELECT code AS value, code || ' - ' || name AS label FROM site ORDER BY code`,
      );
    case 'complianceState':
      return fixed(complianceStates);
    case 'detectionState':
      return fixed(detectionStates);
    case 'scanState':
      return fixed(scanStates);
    case 'deploymentState':
      return deploymentStateValues();
    case 'errorCode': {
      // The codes clients actually reported (scans and deployments), each with its meaning.
      const found = await query(
        db,
        sql`SELECT last_scan_error_code AS code FROM client WHERE last_scan_error_code <> 0
          UNION SELECT error_code AS code FROM client_deployment_state WHERE error_code <> 0`,
        ['code'],
      );
      return found
        .map((row) => hexErrorCode(Number(row.code)))
        .sort()
        .map((hex) => ({ value: hex, label: errorCodeLabel(hex) }));
    }
  }
}

export function errorCodeLabel(hex: string): string {
  const known = updateErrorCodes.find((each) => each.hex.toUpperCase() === hex.toUpperCase());
  return known ? `${hex} ${known.name ? `${known.name}: ` : ''}${known.meaning}` : hex;
}

/** Parses `0x80240022` (or a signed decimal) into the signed 32-bit value the site stores. */
export function errorCodeValue(text: string): number | null {
  const trimmed = text.trim();
  if (/^0x[0-9a-f]{1,8}$/i.test(trimmed)) return Number.parseInt(trimmed.slice(2), 16) | 0;
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed) | 0;
  return null;
}

const tablesByKind = {
  collection: 'collection',
  group: 'software_update_group',
  computer: 'client',
  deployment: 'deployment',
} as const;

/**
 * A value as the report reads it: collections, groups, computers and deployments may be given
 * by their name on the command line ("All Systems"); the run uses their id. A name two objects
 * share is refused, naming the ids to choose from.
 */
export async function canonicalValue(
  db: Kysely<SiteSchema>,
  kind: ReportParameterKind,
  value: string,
): Promise<string> {
  if (/^\d+$/.test(value) || !(kind in tablesByKind)) return value;
  const table = tablesByKind[kind as keyof typeof tablesByKind];
  const found = await query(
    db,
    sql`SELECT id FROM ${sql.table(table)} WHERE name = ${value} ORDER BY id`,
    ['id'],
  );
  if (found.length > 1)
    throw new SiteError(
      'invalid-input',
      `"${value}" names ${found.length} objects (ids ${found.map((row) => row.id).join(', ')}); give the id.`,
    );
  return found.length === 1 ? String(found[0]!.id) : value;
}

/**
 * The text a parameter value stands for, or null when it names nothing that exists (the run
 * refuses it, listing the valid values).
 */
export async function displayOf(
  db: Kysely<SiteSchema>,
  kind: ReportParameterKind,
  value: string,
): Promise<string | null> {
  const id = /^\d+$/.test(value) ? Number(value) : null;
  const one = async (statement: Parameters<typeof query>[1]) =>
    (await query(db, statement))[0]?.label?.toString() ?? null;
  switch (kind) {
    case 'collection':
      return id === null ? null : one(sql`SELECT name AS label FROM collection WHERE id = ${id}`);
    case 'group':
      return id === null
        ? null
        : one(sql`SELECT name AS label FROM software_update_group WHERE id = ${id}`);
    case 'update':
      return id === null
        ? null
        : one(sql`SELECT CASE WHEN article_id = '' THEN title
            ELSE 'KB' || article_id || ' ' || title END AS label
          FROM software_update WHERE ci_id = ${id}`);
    case 'computer':
      return id === null ? null : one(sql`SELECT name AS label FROM client WHERE id = ${id}`);
    case 'deployment':
      return id === null ? null : one(sql`SELECT name AS label FROM deployment WHERE id = ${id}`);
    case 'vendor':
      return one(sql`SELECT vendor AS label FROM software_update WHERE vendor = ${value} LIMIT 1`);
    case 'year':
      return /^\d{4}$/.test(value) ? value : null;
    case 'month':
      return id !== null && id >= 1 && id <= 12 ? monthNames[id - 1]! : null;
    case 'site':
      return one(sql`SELECT code || ' - ' || name AS label FROM site WHERE code = ${value}`);
    case 'complianceState':
      return (complianceStates as readonly string[]).includes(value) ? value : null;
    case 'detectionState':
      return (detectionStates as readonly string[]).includes(value) ? value : null;
    case 'scanState':
      return (scanStates as readonly string[]).includes(value) ? value : null;
    case 'deploymentState':
      return deploymentStateValues().find((each) => each.value === value)?.label ?? null;
    case 'errorCode': {
      const code = errorCodeValue(value);
      return code === null ? null : errorCodeLabel(hexErrorCode(code));
    }
  }
}
