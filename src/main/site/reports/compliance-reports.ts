import { detectionStates } from '../../../shared/contract/compliance';
import type { BuiltTable as ReportTable } from './report-kit';
import { hexErrorCode } from '../compliance/unknown-reasons';
import { scanStates } from '../../../shared/contract/compliance';
import {
  clientCompliance,
  complianceCharts,
  healthyCount,
  updateCounts,
  type ClientComplianceRow,
  type UpdateCountRow,
} from './compliance-counts';
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

const category = 'Software Updates - A Compliance' as const;
const collection = param('collection', 'Collection', 'collection');
const optionalGroup = param('group', 'Software update group', 'group', false);

/** The per-update table; a row opens Compliance 6 for that update. */
function updatesTable(name: string, rows: UpdateCountRow[]): ReportTable {
  return {
    name,
    columns: columns(
      ['articleId', 'Article ID'],
      ['title', 'Title'],
      ['vendor', 'Vendor'],
      ['required', 'Required', 'number'],
      ['installed', 'Installed', 'number'],
      ['notRequired', 'Not Required', 'number'],
      ['unknown', 'Unknown', 'number'],
      ['total', 'Total', 'number'],
      ['percentCompliant', '% Compliant', 'percent'],
    ),
    rows: rows.map((row) => ({ ...row })),
    hiddenKeys: ['ciId'],
    drillThrough: {
      report: 'Compliance 6 - Specific software update states (secondary)',
      parameterFromColumn: { update: 'ciId' },
    },
  };
}

function computersTable(name: string, rows: ClientComplianceRow[]): ReportTable {
  return {
    name,
    columns: columns(
      ['name', 'Computer'],
      ['domain', 'Domain'],
      ['osName', 'Operating system'],
      ['lastScanAt', 'Last scan', 'date'],
      ['state', 'Compliance state'],
    ),
    rows: rows.map((row) => ({
      clientId: row.clientId,
      name: row.name,
      domain: row.domain,
      osName: row.osName,
      lastScanAt: row.lastScanAt,
      state: row.state,
    })),
    hiddenKeys: ['clientId'],
    drillThrough: {
      report: 'Compliance 5 - Specific computer',
      parameterFromColumn: { computer: 'clientId' },
    },
  };
}

/** Compliance 1 and 9: the overview, its three charts and the per-update detail. */
async function overall(input: ReportInput, detailName: string) {
  const collectionId = intParam(input, 'collection');
  const groupId = input.params.group ? Number(input.params.group) : null;
  const clients = await clientCompliance(input.db, collectionId, groupId);
  const updates = await updateCounts(
    input.db,
    collectionId,
    groupId === null ? { where: sql`u.is_expired = 0`, applicableOnly: true } : { groupId },
  );
  const count = (state: ClientComplianceRow['state']) =>
    clients.filter((each) => each.state === state).length;
  const healthy = await healthyCount(input.db, collectionId);
  const overview: ReportTable = {
    name: 'Compliance overview',
    columns: columns(
      ['state', 'Compliance state'],
      ['computers', 'Computers', 'number'],
      ['percent', '% of total', 'percent'],
    ),
    rows: (['Compliant', 'Non-compliant', 'Unknown'] as const).map((state) => ({
      state,
      computers: count(state),
      percent: percentOf(count(state), clients.length),
    })),
    hiddenKeys: [],
    // Only a group has the per-state computer list of Compliance 7.
    ...(groupId === null
      ? {}
      : {
          drillThrough: {
            report:
              'Compliance 7 - Computers in a specific compliance state for an update group (secondary)' as const,
            parameterFromColumn: { state: 'state' },
          },
        }),
  };
  return {
    tables: [overview, updatesTable(detailName, updates)],
    charts: complianceCharts(clients, updates, healthy),
  };
}

