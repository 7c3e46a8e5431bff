import { detectionStates } from '../../../shared/contract/compliance';
import type { ReportChart } from '../../../shared/contract/reports';
import type { BuiltTable as ReportTable } from './report-kit';
import {
  categoryOf,
  deploymentStateTexts,
  subStateKey,
  subStateLabel,
  type DeploymentTopicType,
} from '../../../shared/deployments/status-categories';
import { hexErrorCode } from '../compliance/unknown-reasons';
import {
  columns,
  intParam,
  param,
  percentOf,
  query,
  report,
  sql,
  type BuiltInReport,
  type ReportInput,
} from './report-kit';

const category = 'Software Updates - C Deployment States' as const;
const deployment = param('deployment', 'Deployment', 'deployment');
const update = param('update', 'Software update', 'update');

interface TargetedState {
  clientId: number;
  name: string;
  domain: string;
  topicType: DeploymentTopicType | null;
  stateId: number | null;
  errorCode: number;
  stateTime: string | null;
  /** The detection state of `ciId` on this client when one was asked for. */
  detection: number | null;
}

/**
 * Each member of the deployment's target collection now, with its latest deployment message
 * (one row per client and deployment, §9.3) — the live data View Status reads.
 */
async function targetedStates(
  input: ReportInput,
  deploymentId: number,
  ciId: number | null,
): Promise<TargetedState[]> {
  const rows = await query(
    input.db,
    sql`SELECT c.id, c.name, c.domain, s.topic_type, s.state_id, s.error_code, s.state_time,
        ${ciId === null ? sql`NULL` : sql`(SELECT us.state FROM client_update_state us WHERE us.client_id = c.id AND us.ci_id = ${ciId})`} AS detection
      FROM deployment d
      JOIN collection_member m ON m.collection_id = d.collection_id
      JOIN client c ON c.id = m.client_id
      LEFT JOIN client_deployment_state s ON s.deployment_id = d.id AND s.client_id = c.id
      WHERE d.id = ${deploymentId}
      ORDER BY c.name, c.id`,
    ['id', 'topic_type', 'state_id', 'error_code', 'detection'],
  );
  return rows.map((row) => ({
    clientId: Number(row.id),
    name: String(row.name),
    domain: String(row.domain ?? ''),
    topicType: row.topic_type === null ? null : (Number(row.topic_type) as DeploymentTopicType),
    stateId: row.state_id === null ? null : Number(row.state_id),
    errorCode: Number(row.error_code ?? 0),
    stateTime: row.state_time === null ? null : String(row.state_time),
    detection: row.detection === null ? null : Number(row.detection),
  }));
}

