import { AlertsPage } from '../../../shared/contract/deployments';
import { cancelSiteAlerts, raiseSiteAlert } from '../alerts/raise-alert';
import type { Db } from '../compliance/update-counters';
import type { SiteDatabase } from '../db/open-database';
import { dueAlertIds } from './deployment-alert-deadline';
import { readDeploymentBreakdown, summaryCounters } from './deployment-counters';

export const deploymentAlertType = 'Software update deployment compliance';
const keyPrefix = 'deployment-compliance:';
const alertKey = (deploymentId: number) => `${keyPrefix}${deploymentId}`;

export interface AlertCheckResult {
  raised: number;
  closed: number;
}

/**
 * §7.5 / §9.4: a Required deployment with "Generate an alert when … client compliance is below"
 * raises one Critical alert in Monitoring > Alerts once its deadline plus the offset has passed
 * and NumberSuccess / NumberTargeted is below the threshold; the alert is canceled when
 * compliance recovers, the alert setting is turned off, or the deployment is deleted. Run by
 * the site's alert check timer and by every summarization.
 */
export async function checkDeploymentAlerts(
  site: SiteDatabase,
  now: Date,
): Promise<AlertCheckResult> {
  const nowIso = now.toISOString();
  const deployments = await site.db
    .selectFrom('deployment')
    .select(['id', 'name', 'collection_id', 'time_based_on', 'deadline_at', 'alerts'])
    .where('purpose', '=', 'Required')
    .where('deadline_at', 'is not', null)
    .execute();
  const alerting = deployments.flatMap((row) => {
    const alerts = AlertsPage.parse(JSON.parse(row.alerts));
    return alerts.isAlertOnLowCompliance ? [{ ...row, alerts }] : [];
  });
  const dueIds = await dueAlertIds(
    site.db,
    alerting.map((row) => ({
      id: row.id,
      collectionId: row.collection_id,
      deadline: row.deadline_at!,
      timeBasedOn: row.time_based_on,
      offsetFromDeadline: row.alerts.offsetFromDeadline,
      offsetUnit: row.alerts.offsetUnit,
    })),
    now,
  );
  const due = alerting
    .filter((row) => dueIds.has(row.id))
    .map((row) => ({ ...row, threshold: row.alerts.compliancePercentBelow }));
  const breakdowns = await readDeploymentBreakdown(
    site.db,
    due.map((row) => row.id),
  );
  const low = new Set<number>();
  let raised = 0;
  for (const row of due) {
    const counters = summaryCounters(breakdowns.get(row.id)!, nowIso);
    if (counters.numberTargeted === 0) continue;
    const percent = (counters.numberSuccess * 100) / counters.numberTargeted;
    if (percent >= row.threshold) continue;
    low.add(row.id);
    const message =
      `Compliance of deployment "${row.name}" is ${Math.floor(percent)}% ` +
      `(${counters.numberSuccess} of ${counters.numberTargeted} clients), below the alert threshold of ${row.threshold}%.`;
    raised += await raiseAlert(site.db, row.id, row.name, message, nowIso);
  }
  const active = await site.db
    .selectFrom('alert')
    .select(['alert_key'])
    .where('type', '=', deploymentAlertType)
    .where('state', '=', 'Active')
    .execute();
  const recovered = active
    .map((row) => Number(row.alert_key.slice(keyPrefix.length)))
    .filter((id) => !low.has(id));
  const closed = await closeDeploymentAlerts(site.db, recovered, nowIso);
  return { raised, closed };
}

/** Returns 1 when the alert became Active now (it was not Active before). */
async function raiseAlert(
  db: Db,
  deploymentId: number,
  name: string,
  message: string,
  now: string,
): Promise<number> {
  const key = alertKey(deploymentId);
  const held = await db
    .selectFrom('alert')
    .select(['state', 'message'])
    .where('alert_key', '=', key)
    .executeTakeFirst();
  if (held?.state === 'Active') {
    // Still low: keep the alert current without counting a new occurrence on every check.
    if (held.message !== message)
      await db.updateTable('alert').set({ message }).where('alert_key', '=', key).execute();
    return 0;
  }
  await raiseSiteAlert(
    db,
    {
      key,
      name: `Low compliance alert for deployment ${name}`,
      type: deploymentAlertType,
      message,
    },
    now,
  );
  return 1;
}

/** Cancels the compliance alerts of deployments (recovered, or being deleted: call it then). */
export async function closeDeploymentAlerts(
  db: Db,
  deploymentIds: readonly number[],
  now: string,
): Promise<number> {
  return cancelSiteAlerts(db, deploymentIds.map(alertKey), now);
}