async function updateStates(input: ReportInput) {
  const collectionId = intParam(input, 'collection');
  const ciId = intParam(input, 'update');
  const [counts] = await updateCounts(input.db, collectionId, {
    where: sql`u.ci_id = ${ciId}`,
    applicableOnly: false,
  });
  const byState = {
    Unknown: counts?.unknown ?? 0,
    'Not Required': counts?.notRequired ?? 0,
    Required: counts?.required ?? 0,
    Installed: counts?.installed ?? 0,
  };
  const total = counts?.total ?? 0;
  const table: ReportTable = {
    name: 'Computers by state',
    columns: columns(
      ['state', 'State'],
      ['computers', 'Computers', 'number'],
      ['percent', '% of total', 'percent'],
    ),
    rows: detectionStates.map((state) => ({
      state,
      computers: byState[state],
      percent: percentOf(byState[state], total),
    })),
    hiddenKeys: [],
    drillThrough: {
      report: 'Compliance 8 - Computers in a specific compliance state for an update (secondary)',
      parameterFromColumn: { state: 'state' },
    },
  };
  return {
    counts,
    table,
    chart: {
      kind: 'pie' as const,
      title: 'Computers by state',
      points: detectionStates.map((state) => ({ label: state, value: byState[state] })),
    },
  };
}

