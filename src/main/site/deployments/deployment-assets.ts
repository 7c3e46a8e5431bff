import { sql, type RawBuilder } from 'kysely';
import type {
  DeploymentAsset,
  DeploymentStatusCategory,
} from '../../../shared/contract/deployments';
import { errorCodeHex, errorCodeMeaning } from '../../../shared/deployments/error-codes';
import {
  categoryOf,
  subStateKey,
  subStateLabel,
  type DeploymentTopicType,
} from '../../../shared/deployments/status-categories';
import type { Db } from '../compliance/update-counters';

const topicTypes: DeploymentTopicType[] = [300, 301, 302];
/** StateMessage allows state ids 0–100; any beyond the §9.3 table is Unknown. */
const maxStateId = 100;

/** The (topic, state) pairs of a category, as an SQL condition on `s`. */
function categoryCondition(
  category: Exclude<DeploymentStatusCategory, 'Unknown'>,
): RawBuilder<unknown> {
  const parts = topicTypes.flatMap((topicType) => {
    const states: number[] = [];
    for (let stateId = 0; stateId <= maxStateId; stateId += 1)
      if (categoryOf(topicType, stateId) === category) states.push(stateId);
    return states.length === 0
      ? []
      : [sql`(s.topic_type = ${topicType} AND s.state_id IN (${sql.join(states)}))`];
  });
  return parts.length === 0 ? sql`1 = 0` : sql`(${sql.join(parts, sql` OR `)})`;
}

const knownCategories = ['Compliant', 'InProgress', 'Error', 'RequirementsNotMet'] as const;

/** A sub-state key ("301-7", "none") as topic and state, or null when it is not one. */
export function parseSubStateKey(
  key: string,
): { topicType: DeploymentTopicType; stateId: number } | 'none' | null {
  if (key === 'none') return 'none';
  const match = /^(300|301|302)-(\d{1,3})$/.exec(key);
  if (!match) return null;
  return { topicType: Number(match[1]) as DeploymentTopicType, stateId: Number(match[2]) };
}

interface AssetRow {
  client_id: number;
  name: string;
  topic_type: number | null;
  state_id: number | null;
  error_code: number | null;
  state_time: string | null;
}

/**
 * Asset Details of one category (or one sub-state of it) of a deployment, in client order, at
 * most `limit`. Categories with a state are read from the deployment's state index; Unknown is
 * the target collection's members without a state or with an unknown one.
 */
export async function readDeploymentAssets(
  db: Db,
  deployment: { id: number; collectionId: number },
  category: DeploymentStatusCategory,
  subState: ReturnType<typeof parseSubStateKey>,
  limit: number,
): Promise<DeploymentAsset[]> {
  let rows: AssetRow[];
  const pick =
    subState && subState !== 'none'
      ? sql`s.topic_type = ${subState.topicType} AND s.state_id = ${subState.stateId}`
      : null;
  if (category === 'Unknown') {
    const known = sql.join(
      knownCategories.map((each) => categoryCondition(each)),
      sql` OR `,
    );
    const condition =
      subState === 'none'
        ? sql`s.client_id IS NULL`
        : pick
          ? pick
          : sql`(s.client_id IS NULL OR NOT (${known}))`;
    const result = await sql<AssetRow>`
      SELECT m.client_id, c.name, s.topic_type, s.state_id, s.error_code, s.state_time
      FROM collection_member m
      JOIN client c ON c.id = m.client_id
      LEFT JOIN client_deployment_state s
        ON s.deployment_id = ${deployment.id} AND s.client_id = m.client_id
      WHERE m.collection_id = ${deployment.collectionId} AND ${condition}
      ORDER BY m.client_id
      LIMIT ${limit}
    `.execute(db);
    rows = result.rows;
  } else {
    const condition = subState === 'none' ? sql`1 = 0` : (pick ?? categoryCondition(category));
    const result = await sql<AssetRow>`
      SELECT s.client_id, c.name, s.topic_type, s.state_id, s.error_code, s.state_time
      FROM client_deployment_state s
      JOIN collection_member m
        ON m.collection_id = ${deployment.collectionId} AND m.client_id = s.client_id
      JOIN client c ON c.id = s.client_id
      WHERE s.deployment_id = ${deployment.id} AND ${condition}
      ORDER BY s.client_id
      LIMIT ${limit}
    `.execute(db);
    rows = result.rows;
  }
  return rows.map((row) => toAsset(row));
}

function toAsset(row: AssetRow): DeploymentAsset {
  const topicType =
    row.topic_type === null ? null : (Number(row.topic_type) as DeploymentTopicType);
  const stateId = row.state_id === null ? null : Number(row.state_id);
  const errorCode = Number(row.error_code ?? 0) | 0;
  return {
    clientId: Number(row.client_id),
    deviceName: row.name,
    statusTime: row.state_time,
    errorCode,
    errorCodeHex: errorCodeHex(errorCode),
    errorDescription: errorCodeMeaning(errorCode),
    category: categoryOf(topicType, stateId),
    subStateLabel: subStateLabel(topicType, stateId),
    lastMessageKey: subStateKey(topicType, stateId),
  };
}
