import { deriveDeploymentCompliance, replayEnforcementMessages } from './deployment-state-ingest';
import type { Kysely } from 'kysely';
import { normalizeWallClock, type DeploymentSettings } from '../../../shared/contract/deployments';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteSchema } from '../db/schema-types';
import { refreshDeployedFlags } from '../groups/deployed-members';
import { batches } from '../groups/member-rows';
import { writeDeploymentAudit, type DeploymentAuditEntry } from './deployment-audit';
import { asDeploymentNameConflict } from './deployment-names';
import type { ValidDeployment } from './deployment-validation';
import { nowFor } from './deployment-validation';

/** The columns that hold the settings pages (the rest of §7 is JSON read as a whole). */
export function settingsColumns(settings: DeploymentSettings, clock: Clock) {
  const { deploymentSettings: ds, scheduling } = settings;
  const now = nowFor(settings, clock).wallClock;
  // ASAP is fixed at the moment it is saved: clients learn of it at their next policy poll.
  const resolve = (value: string) => normalizeWallClock(value === 'asap' ? now : value);
  return {
    is_pre_download: ds.isPreDownload ? 1 : 0,
    is_wake_on_lan: ds.isWakeOnLan ? 1 : 0,
    verbosity: ds.verbosity,
    time_based_on: scheduling.timeBasedOn,
    available_at: resolve(scheduling.availableTime),
    deadline_at: scheduling.deadlineTime == null ? null : resolve(scheduling.deadlineTime),
    is_soft_deadline: scheduling.isSoftDeadline ? 1 : 0,
    user_experience: JSON.stringify(settings.userExperience),
    alerts: JSON.stringify(settings.alerts),
    download_settings: JSON.stringify(settings.downloadSettings),
  };
}

/**
 * The Create Deployment step: the assignment, its updates and their Deployed flag, and the
 * audit row, in one transaction. Returns the audit entry to raise once it has committed.
 */
export async function insertDeployment(
  site: SiteDatabase,
  clock: Clock,
  valid: ValidDeployment,
  extra: DeploymentExtra,
): Promise<{ id: number; audit: DeploymentAuditEntry }> {
  try {
    return await site.db
      .transaction()
      .execute((trx) => insertDeploymentIn(trx, clock, valid, extra));
  } catch (error) {
    throw asDeploymentNameConflict(error, valid.name, ['general', 'name']);
  }
}

export interface DeploymentExtra {
  assignmentUniqueId: string;
  packageId: number | null;
  isEnabled: boolean;
  user: string;
  /** The automatic deployment rule that made it (§8.3), if any. */
  ruleId?: number | null;
}

/**
 * The rows of `insertDeployment` in the caller's transaction: the rule engine creates a run's
 * group, content and deployments in one (§8.1, nothing half made).
 */
export async function insertDeploymentIn(
  trx: Kysely<SiteSchema>,
  clock: Clock,
  valid: ValidDeployment,
  extra: DeploymentExtra,
): Promise<{ id: number; audit: DeploymentAuditEntry }> {
  const now = clock.now().toISOString();
  const { selection } = valid;
  const row = await trx
    .insertInto('deployment')
    .values({
      assignment_unique_id: extra.assignmentUniqueId,
      name: valid.name,
      description: valid.description,
      assignment_type: selection.assignmentType,
      group_id: selection.groupId,
      collection_id: valid.collection.id,
      adr_id: extra.ruleId ?? null,
      package_id: extra.packageId,
      purpose: valid.settings.deploymentSettings.purpose,
      is_enabled: extra.isEnabled ? 1 : 0,
      ...settingsColumns(valid.settings, clock),
      contains_expired_updates: 0,
      created_at: now,
      created_by: extra.user,
      modified_at: now,
      modified_by: extra.user,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addDeploymentUpdates(trx, row.id, selection.ciIds);
  // States clients sent before the deployment existed here, and those that already have
  // every update installed or not required (deploy-status).
  await replayEnforcementMessages(trx, row.id, extra.assignmentUniqueId);
  await deriveDeploymentCompliance(trx, { deploymentIds: [row.id] });
  const audit: DeploymentAuditEntry = {
    action: 'created',
    time: now,
    user: extra.user,
    deployment: { id: row.id, name: valid.name, assignmentType: selection.assignmentType },
    details: {
      software: selection.softwareName,
      collection: valid.collection.name,
      purpose: valid.settings.deploymentSettings.purpose,
      updates: selection.ciIds.length,
    },
  };
  await writeDeploymentAudit(trx, audit);
  return { id: row.id, audit };
}

async function addDeploymentUpdates(trx: Kysely<SiteSchema>, id: number, ciIds: number[]) {
  for (const batch of batches(ciIds))
    await trx
      .insertInto('deployment_update')
      .values(batch.map((ciId) => ({ deployment_id: id, ci_id: ciId })))
      .execute();
  await refreshDeployedFlags(trx, ciIds);
}
