import { sql, type Kysely } from 'kysely';
import {
  AlertsPage,
  DownloadSettingsPage,
  UserExperiencePage,
  type Deployment,
  type DeploymentDetail,
  type DeploymentPurpose,
  type DeploymentSettings,
  type DeploymentSummaryCounters,
  type StateMessageVerbosity,
  type TimeBasedOn,
} from '../../../shared/contract/deployments';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteSchema } from '../db/schema-types';
import { readDeploymentCounters } from './deployment-counters';
import { softwareNameOf } from './deployment-selection';

/**
 * Every deployment with what its row shows besides the live counters, as one derived table: the
 * list filters, sorts and pages on it, and `get` reads the same columns.
 */
export function deploymentRows(db: Kysely<SiteSchema>) {
  return db
    .selectFrom('deployment as d')
    .innerJoin('collection as c', 'c.id', 'd.collection_id')
    .leftJoin('software_update_group as g', 'g.id', 'd.group_id')
    .selectAll('d')
    .select([
      'c.name as collection_name',
      'g.name as group_name',
      // An Available deployment has no deadline; it sorts before every Required one.
      sql<string>`COALESCE(d.deadline_at, '')`.as('deadline_sort'),
      sql<number>`(SELECT COUNT(*) FROM deployment_update du WHERE du.deployment_id = d.id)`.as(
        'number_of_updates',
      ),
      sql<
        string | null
      >`(SELECT MIN(u.title) FROM deployment_update du JOIN software_update u ON u.ci_id = du.ci_id WHERE du.deployment_id = d.id)`.as(
        'first_title',
      ),
      sql<number>`(SELECT COUNT(*) FROM deployment_update du JOIN software_update u ON u.ci_id = du.ci_id WHERE du.deployment_id = d.id AND u.is_expired = 1)`.as(
        'number_of_expired',
      ),
    ]);
}

export type DeploymentRow = Awaited<
  ReturnType<ReturnType<typeof deploymentRows>['executeTakeFirstOrThrow']>
>;

export function toDeployment(row: DeploymentRow, counters: DeploymentSummaryCounters): Deployment {
  const updates = Number(row.number_of_updates);
  const softwareName = row.group_name ?? softwareNameOf(updates, row.first_title ?? '');
  return {
    ...counters,
    id: row.id,
    assignmentUniqueId: row.assignment_unique_id,
    name: row.name,
    description: row.description,
    assignmentType: row.assignment_type === 5 ? 5 : 1,
    softwareName,
    groupId: row.group_id,
    collectionId: row.collection_id,
    collectionName: row.collection_name,
    purpose: row.purpose as DeploymentPurpose,
    isEnabled: row.is_enabled === 1,
    timeBasedOn: row.time_based_on as TimeBasedOn,
    startTime: row.available_at,
    enforcementDeadline: row.deadline_at,
    numberOfUpdates: updates,
    containsExpiredUpdates: Number(row.number_of_expired) > 0,
    packageId: row.package_id,
    ruleId: row.adr_id,
    compliancePercent:
      counters.numberTargeted > 0
        ? Math.floor((counters.numberSuccess * 100) / counters.numberTargeted)
        : 0,
    dateCreated: row.created_at,
    createdBy: row.created_by,
    dateModified: row.modified_at,
    modifiedBy: row.modified_by,
  };
}

/** The setting pages back from their columns and JSON documents. */
export function settingsOf(row: DeploymentRow): DeploymentSettings {
  return {
    deploymentSettings: {
      purpose: row.purpose as DeploymentPurpose,
      isPreDownload: row.is_pre_download === 1,
      isWakeOnLan: row.is_wake_on_lan === 1,
      verbosity: row.verbosity as StateMessageVerbosity,
    },
    scheduling: {
      timeBasedOn: row.time_based_on as TimeBasedOn,
      availableTime: row.available_at,
      deadlineTime: row.deadline_at,
      isSoftDeadline: row.is_soft_deadline === 1,
    },
    userExperience: UserExperiencePage.parse(JSON.parse(row.user_experience)),
    alerts: AlertsPage.parse(JSON.parse(row.alerts)),
    downloadSettings: DownloadSettingsPage.parse(JSON.parse(row.download_settings)),
  };
}

export async function readDeploymentRow(
  db: Kysely<SiteSchema>,
  id: number,
): Promise<DeploymentRow> {
  const row = await db
    .selectFrom(deploymentRows(db).as('d'))
    .selectAll()
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new SiteError('not-found', `id: deployment ${id} does not exist.`);
  return row as DeploymentRow;
}

/**
 * One deployment with every setting. Changes pass the writer so the result is read after their
 * commit, never from a reader that could lag behind. A caller that has already read the live
 * counters (View Status derives them from its sub-state breakdown) passes them, so the grouped
 * state query runs once per request, not twice.
 */
export async function readDeployment(
  site: SiteDatabase,
  clock: Clock,
  id: number,
  db: Kysely<SiteSchema> = site.read,
  counted?: DeploymentSummaryCounters,
): Promise<DeploymentDetail> {
  const row = await readDeploymentRow(db, id);
  const now = clock.now().toISOString();
  const counters = counted
    ? new Map([[id, counted]])
    : await readDeploymentCounters(site, [id], now);
  const ciIds = await db
    .selectFrom('deployment_update')
    .select('ci_id')
    .where('deployment_id', '=', id)
    .orderBy('ci_id')
    .execute();
  return {
    ...toDeployment(row, counters.get(id) ?? emptyCounters(now)),
    settings: settingsOf(row),
    ciIds: ciIds.map((each) => each.ci_id),
  };
}

export function emptyCounters(now: string): DeploymentSummaryCounters {
  return {
    numberTargeted: 0,
    numberSuccess: 0,
    numberInProgress: 0,
    numberErrors: 0,
    numberOther: 0,
    numberUnknown: 0,
    summarizationTime: now,
  };
}
