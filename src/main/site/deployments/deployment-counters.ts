import { sql } from 'kysely';
import type {
  DeploymentStatusCategory,
  DeploymentSummaryCounters,
} from '../../../shared/contract/deployments';
import {
  categoryOf,
  type DeploymentTopicType,
} from '../../../shared/deployments/status-categories';
import type { SiteDatabase } from '../db/open-database';
import type { Db } from '../compliance/update-counters';

/** How many targeted clients hold one (topic, state) as their latest state for a deployment. */
export interface StateCount {
  topicType: DeploymentTopicType;
  stateId: number;
  count: number;
}

export interface DeploymentBreakdown {
  /** Members of the target collection now. */
  targeted: number;
  /** Targeted clients per latest state; targeted clients without a state are not in it. */
  states: StateCount[];
}

/**
 * Live (not summarized) state counts of deployments: one grouped query over the
 * (deployment, topic, state, client) index joined to the target collection's membership, so a
 * client that left the collection stops counting at once. Both View Status and the counters of
 * Monitoring > Deployments read it.
 */
export async function readDeploymentBreakdown(
  db: Db,
  deploymentIds: readonly number[],
): Promise<Map<number, DeploymentBreakdown>> {
  const result = new Map<number, DeploymentBreakdown>();
  if (deploymentIds.length === 0) return result;
  const ids = [...new Set(deploymentIds)];
  const targeted = await sql<{ id: number; targeted: number }>`
    SELECT d.id AS id,
      (SELECT COUNT(*) FROM collection_member m WHERE m.collection_id = d.collection_id) AS targeted
    FROM deployment d WHERE d.id IN (${sql.join(ids)})
  `.execute(db);
  for (const row of targeted.rows)
    result.set(Number(row.id), { targeted: Number(row.targeted), states: [] });
  const states = await sql<{
    deployment_id: number;
    topic_type: number;
    state_id: number;
    n: number;
  }>`
    SELECT s.deployment_id, s.topic_type, s.state_id, COUNT(*) AS n
    FROM client_deployment_state s
    JOIN deployment d ON d.id = s.deployment_id
    JOIN collection_member m ON m.collection_id = d.collection_id AND m.client_id = s.client_id
    WHERE s.deployment_id IN (${sql.join(ids)})
    GROUP BY s.deployment_id, s.topic_type, s.state_id
  `.execute(db);
  for (const row of states.rows)
    result.get(Number(row.deployment_id))?.states.push({
      topicType: Number(row.topic_type) as DeploymentTopicType,
      stateId: Number(row.state_id),
      count: Number(row.n),
    });
  return result;
}

/** The five View Status categories of a breakdown; targeted clients without a state are Unknown. */
export function categoryCounts(
  breakdown: DeploymentBreakdown,
): Record<DeploymentStatusCategory, number> {
  const counts: Record<DeploymentStatusCategory, number> = {
    Compliant: 0,
    InProgress: 0,
    Error: 0,
    RequirementsNotMet: 0,
    Unknown: 0,
  };
  let withState = 0;
  for (const state of breakdown.states) {
    counts[categoryOf(state.topicType, state.stateId)] += state.count;
    withState += state.count;
  }
  counts.Unknown += breakdown.targeted - withState;
  return counts;
}

export function summaryCounters(
  breakdown: DeploymentBreakdown,
  now: string,
): DeploymentSummaryCounters {
  const counts = categoryCounts(breakdown);
  return {
    numberTargeted: breakdown.targeted,
    numberSuccess: counts.Compliant,
    numberInProgress: counts.InProgress,
    numberErrors: counts.Error,
    numberOther: counts.RequirementsNotMet,
    numberUnknown: counts.Unknown,
    summarizationTime: now,
  };
}

/**
 * The SMS_DeploymentSummary counters of deployments, live: Monitoring > Deployments, a group's
 * Deployments tab and `deployment list` read them. A deployment id the site does not have is
 * absent from the map. The five categories add up to NumberTargeted.
 */
export async function readDeploymentCounters(
  database: SiteDatabase,
  deploymentIds: readonly number[],
  now: string,
): Promise<Map<number, DeploymentSummaryCounters>> {
  const breakdowns = await readDeploymentBreakdown(database.read, deploymentIds);
  return new Map([...breakdowns].map(([id, each]) => [id, summaryCounters(each, now)]));
}

/** Compliance % of Monitoring > Deployments: NumberSuccess / NumberTargeted, whole percent. */
export function compliancePercent(counters: DeploymentSummaryCounters): number {
  return counters.numberTargeted === 0
    ? 0
    : Math.floor((counters.numberSuccess * 100) / counters.numberTargeted);
}
