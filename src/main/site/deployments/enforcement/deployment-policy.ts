import type { z } from 'zod';
import {
  distributionPointContentPath,
  type PolicyContentFile,
  type PolicyDeployment,
  type PolicyMaintenanceWindow,
} from '../../../../shared/contract/client-protocol';
import {
  DeploymentPurpose,
  DownloadSettingsPage,
  StateMessageVerbosity,
  TimeBasedOn,
  UserExperiencePage,
} from '../../../../shared/contract/deployments';
import { CustomSchedule } from '../../../../shared/schedule/schedule';
import type { SiteDatabase } from '../../db/open-database';

/**
 * The deployments part of a client's policy (a CCM_UpdateCIAssignment per deployment): every
 * enabled deployment to a collection the client is a member of now, so a device added to a
 * collection later gets existing deployments at its next poll and a disabled or deleted one is
 * no longer listed. Content locations are the distribution points whose state for a package
 * holding the file is Success.
 */
export async function deploymentsForClient(
  site: SiteDatabase,
  clientId: number,
): Promise<PolicyDeployment[]> {
  const rows = await site.read
    .selectFrom('deployment as d')
    .innerJoin('collection_member as m', 'm.collection_id', 'd.collection_id')
    .select([
      'd.id',
      'd.assignment_unique_id',
      'd.name',
      'd.assignment_type',
      'd.group_id',
      'd.purpose',
      'd.verbosity',
      'd.time_based_on',
      'd.available_at',
      'd.deadline_at',
      'd.is_soft_deadline',
      'd.user_experience',
      'd.download_settings',
    ])
    .where('m.client_id', '=', clientId)
    .where('d.is_enabled', '=', 1)
    .orderBy('d.id')
    .execute();
  if (rows.length === 0) return [];
  const updatesOf = await deployedUpdates(
    site,
    rows.map((row) => row.id),
  );
  const ciIds = [...new Set([...updatesOf.values()].flat())];
  const updates = await updateContent(site, ciIds);
  return rows.map((row) => ({
    assignmentUniqueId: row.assignment_unique_id,
    name: row.name,
    purpose: DeploymentPurpose.parse(row.purpose),
    updates: (updatesOf.get(row.id) ?? []).flatMap((ciId) => updates.get(ciId) ?? []),
    availableTime: row.available_at,
    deadlineTime: row.deadline_at,
    timeBasedOn: TimeBasedOn.parse(row.time_based_on),
    verbosity: StateMessageVerbosity.parse(row.verbosity),
    isSoftDeadline: row.is_soft_deadline === 1,
    userExperience: knownSettings(UserExperiencePage, row.user_experience),
    downloadSettings: knownSettings(DownloadSettingsPage, row.download_settings),
  }));
}

/** The maintenance windows of every collection the client is in; the client merges them. */
export async function maintenanceWindowsForClient(
  site: SiteDatabase,
  clientId: number,
): Promise<PolicyMaintenanceWindow[]> {
  const rows = await site.read
    .selectFrom('maintenance_window as w')
    .innerJoin('collection_member as m', 'm.collection_id', 'w.collection_id')
    .select(['w.name', 'w.schedule', 'w.duration_minutes', 'w.apply_to', 'w.is_enabled'])
    .where('m.client_id', '=', clientId)
    .orderBy('w.id')
    .execute();
  return rows.map((row) => ({
    name: row.name,
    schedule: CustomSchedule.parse(JSON.parse(row.schedule)),
    durationMinutes: row.duration_minutes,
    applyTo: row.apply_to as PolicyMaintenanceWindow['applyTo'],
    isEnabled: row.is_enabled === 1,
  }));
}