/** Counts of clients per sub-state key, in the order the state texts list them. */
function stateCounts(
  states: TargetedState[],
  topics: DeploymentTopicType[],
): Array<{ key: string; label: string; category: string; count: number }> {
  const counts = new Map<string, number>();
  for (const each of states) {
    const key = subStateKey(each.topicType, each.stateId);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: Array<{ key: string; label: string; category: string; count: number }> = [];
  for (const topic of topics)
    deploymentStateTexts[topic].forEach((_text, stateId) => {
      const key = subStateKey(topic, stateId);
      if (counts.has(key))
        rows.push({
          key,
          label: subStateLabel(topic, stateId),
          category: categoryOf(topic, stateId),
          count: counts.get(key)!,
        });
    });
  return rows;
}

function stateTable(
  name: string,
  rows: Array<{ key: string; label: string; category: string; count: number }>,
  total: number,
  drillTo:
    | 'States 4 - Computers in a specific state for a deployment (secondary)'
    | 'States 6 - Computers in a specific enforcement state for an update (secondary)',
): { table: ReportTable; chart: ReportChart } {
  return {
    table: {
      name,
      columns: columns(
        ['state', 'State'],
        ['category', 'Category'],
        ['computers', 'Computers', 'number'],
        ['percent', '% of targeted', 'percent'],
      ),
      rows: rows.map((row) => ({
        stateKey: row.key,
        state: row.label,
        category: row.category,
        computers: row.count,
        percent: percentOf(row.count, total),
      })),
      hiddenKeys: ['stateKey'],
      drillThrough: { report: drillTo, parameterFromColumn: { state: 'stateKey' } },
    },
    chart: {
      kind: 'pie',
      title: name,
      points: rows.map((row) => ({ label: row.label, value: row.count })),
    },
  };
}

function computersTable(
  name: string,
  states: TargetedState[],
  withDetection: boolean,
): ReportTable {
  return {
    name,
    columns: columns(
      ['name', 'Computer'],
      ['domain', 'Domain'],
      ['state', 'Deployment state'],
      ...(withDetection ? ([['detection', 'Update state']] as Array<[string, string]>) : []),
      ['errorCode', 'Error code'],
      ['stateTime', 'State time', 'date'],
    ),
    rows: states.map((each) => ({
      clientId: each.clientId,
      name: each.name,
      domain: each.domain,
      state: subStateLabel(each.topicType, each.stateId),
      ...(withDetection ? { detection: detectionStates[each.detection ?? 0] ?? 'Unknown' } : {}),
      errorCode: each.errorCode ? hexErrorCode(each.errorCode) : '',
      stateTime: each.stateTime,
    })),
    hiddenKeys: ['clientId'],
    drillThrough: {
      report: 'States 3 - States for a deployment and computer',
      parameterFromColumn: { computer: 'clientId' },
    },
  };
}

const inState = (states: TargetedState[], key: string) =>
  states.filter((each) => subStateKey(each.topicType, each.stateId) === key);

export const statesReports: BuiltInReport[] = [
  report(
    'States 1 - Enforcement states for a deployment',
    category,
    'How many targeted computers are in each state of a deployment (their latest message); a state opens its computers.',
    [deployment],
    async (input) => {
      const states = await targetedStates(input, intParam(input, 'deployment'), null);
      const rows = stateCounts(states, [300, 301, 302]);
      const none = inState(states, 'none').length;
      if (none > 0)
        rows.push({
          key: 'none',
          label: subStateLabel(null, null),
          category: 'Unknown',
          count: none,
        });
      const { table, chart } = stateTable(
        'Enforcement states',
        rows,
        states.length,
        'States 4 - Computers in a specific state for a deployment (secondary)',
      );
      return { tables: [table], charts: [chart] };
    },
  ),
  report(
    'States 2 - Evaluation states for a deployment',
    category,
    'The evaluation states (TopicType 302) targeted computers last reported; computers whose latest message is a later compliance or enforcement state are counted apart.',
    [deployment],
    async (input) => {
      const states = await targetedStates(input, intParam(input, 'deployment'), null);
      const rows = stateCounts(states, [302]);
      const later = states.filter((each) => each.topicType === 300 || each.topicType === 301);
      const none = inState(states, 'none').length;
      const { table, chart } = stateTable(
        'Evaluation states',
        rows,
        states.length,
        'States 4 - Computers in a specific state for a deployment (secondary)',
      );
      table.rows.push({
        stateKey: null,
        state: 'Later compliance or enforcement state reported',
        category: '',
        computers: later.length,
        percent: percentOf(later.length, states.length),
      });
      if (none > 0)
        table.rows.push({
          stateKey: 'none',
          state: subStateLabel(null, null),
          category: 'Unknown',
          computers: none,
          percent: percentOf(none, states.length),
        });
      return { tables: [table], charts: [chart] };
    },
  ),
  report(
    'States 3 - States for a deployment and computer',
    category,
    "One computer's latest state for a deployment and the state of each of the deployment's updates on it.",
    [deployment, param('computer', 'Computer', 'computer')],
    async (input) => {
      const deploymentId = intParam(input, 'deployment');
      const clientId = intParam(input, 'computer');
      const [state] = await query(
        input.db,
        sql`SELECT topic_type, state_id, error_code, state_time FROM client_deployment_state
          WHERE deployment_id = ${deploymentId} AND client_id = ${clientId}`,
        ['topic_type', 'state_id', 'error_code'],
      );
      const updates = await query(
        input.db,
        sql`SELECT u.ci_id, u.article_id, u.title, us.state, us.state_time
          FROM deployment_update du
          JOIN software_update u ON u.ci_id = du.ci_id
          LEFT JOIN client_update_state us ON us.ci_id = u.ci_id AND us.client_id = ${clientId}
          WHERE du.deployment_id = ${deploymentId}
          ORDER BY u.article_id, u.ci_id`,
        ['ci_id', 'state'],
      );
      return {
        tables: [
          {
            name: 'Deployment state',
            columns: columns(
              ['state', 'State'],
              ['category', 'Category'],
              ['errorCode', 'Error code'],
              ['stateTime', 'State time', 'date'],
            ),
            rows: [
              state
                ? {
                    state: subStateLabel(
                      Number(state.topic_type) as DeploymentTopicType,
                      Number(state.state_id),
                    ),
                    category: categoryOf(
                      Number(state.topic_type) as DeploymentTopicType,
                      Number(state.state_id),
                    ),
                    errorCode: Number(state.error_code)
                      ? hexErrorCode(Number(state.error_code))
                      : '',
                    stateTime: state.state_time,
                  }
                : {
                    state: subStateLabel(null, null),
                    category: 'Unknown',
                    errorCode: '',
                    stateTime: null,
                  },
            ],
            hiddenKeys: [],
          },
          {
            name: 'Update states',
            columns: columns(
              ['articleId', 'Article ID'],
              ['title', 'Title'],
              ['state', 'State'],
              ['stateTime', 'State time', 'date'],
            ),
            rows: updates.map((row) => ({
              ciId: row.ci_id,
              articleId: row.article_id,
              title: row.title,
              state: detectionStates[Number(row.state ?? 0)] ?? 'Unknown',
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
    'States 4 - Computers in a specific state for a deployment (secondary)',
    category,
    'The targeted computers whose latest message for a deployment is one state.',
    [deployment, param('state', 'State', 'deploymentState')],
    async (input) => {
      const states = await targetedStates(input, intParam(input, 'deployment'), null);
      return {
        tables: [computersTable('Computers', inState(states, input.params.state!), false)],
        charts: [],
      };
    },
  ),
  report(
    'States 5 - States for an update in a deployment (secondary)',
    category,
    "For one update of a deployment: the targeted computers by the update's detection state and their deployment state. Clients report one deployment state, not one per update.",
    [deployment, update],
    async (input) => {
      const states = await targetedStates(
        input,
        intParam(input, 'deployment'),
        intParam(input, 'update'),
      );
      const groups = new Map<string, { detection: string; key: string; count: number }>();
      for (const each of states) {
        const detection = detectionStates[each.detection ?? 0] ?? 'Unknown';
        const key = subStateKey(each.topicType, each.stateId);
        const id = `${detection}|${key}`;
        const found = groups.get(id) ?? { detection, key, count: 0 };
        found.count += 1;
        groups.set(id, found);
      }
      const rows = [...groups.values()].sort(
        (a, b) => a.detection.localeCompare(b.detection) || b.count - a.count,
      );
      return {
        tables: [
          {
            name: 'States',
            columns: columns(
              ['detection', 'Update state'],
              ['state', 'Deployment state'],
              ['computers', 'Computers', 'number'],
              ['percent', '% of targeted', 'percent'],
            ),
            rows: rows.map((row) => ({
              stateKey: row.key,
              detection: row.detection,
              state:
                row.key === 'none'
                  ? subStateLabel(null, null)
                  : subStateLabel(
                      Number(row.key.split('-')[0]) as DeploymentTopicType,
                      Number(row.key.split('-')[1]),
                    ),
              computers: row.count,
              percent: percentOf(row.count, states.length),
            })),
            hiddenKeys: ['stateKey'],
            drillThrough: {
              report:
                'States 6 - Computers in a specific enforcement state for an update (secondary)',
              parameterFromColumn: { state: 'stateKey' },
            },
          },
        ],
        charts: [],
      };
    },
  ),
  report(
    'States 6 - Computers in a specific enforcement state for an update (secondary)',
    category,
    'The targeted computers in one deployment state for which an update of the deployment applies (Required, Installed or not yet reported).',
    [deployment, update, param('state', 'State', 'deploymentState')],
    async (input) => {
      const states = await targetedStates(
        input,
        intParam(input, 'deployment'),
        intParam(input, 'update'),
      );
      const applicable = inState(states, input.params.state!).filter(
        (each) => each.detection !== 1,
      );
      return { tables: [computersTable('Computers', applicable, true)], charts: [] };
    },
  ),
];
