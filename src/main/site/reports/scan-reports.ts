import { scanStates } from '../../../shared/contract/compliance';
import type { BuiltTable as ReportTable } from './report-kit';
import type { RawBuilder } from 'kysely';
import { hexErrorCode } from '../compliance/unknown-reasons';
import {
  columns,
  intParam,
  membersOf,
  param,
  percentOf,
  query,
  report,
  sql,
  type BuiltInReport,
  type ReportInput,
} from './report-kit';

const category = 'Software Updates - D Scan' as const;
const collection = param('collection', 'Collection', 'collection');
const site = param('site', 'Site', 'site');
const state = param('state', 'Scan state', 'scanState');

/** Clients by their last scan state (TopicType 501, §4.2); a state opens its clients. */
async function byScanState(
  input: ReportInput,
  clients: RawBuilder<unknown>,
  drillTo:
    | 'Scan 3 - Clients of a collection reporting a specific state (secondary)'
    | 'Scan 4 - Clients of a site reporting a specific state (secondary)',
) {
  const rows = await query(
    input.db,
    sql`SELECT last_scan_state AS state, COUNT(*) AS n, MAX(last_scan_at) AS latest
      FROM client WHERE id IN (${clients}) GROUP BY last_scan_state`,
    ['state', 'n'],
  );
  const total = rows.reduce((sum, row) => sum + Number(row.n), 0);
  const ordered = scanStates
    .map((text, id) => ({ text, row: rows.find((each) => Number(each.state) === id) }))
    .filter((each) => each.row !== undefined);
  const table: ReportTable = {
    name: 'Last scan states',
    columns: columns(
      ['state', 'Last scan state'],
      ['clients', 'Clients', 'number'],
      ['percent', '% of clients', 'percent'],
      ['latest', 'Most recent scan', 'date'],
    ),
    rows: ordered.map(({ text, row }) => ({
      state: text,
      clients: Number(row!.n),
      percent: percentOf(Number(row!.n), total),
      latest: row!.latest,
    })),
    hiddenKeys: [],
    drillThrough: { report: drillTo, parameterFromColumn: { state: 'state' } },
  };
  return {
    tables: [table],
    charts: [
      {
        kind: 'pie' as const,
        title: 'Last scan states',
        points: ordered.map(({ text, row }) => ({ label: text, value: Number(row!.n) })),
      },
    ],
  };
}

async function clientsInState(input: ReportInput, clients: RawBuilder<unknown>) {
  const stateId = (scanStates as readonly string[]).indexOf(input.params.state!);
  const rows = await query(
    input.db,
    sql`SELECT id, name, domain, os_name, site_code, last_scan_at, last_scan_error_code
      FROM client WHERE id IN (${clients}) AND last_scan_state = ${stateId}
      ORDER BY name, id`,
    ['id', 'last_scan_error_code'],
  );
  const table: ReportTable = {
    name: 'Clients',
    columns: columns(
      ['name', 'Computer'],
      ['domain', 'Domain'],
      ['osName', 'Operating system'],
      ['siteCode', 'Site'],
      ['lastScanAt', 'Last scan', 'date'],
      ['errorCode', 'Last scan error'],
    ),
    rows: rows.map((row) => ({
      clientId: row.id,
      name: row.name,
      domain: row.domain,
      osName: row.os_name,
      siteCode: row.site_code ?? '',
      lastScanAt: row.last_scan_at,
      errorCode: Number(row.last_scan_error_code)
        ? hexErrorCode(Number(row.last_scan_error_code))
        : '',
    })),
    hiddenKeys: ['clientId'],
    drillThrough: {
      report: 'Compliance 5 - Specific computer',
      parameterFromColumn: { computer: 'clientId' },
    },
  };
  return { tables: [table], charts: [] };
}

const ofSite = (code: string) => sql`SELECT id FROM client WHERE site_code = ${code}`;

export const scanReports: BuiltInReport[] = [
  report(
    'Scan 1 - Last scan states by collection',
    category,
    'How many clients of a collection are in each last scan state.',
    [collection],
    (input) =>
      byScanState(
        input,
        membersOf(intParam(input, 'collection')),
        'Scan 3 - Clients of a collection reporting a specific state (secondary)',
      ),
  ),
  report(
    'Scan 2 - Last scan states by site',
    category,
    'How many clients assigned to a site are in each last scan state.',
    [site],
    (input) =>
      byScanState(
        input,
        ofSite(input.params.site!),
        'Scan 4 - Clients of a site reporting a specific state (secondary)',
      ),
  ),
  report(
    'Scan 3 - Clients of a collection reporting a specific state (secondary)',
    category,
    'The clients of a collection whose last scan is in one state.',
    [collection, state],
    (input) => clientsInState(input, membersOf(intParam(input, 'collection'))),
  ),
  report(
    'Scan 4 - Clients of a site reporting a specific state (secondary)',
    category,
    'The clients assigned to a site whose last scan is in one state.',
    [site, state],
    (input) => clientsInState(input, ofSite(input.params.site!)),
  ),
];