/** A group deployment follows the group's members as they are now; others their own list. */
async function deployedUpdates(site: SiteDatabase, deploymentIds: number[]) {
  const byGroup = await site.read
    .selectFrom('deployment as d')
    .innerJoin('software_update_group_member as g', 'g.group_id', 'd.group_id')
    .select(['d.id', 'g.ci_id'])
    .where('d.id', 'in', deploymentIds)
    .where('d.assignment_type', '=', 5)
    .execute();
  const selected = await site.read
    .selectFrom('deployment as d')
    .innerJoin('deployment_update as u', 'u.deployment_id', 'd.id')
    .select(['d.id', 'u.ci_id'])
    .where('d.id', 'in', deploymentIds)
    .where('d.assignment_type', '<>', 5)
    .execute();
  const updatesOf = new Map<number, number[]>();
  for (const row of [...byGroup, ...selected])
    updatesOf.set(row.id, [...(updatesOf.get(row.id) ?? []), row.ci_id]);
  return updatesOf;
}

/** Each update's GUID, max run time and files, with where the files can be downloaded. */
async function updateContent(site: SiteDatabase, ciIds: number[]) {
  const result = new Map<number, PolicyDeployment['updates']>();
  for (let start = 0; start < ciIds.length; start += 500) {
    const slice = ciIds.slice(start, start + 500);
    const updates = await site.read
      .selectFrom('software_update')
      .select(['ci_id', 'update_id', 'max_execution_minutes', 'restart_behavior'])
      .where('ci_id', 'in', slice)
      .where('is_expired', '=', 0)
      .execute();
    // The files in packages are those of the languages the admin downloaded.
    const packaged = await site.read
      .selectFrom('deployment_package_content as pc')
      .leftJoin('package_distribution as pd', (join) =>
        join.onRef('pd.package_id', '=', 'pc.package_id').on('pd.state', '=', 'Success'),
      )
      .leftJoin('distribution_point as dp', 'dp.id', 'pd.distribution_point_id')
      .select([
        'pc.ci_id',
        'pc.relative_path',
        'pc.sha256',
        'pc.size',
        'dp.id as dp_id',
        'dp.kind',
        'dp.url',
        'dp.is_site_library',
      ])
      .where('pc.ci_id', 'in', slice)
      .orderBy('dp.is_site_library', 'desc')
      .orderBy('dp.id')
      .execute();
    const files = new Map<string, PolicyContentFile & { ciId: number }>();
    for (const row of packaged) {
      const key = `${row.ci_id}|${row.sha256}`;
      let file = files.get(key);
      if (!file) {
        const fileName = row.relative_path.split('/').at(-1) ?? row.relative_path;
        file = { ciId: row.ci_id, fileName, sha256: row.sha256, size: row.size, locations: [] };
        files.set(key, file);
      }
      if (row.dp_id === null) continue;
      const location = locationOf(row.sha256, {
        id: row.dp_id,
        kind: row.kind,
        url: row.url,
        isSiteLibrary: row.is_site_library === 1,
      });
      if (location && !file.locations.includes(location)) file.locations.push(location);
    }
    for (const update of updates)
      result.set(update.ci_id, [
        {
          updateId: update.update_id,
          maxRunTimeMinutes: update.max_execution_minutes,
          restartBehavior: update.restart_behavior,
          files: [...files.values()]
            .filter((file) => file.ciId === update.ci_id)
            .map(({ ciId: _ciId, ...file }) => file),
        },
      ]);
  }
  return result;
}

function locationOf(
  sha256: string,
  dp: { id: number; kind: string | null; url: string | null; isSiteLibrary: boolean },
): string | null {
  if (dp.kind === 'library')
    return distributionPointContentPath(sha256, dp.isSiteLibrary ? undefined : dp.id);
  if (dp.kind === 'remote' && dp.url)
    return `${dp.url.replace(/\/$/, '')}${distributionPointContentPath(sha256)}`;
  return null;
}

/** A settings document as stored, read with the page's schema (keys it does not know dropped). */
function knownSettings<Schema extends z.ZodObject>(schema: Schema, text: string): z.output<Schema> {
  const stored = JSON.parse(text) as Record<string, unknown>;
  const known = Object.fromEntries(
    Object.entries(stored).filter(([key]) => Object.hasOwn(schema.shape, key)),
  );
  return schema.parse(known);
}