export const complianceReports: BuiltInReport[] = [
  report(
    'Compliance 1 - Overall compliance',
    category,
    'Compliant, non-compliant and unknown computers of a collection, for a software update group or every update that applies, with the updates most required.',
    [collection, optionalGroup],
    (input) => overall(input, 'Updates'),
  ),
  report(
    'Compliance 2 - Specific software update',
    category,
    'The compliance of one software update in a collection: how many computers require it, have it installed, do not need it, or have not reported.',
    [param('update', 'Software update', 'update'), collection],
    async (input) => {
      const { counts, table, chart } = await updateStates(input);
      return {
        tables: [updatesTable('Software update', counts ? [counts] : []), table],
        charts: [chart],
      };
    },
  ),
  report(
    'Compliance 3 - Update group (per update)',
    category,
    'Every update of a software update group with its compliance in a collection.',
    [param('group', 'Software update group', 'group'), collection],
    async (input) => ({
      tables: [
        updatesTable(
          'Updates in the group',
          await updateCounts(input.db, intParam(input, 'collection'), {
            groupId: intParam(input, 'group'),
          }),
        ),
      ],
      charts: [],
    }),
  ),
  report(
    'Compliance 4 - Updates by vendor month year',
    category,
    'The updates a vendor released in a year (and month), with their compliance in a collection.',
    [
      param('vendor', 'Vendor', 'vendor'),
      param('year', 'Year', 'year'),
      param('month', 'Month', 'month', false),
      collection,
    ],
    async (input) => {
      const { vendor, year, month } = input.params;
      const prefix = month ? `${year}-${month.padStart(2, '0')}` : `${year}`;
      const rows = await updateCounts(input.db, intParam(input, 'collection'), {
        where: sql`u.vendor = ${vendor} AND SUBSTR(u.date_released, 1, ${prefix.length}) = ${prefix}`,
        applicableOnly: false,
      });
      return { tables: [updatesTable('Updates released', rows)], charts: [] };
    },
  ),
  report(
    'Compliance 5 - Specific computer',
    category,
    'One computer: its last scan and the state of every update it reported.',
    [param('computer', 'Computer', 'computer')],
    async (input) => {
      const clientId = intParam(input, 'computer');
      const [client] = await query(
        input.db,
        sql`SELECT name, domain, os_name, site_code, last_scan_at, last_scan_state,
            last_scan_error_code FROM client WHERE id = ${clientId}`,
        ['last_scan_state', 'last_scan_error_code'],
      );
      const states = await query(
        input.db,
        sql`SELECT u.ci_id, u.article_id, u.title, u.vendor, s.state, s.state_time
          FROM client_update_state s JOIN software_update u ON u.ci_id = s.ci_id
          WHERE s.client_id = ${clientId}
          ORDER BY s.state DESC, u.article_id, u.ci_id`,
        ['ci_id', 'state'],
      );
      return {
        tables: [
          {
            name: 'Computer',
            columns: columns(
              ['name', 'Computer'],
              ['domain', 'Domain'],
              ['osName', 'Operating system'],
              ['siteCode', 'Site'],
              ['lastScanAt', 'Last scan', 'date'],
              ['lastScanState', 'Last scan state'],
              ['lastScanError', 'Last scan error'],
            ),
            rows: client
              ? [
                  {
                    name: client.name,
                    domain: client.domain,
                    osName: client.os_name,
                    siteCode: client.site_code ?? '',
                    lastScanAt: client.last_scan_at,
                    lastScanState:
                      scanStates[Number(client.last_scan_state)] ?? 'Scan state unknown',
                    lastScanError:
                      Number(client.last_scan_error_code) === 0
                        ? ''
                        : hexErrorCode(Number(client.last_scan_error_code)),
                  },
                ]
              : [],
            hiddenKeys: [],
          },
          {
            name: 'Update states',
            columns: columns(
              ['articleId', 'Article ID'],
              ['title', 'Title'],
              ['vendor', 'Vendor'],
              ['state', 'State'],
              ['stateTime', 'State time', 'date'],
            ),
            rows: states.map((row) => ({
              ciId: row.ci_id,
              articleId: row.article_id,
              title: row.title,
              vendor: row.vendor,
              state: detectionStates[Number(row.state)] ?? 'Unknown',
              stateTime: row.state_time,
            })),
            hiddenKeys: ['ciId'],
          },
        ],
        charts: [],
      };
    },
  ),
  report(
    'Compliance 6 - Specific software update states (secondary)',
    category,
    'How many computers of a collection are in each state for one update; a state opens its computers.',
    [param('update', 'Software update', 'update'), collection],
    async (input) => {
      const { table, chart } = await updateStates(input);
      return { tables: [table], charts: [chart] };
    },
  ),
  report(
    'Compliance 7 - Computers in a specific compliance state for an update group (secondary)',
    category,
    'The computers of a collection that are compliant, non-compliant or unknown for a software update group.',
    [
      param('group', 'Software update group', 'group'),
      collection,
      param('state', 'Compliance state', 'complianceState'),
    ],
    async (input) => {
      const clients = await clientCompliance(
        input.db,
        intParam(input, 'collection'),
        intParam(input, 'group'),
      );
      return {
        tables: [
          computersTable(
            'Computers',
            clients.filter((each) => each.state === input.params.state),
          ),
        ],
        charts: [],
      };
    },
  ),
  report(
    'Compliance 8 - Computers in a specific compliance state for an update (secondary)',
    category,
    'The computers of a collection in one detection state (Required, Installed, Not Required, Unknown) for an update.',
    [
      param('update', 'Software update', 'update'),
      collection,
      param('state', 'State', 'detectionState'),
    ],
    async (input) => {
      const collectionId = intParam(input, 'collection');
      const ciId = intParam(input, 'update');
      const stateId = (detectionStates as readonly string[]).indexOf(input.params.state!);
      // Unknown is a state 0 message or no message at all.
      const match =
        stateId === 0 ? sql`(s.state IS NULL OR s.state = 0)` : sql`s.state = ${stateId}`;
      const rows = await query(
        input.db,
        sql`SELECT c.id, c.name, c.domain, c.os_name, c.last_scan_at, s.state_time
          FROM client c
          LEFT JOIN client_update_state s ON s.client_id = c.id AND s.ci_id = ${ciId}
          WHERE c.id IN (${membersOf(collectionId)}) AND ${match}
          ORDER BY c.name, c.id`,
        ['id'],
      );
      return {
        tables: [
          {
            name: 'Computers',
            columns: columns(
              ['name', 'Computer'],
              ['domain', 'Domain'],
              ['osName', 'Operating system'],
              ['lastScanAt', 'Last scan', 'date'],
              ['stateTime', 'State time', 'date'],
            ),
            rows: rows.map((row) => ({
              clientId: row.id,
              name: row.name,
              domain: row.domain,
              osName: row.os_name,
              lastScanAt: row.last_scan_at,
              stateTime: row.state_time,
            })),
            hiddenKeys: ['clientId'],
            drillThrough: {
              report: 'Compliance 5 - Specific computer',
              parameterFromColumn: { computer: 'clientId' },
            },
          },
        ],
        charts: [],
      };
    },
  ),
  report(
    'Compliance 9 - Overall health and compliance',
    category,
    'Client health and compliance of a collection: healthy against total clients, the compliance overview and the five updates most required, with the detail.',
    [collection, optionalGroup],
    (input) => overall(input, 'Detail'),
  ),
];
