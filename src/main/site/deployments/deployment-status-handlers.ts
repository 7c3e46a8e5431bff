import {
  DeploymentStatusCategory,
  type DeploymentStatus,
} from '../../../shared/contract/deployments';
import { SiteError } from '../../../shared/errors';
import {
  categoryOf,
  subStateKey,
  subStateLabel,
} from '../../../shared/deployments/status-categories';
import type { SiteHandlers } from '../api/handlers';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { parseSubStateKey, readDeploymentAssets } from './deployment-assets';
import {
  categoryCounts,
  compliancePercent,
  readDeploymentBreakdown,
  summaryCounters,
  type DeploymentBreakdown,
} from './deployment-counters';
import { readDeployment, readDeploymentRow } from './deployment-rows';

export interface DeploymentStatusDependencies {
  database: SiteDatabase;
  clock: Clock;
}

/** The Category list of each tab: sub-states with counts, the most common first. */
function categoriesOf(breakdown: DeploymentBreakdown): DeploymentStatus['categories'] {
  const counts = categoryCounts(breakdown);
  const noState = breakdown.targeted - breakdown.states.reduce((sum, s) => sum + s.count, 0);
  return DeploymentStatusCategory.options.map((category) => {
    const subStates = breakdown.states
      .filter((state) => categoryOf(state.topicType, state.stateId) === category)
      .map((state) => ({
        key: subStateKey(state.topicType, state.stateId),
        label: subStateLabel(state.topicType, state.stateId),
        count: state.count,
      }));
    if (category === 'Unknown' && noState > 0)
      subStates.push({ key: 'none', label: subStateLabel(null, null), count: noState });
    subStates.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    return { category, count: counts[category], subStates };
  });
}

async function breakdownOf(database: SiteDatabase, id: number): Promise<DeploymentBreakdown> {
  const breakdown = (await readDeploymentBreakdown(database.read, [id])).get(id);
  if (!breakdown) throw new SiteError('not-found', `id: deployment ${id} does not exist.`);
  return breakdown;
}

/** View Status (§9.3): live categories, sub-states and Asset Details of one deployment. */
export function createDeploymentStatusHandlers(
  deps: DeploymentStatusDependencies,
): Pick<SiteHandlers, 'deployments.status' | 'deployments.assets'> {
  return {
    // One grouped state read serves both the counters and the categories (P11: < 500 ms at
    // 200,000 clients); the deployment's row is read without counting again.
    'deployments.status': async ({ id }) => {
      const breakdown = await breakdownOf(deps.database, id);
      const counters = summaryCounters(breakdown, deps.clock.now().toISOString());
      const deployment = await readDeployment(
        deps.database,
        deps.clock,
        id,
        deps.database.read,
        counters,
      );
      return {
        deployment: { ...deployment, compliancePercent: compliancePercent(counters) },
        categories: categoriesOf(breakdown),
      };
    },
    'deployments.assets': async ({ id, category, subStateKey: key, limit }) => {
      const row = await readDeploymentRow(deps.database.read, id);
      const subState = key === undefined ? null : parseSubStateKey(key);
      if (key !== undefined && subState === null)
        throw new SiteError(
          'invalid-input',
          `subStateKey: "${key}" is not a sub-state; use a key such as "301-7" or "none".`,
        );
      const breakdown = await breakdownOf(deps.database, id);
      const tab = categoriesOf(breakdown).find((each) => each.category === category)!;
      const total =
        key === undefined ? tab.count : (tab.subStates.find((s) => s.key === key)?.count ?? 0);
      const rows = await readDeploymentAssets(
        deps.database.read,
        { id, collectionId: row.collection_id },
        category,
        subState,
        limit,
      );
      return {
        rows,
        total,
        cappedMessage:
          total > rows.length
            ? `View Status shows the first ${rows.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} assets in this category; use reports to see them all.`
            : null,
      };
    },
  };
}
