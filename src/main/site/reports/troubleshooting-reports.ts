import {
  subStateLabel,
  type DeploymentTopicType,
} from '../../../shared/deployments/status-categories';
import { hexErrorCode } from '../compliance/unknown-reasons';
import { errorCodeLabel, errorCodeValue } from './report-parameters';
import {
  columns,
  intParam,
  membersOf,
  param,
  query,
  report,
  sql,
  type BuiltInReport,
} from './report-kit';

const category = 'Software Updates - E Troubleshooting' as const;
const collection = param('collection', 'Collection', 'collection');
const errorCode = param('errorCode', 'Error code', 'errorCode');

/** A scan that failed (5) or completed with errors (6) and left its HRESULT on the client. */
const scanFailed = sql`last_scan_state IN (5, 6) AND last_scan_error_code <> 0`;

/** The latest deployment message of a member, for a deployment targeting the collection. */
const deploymentErrorsOf = (collectionId: number) => sql`
  FROM client_deployment_state s
  JOIN deployment d ON d.id = s.deployment_id AND d.collection_id = ${collectionId}
  JOIN collection_member m ON m.collection_id = d.collection_id AND m.client_id = s.client_id
  JOIN client c ON c.id = s.client_id
  WHERE s.error_code <> 0`;

const meaningOf = (code: number) => {
  const hex = hexErrorCode(code);
  const label = errorCodeLabel(hex);
  return label === hex ? '' : label.slice(hex.length + 1);
};

export const troubleshootingReports: BuiltInReport[] = [
  report(
    'Troubleshooting 1 - Scan errors',
    category,
    'The errors the last scans of a collection failed with, and how many clients each.',
    [collection],
    async (input) => {
      const rows = await query(
        input.db,
        sql`SELECT last_scan_error_code AS code, COUNT(*) AS n FROM client
          WHERE id IN (${membersOf(intParam(input, 'collection'))}) AND ${scanFailed}
          GROUP BY last_scan_error_code ORDER BY n DESC, code`,
        ['code', 'n'],
      );
      return {
        tables: [
          {
            name: 'Scan errors',
            columns: columns(
              ['errorCode', 'Error code'],
              ['meaning', 'Meaning'],
              ['clients', 'Clients', 'number'],
            ),
            rows: rows.map((row) => ({
              errorCode: hexErrorCode(Number(row.code)),
              meaning: meaningOf(Number(row.code)),
              clients: row.n,
            })),
            hiddenKeys: [],
            drillThrough: {
              report:
                'Troubleshooting 3 - Computers failing with a specific scan error (secondary)',
              parameterFromColumn: { errorCode: 'errorCode' },
            },
          },
        ],
        charts: [],
      };
    },
  ),
  report(
    'Troubleshooting 2 - Deployment errors',
    category,
    'The errors the deployments to a collection failed with (latest state per client), and how many clients and deployments each.',
    [collection],
    async (input) => {
      const rows = await query(
        input.db,
        sql`SELECT s.error_code AS code, COUNT(DISTINCT s.client_id) AS clients,
            COUNT(DISTINCT s.deployment_id) AS deployments
          ${deploymentErrorsOf(intParam(input, 'collection'))}
          GROUP BY s.error_code ORDER BY clients DESC, code`,
        ['code', 'clients', 'deployments'],
      );
      return {
        tables: [
          {
            name: 'Deployment errors',
            columns: columns(
              ['errorCode', 'Error code'],
              ['meaning', 'Meaning'],
              ['clients', 'Clients', 'number'],
              ['deployments', 'Deployments', 'number'],
            ),
            rows: rows.map((row) => ({
              errorCode: hexErrorCode(Number(row.code)),
              meaning: meaningOf(Number(row.code)),
              clients: row.clients,
              deployments: row.deployments,
            })),
            hiddenKeys: [],
            drillThrough: {
              report:
                'Troubleshooting 4 - Computers failing with a specific deployment error (secondary)',
              parameterFromColumn: { errorCode: 'errorCode' },
            },
          },
        ],
        charts: [],
      };
    },
  ),
  report(
    'Troubleshooting 3 - Computers failing with a specific scan error (secondary)',
    category,
    'The clients of a collection whose last scan failed with one error.',
    [collection, errorCode],
    async (input) => {
      const code = errorCodeValue(input.params.errorCode!)!;
      const rows = await query(
        input.db,
        sql`SELECT id, name, domain, os_name, last_scan_at FROM client
          WHERE id IN (${membersOf(intParam(input, 'collection'))}) AND ${scanFailed}
            AND last_scan_error_code = ${code}
          ORDER BY name, id`,
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
            ),
            rows: rows.map((row) => ({
              clientId: row.id,
              name: row.name,
              domain: row.domain,
              osName: row.os_name,
              lastScanAt: row.last_scan_at,
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
    'Troubleshooting 4 - Computers failing with a specific deployment error (secondary)',
    category,
    'The clients of a collection whose latest state for a deployment to it carries one error.',
    [collection, errorCode],
    async (input) => {
      const code = errorCodeValue(input.params.errorCode!)!;
      const rows = await query(
        input.db,
        sql`SELECT c.id, c.name, c.domain, d.id AS deployment_id, d.name AS deployment,
            s.topic_type, s.state_id, s.state_time
          ${deploymentErrorsOf(intParam(input, 'collection'))} AND s.error_code = ${code}
          ORDER BY c.name, c.id, d.name`,
        ['id', 'deployment_id', 'topic_type', 'state_id'],
      );
      return {
        tables: [
          {
            name: 'Computers',
            columns: columns(
              ['name', 'Computer'],
              ['domain', 'Domain'],
              ['deployment', 'Deployment'],
              ['state', 'State'],
              ['stateTime', 'State time', 'date'],
            ),
            rows: rows.map((row) => ({
              clientId: row.id,
              deploymentId: row.deployment_id,
              name: row.name,
              domain: row.domain,
              deployment: row.deployment,
              state: subStateLabel(
                Number(row.topic_type) as DeploymentTopicType,
                Number(row.state_id),
              ),
              stateTime: row.state_time,
            })),
            hiddenKeys: ['clientId', 'deploymentId'],
            drillThrough: {
              report: 'States 3 - States for a deployment and computer',
              parameterFromColumn: { computer: 'clientId', deployment: 'deploymentId' },
            },
          },
        ],
        charts: [],
      };
    },
  ),
];
