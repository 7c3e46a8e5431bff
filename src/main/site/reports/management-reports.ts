import {
  subStateLabel,
  type DeploymentTopicType,
} from '../../../shared/deployments/status-categories';
import { hexErrorCode } from '../compliance/unknown-reasons';
import { updateCounts, type UpdateCountRow } from './compliance-counts';
import { collectionOfDeployment, deploymentsTable } from './deployment-tables';
import { columns, intParam, param, query, report, sql, type BuiltInReport } from './report-kit';
import type { BuiltTable as ReportTable } from './report-kit';

const category = 'Software Updates - B Deployment Management' as const;
const deployment = param('deployment', 'Deployment', 'deployment');

const stateText = (topic: unknown, state: unknown) =>
  topic === null || state === null
    ? subStateLabel(null, null)
    : subStateLabel(Number(topic) as DeploymentTopicType, Number(state));

function deployedUpdatesTable(name: string, rows: UpdateCountRow[]): ReportTable {
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
      ['percentCompliant', '% Compliant', 'percent'],
    ),
    rows: rows.map((row) => ({ ...row })),
    hiddenKeys: ['ciId'],
    drillThrough: {
      report: 'States 5 - States for an update in a deployment (secondary)',
      parameterFromColumn: { update: 'ciId' },
    },
  };
}

