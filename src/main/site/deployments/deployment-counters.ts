import type { DeploymentSummaryCounters } from '../../../shared/contract/deployments';
import {
  categoryOf,
  type DeploymentTopicType,
} from '../../../shared/deployments/status-categories';
import type { SiteDatabase } from '../db/open-database';

/**
 * The SMS_DeploymentSummary counters of deployments, read live: the collection's members are
 * targeted, and each member's latest 300/301/302 state puts it in one category (§9.3); a member
 * without a state is Unknown. (A first version for deploy-core; deploy-status owns this file.)
 */
export async function readDeploymentCounters(
  database: SiteDatabase,
  deploymentIds: readonly number[],
  now: string,
): Promise<Map<number, DeploymentSummaryCounters>> {
  const result = new Map<number, DeploymentSummaryCounters>();
  if (deploymentIds.length === 0) return result;
  const db = database.read;
  const ids = [...deploymentIds];
  const targeted = await db
    .selectFrom('deployment as d')
    .leftJoin('collection_member as m', 'm.collection_id', 'd.collection_id')
    .select(['d.id', (eb) => eb.fn.count<number>('m.client_id').as('targeted')])
    .where('d.id', 'in', ids)
    .groupBy('d.id')
    .execute();
  for (const row of targeted)
    result.set(row.id, {
      numberTargeted: Number(row.targeted),
      numberSuccess: 0,
      numberInProgress: 0,
      numberErrors: 0,
      numberOther: 0,
      numberUnknown: Number(row.targeted),
      summarizationTime: now,
    });
  const states = await db
    .selectFrom('client_deployment_state as s')
    .innerJoin('deployment as d', 'd.id', 's.deployment_id')
    .innerJoin('collection_member as m', (join) =>
      join
        .onRef('m.collection_id', '=', 'd.collection_id')
        .onRef('m.client_id', '=', 's.client_id'),
    )
    .select([
      's.deployment_id',
      's.topic_type',
      's.state_id',
      (eb) => eb.fn.countAll<number>().as('clients'),
    ])
    .where('s.deployment_id', 'in', ids)
    .groupBy(['s.deployment_id', 's.topic_type', 's.state_id'])
    .execute();
  const field = {
    Compliant: 'numberSuccess',
    InProgress: 'numberInProgress',
    Error: 'numberErrors',
    RequirementsNotMet: 'numberOther',
    Unknown: 'numberUnknown',
  } as const;
  for (const row of states) {
    const counters = result.get(row.deployment_id);
    if (!counters) continue;
    const category = categoryOf(row.topic_type as DeploymentTopicType, row.state_id);
    if (category === 'Unknown') continue;
    const clients = Number(row.clients);
    counters[field[category]] += clients;
    counters.numberUnknown -= clients;
  }
  return result;
}