export const managementReports: BuiltInReport[] = [
  report(
    'Management 1 - Deployments of an update group',
    category,
    'Every deployment of a software update group with its live counters.',
    [param('group', 'Software update group', 'group')],
    async (input) => ({
      tables: [
        await deploymentsTable(
          input.db,
          'Deployments',
          sql`d.group_id = ${intParam(input, 'group')}`,
        ),
      ],
      charts: [],
    }),
  ),
  report(
    'Management 2 - Updates required but not deployed',
    category,
    'Updates that computers of a collection require and that no deployment to the collection contains.',
    [param('collection', 'Collection', 'collection'), param('vendor', 'Vendor', 'vendor', false)],
    async (input) => {
      const collectionId = intParam(input, 'collection');
      const vendor = input.params.vendor;
      const rows = await updateCounts(input.db, collectionId, {
        where: sql`u.is_expired = 0 ${vendor ? sql`AND u.vendor = ${vendor}` : sql``}
          AND u.ci_id NOT IN (SELECT du.ci_id FROM deployment_update du
            JOIN deployment d ON d.id = du.deployment_id WHERE d.collection_id = ${collectionId})`,
        applicableOnly: true,
      });
      const required = rows.filter((row) => row.required > 0);
      return {
        tables: [
          {
            ...deployedUpdatesTable('Updates required but not deployed', required),
            drillThrough: {
              report:
                'Compliance 8 - Computers in a specific compliance state for an update (secondary)',
              parameterFromColumn: { update: 'ciId', state: 'requiredState' },
            },
            rows: required.map((row) => ({ ...row, requiredState: 'Required' })),
            hiddenKeys: ['ciId', 'requiredState'],
          },
        ],
        charts: [],
      };
    },
  ),
  report(
    'Management 3 - Updates in a deployment',
    category,
    "The updates of a deployment with their compliance in the deployment's collection.",
    [deployment],
    async (input) => {
      const deploymentId = intParam(input, 'deployment');
      const rows = await updateCounts(
        input.db,
        await collectionOfDeployment(input.db, deploymentId),
        {
          where: sql`u.ci_id IN (SELECT ci_id FROM deployment_update WHERE deployment_id = ${deploymentId})`,
          applicableOnly: false,
        },
      );
      return { tables: [deployedUpdatesTable('Updates', rows)], charts: [] };
    },
  ),
  report(
    'Management 4 - Deployments that target a collection',
    category,
    'Every deployment whose target is a collection, with its live counters.',
    [param('collection', 'Collection', 'collection')],
    async (input) => ({
      tables: [
        await deploymentsTable(
          input.db,
          'Deployments',
          sql`d.collection_id = ${intParam(input, 'collection')}`,
        ),
      ],
      charts: [],
    }),
  ),
  report(
    'Management 5 - Deployments that target a computer',
    category,
    "Every deployment whose target collection holds a computer, with that computer's latest state.",
    [param('computer', 'Computer', 'computer')],
    async (input) => {
      const clientId = intParam(input, 'computer');
      const rows = await query(
        input.db,
        sql`SELECT d.id, d.name, d.purpose, d.deadline_at, c.name AS collection,
            s.topic_type, s.state_id, s.error_code, s.state_time
          FROM deployment d
          JOIN collection c ON c.id = d.collection_id
          JOIN collection_member m ON m.collection_id = d.collection_id AND m.client_id = ${clientId}
          LEFT JOIN client_deployment_state s ON s.deployment_id = d.id AND s.client_id = ${clientId}
          ORDER BY d.name, d.id`,
        ['id', 'topic_type', 'state_id', 'error_code'],
      );
      return {
        tables: [
          {
            name: 'Deployments',
            columns: columns(
              ['name', 'Deployment'],
              ['collection', 'Collection'],
              ['purpose', 'Purpose'],
              ['deadlineAt', 'Deadline', 'date'],
              ['state', 'State'],
              ['errorCode', 'Error code'],
              ['stateTime', 'State time', 'date'],
            ),
            rows: rows.map((row) => ({
              deploymentId: row.id,
              name: row.name,
              collection: row.collection,
              purpose: row.purpose,
              deadlineAt: row.deadline_at,
              state: stateText(row.topic_type, row.state_id),
              errorCode: row.error_code ? hexErrorCode(Number(row.error_code)) : '',
              stateTime: row.state_time,
            })),
            hiddenKeys: ['deploymentId'],
            drillThrough: {
              report: 'States 3 - States for a deployment and computer',
              parameterFromColumn: { deployment: 'deploymentId' },
            },
          },
        ],
        charts: [],
      };
    },
  ),
  report(
    'Management 6 - Deployments that contain a specific update',
    category,
    'Every deployment that contains a software update, with its live counters.',
    [param('update', 'Software update', 'update')],
    async (input) => ({
      tables: [
        await deploymentsTable(
          input.db,
          'Deployments',
          sql`d.id IN (SELECT deployment_id FROM deployment_update WHERE ci_id = ${intParam(input, 'update')})`,
        ),
      ],
      charts: [],
    }),
  ),
  report(
    'Management 7 - Updates in a deployment missing content',
    category,
    "Updates of a deployment whose files are not all in the deployment's package (or that have no package).",
    [deployment],
    async (input) => {
      const deploymentId = intParam(input, 'deployment');
      const rows = await query(
        input.db,
        sql`SELECT u.ci_id, u.article_id, u.title, u.vendor, p.name AS package_name,
            (SELECT COUNT(*) FROM content_file f WHERE f.ci_id = u.ci_id) AS files,
            (SELECT COUNT(*) FROM deployment_package_content pc
              WHERE pc.package_id = d.package_id AND pc.ci_id = u.ci_id) AS in_package
          FROM deployment d
          JOIN deployment_update du ON du.deployment_id = d.id
          JOIN software_update u ON u.ci_id = du.ci_id
          LEFT JOIN deployment_package p ON p.id = d.package_id
          WHERE d.id = ${deploymentId}
          ORDER BY u.article_id, u.ci_id`,
        ['ci_id', 'files', 'in_package'],
      );
      const missing = rows.filter(
        (row) => Number(row.files) > 0 && Number(row.in_package) < Number(row.files),
      );
      return {
        tables: [
          {
            name: 'Updates missing content',
            columns: columns(
              ['articleId', 'Article ID'],
              ['title', 'Title'],
              ['vendor', 'Vendor'],
              ['packageName', 'Deployment package'],
              ['files', 'Content files', 'number'],
              ['inPackage', 'Files in package', 'number'],
            ),
            rows: missing.map((row) => ({
              ciId: row.ci_id,
              articleId: row.article_id,
              title: row.title,
              vendor: row.vendor,
              packageName: row.package_name ?? 'No deployment package',
              files: row.files,
              inPackage: row.in_package,
            })),
            hiddenKeys: ['ciId'],
            drillThrough: {
              report: 'Management 8 - Computers missing content (secondary)',
              parameterFromColumn: { update: 'ciId' },
            },
          },
        ],
        charts: [],
      };
    },
  ),
  report(
    'Management 8 - Computers missing content (secondary)',
    category,
    "Targeted computers that require an update of the deployment whose content is missing, with each one's deployment state.",
    [deployment, param('update', 'Software update', 'update')],
    async (input) => {
      const deploymentId = intParam(input, 'deployment');
      const ciId = intParam(input, 'update');
      const rows = await query(
        input.db,
        sql`SELECT c.id, c.name, c.domain, s.topic_type, s.state_id, s.error_code, s.state_time
          FROM deployment d
          JOIN collection_member m ON m.collection_id = d.collection_id
          JOIN client c ON c.id = m.client_id
          JOIN client_update_state us ON us.client_id = c.id AND us.ci_id = ${ciId} AND us.state = 2
          LEFT JOIN client_deployment_state s ON s.deployment_id = d.id AND s.client_id = c.id
          WHERE d.id = ${deploymentId}
          ORDER BY c.name, c.id`,
        ['id', 'topic_type', 'state_id', 'error_code'],
      );
      return {
        tables: [
          {
            name: 'Computers',
            columns: columns(
              ['name', 'Computer'],
              ['domain', 'Domain'],
              ['state', 'Deployment state'],
              ['errorCode', 'Error code'],
              ['stateTime', 'State time', 'date'],
            ),
            rows: rows.map((row) => ({
              clientId: row.id,
              name: row.name,
              domain: row.domain,
              state: stateText(row.topic_type, row.state_id),
              errorCode: row.error_code ? hexErrorCode(Number(row.error_code)) : '',
              stateTime: row.state_time,
            })),
            hiddenKeys: ['clientId'],
            drillThrough: {
              report: 'States 3 - States for a deployment and computer',
              parameterFromColumn: { computer: 'clientId' },
            },
          },
        ],
        charts: [],
      };
    },
  ),
];
