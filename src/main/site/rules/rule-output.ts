import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DeploymentSettings } from '../../../shared/contract/deployment-settings';
import type { Clock } from '../clock';
import type { SiteSchema } from '../db/schema-types';
import { recomputeGroups } from '../compliance/group-compliance';
import { writeDownloadedContent } from '../content/package-content-commit';
import type { DeploymentAuditEntry } from '../deployments/deployment-audit';
import { writeDeploymentAudit } from '../deployments/deployment-audit';
import { deploymentNameProblem } from '../deployments/deployment-names';
import { deriveDeploymentCompliance } from '../deployments/deployment-state-ingest';
import { insertDeploymentIn, settingsColumns } from '../deployments/deployment-store';
import { writeGroupAudit } from '../groups/group-audit';
import { refreshDeployedFlags } from '../groups/deployed-members';
import { newGroupUniqueId } from '../groups/group-unique-id';
import { addMembers, batches } from '../groups/member-rows';
import type { StagedContent } from './rule-content';
import type { RuleDeploymentTarget, RuleRow } from './rule-rows';
import { deploymentTimesFor, ruleGroupName } from './rule-times';

export interface RuleOutput {
  groupId: number;
  groupName: string;
  deploymentIds: number[];
  audits: DeploymentAuditEntry[];
  content: { sourceVersion: number; filesAdded: number } | null;
  /** Sentences for ruleengine.log, in the order they happened. */
  notes: string[];
}

/**
 * The last step of a run, in the caller's one transaction: the package's new content, the group
 * (a new dated one, or the existing one emptied and refilled, §8.1), then each deployment of the
 * rule created or refreshed, and the rule's own row. Any error rolls all of it back.
 */
export async function writeRuleOutput(
  trx: Kysely<SiteSchema>,
  clock: Clock,
  input: {
    rule: RuleRow;
    ciIds: number[];
    targets: RuleDeploymentTarget[];
    packageId: number | null;
    staged: StagedContent | null;
    scheduledStart: Date;
    siteCode: string;
    user: string;
  },
): Promise<RuleOutput> {
  const { rule, ciIds } = input;
  const at = clock.now();
  const now = at.toISOString();
  const notes: string[] = [];
  const content = input.staged
    ? await writeDownloadedContent(
        trx,
        input.staged.packageId,
        input.staged.plan,
        input.staged.acquired,
        now,
      )
    : null;

  const existing =
    rule.group_mode === 'existing-group' && rule.group_id !== null
      ? await trx
          .selectFrom('software_update_group')
          .select(['id', 'name'])
          .where('id', '=', rule.group_id)
          .executeTakeFirst()
      : undefined;
  let group: { id: number; name: string };
  let removed: number[] = [];
  if (existing) {
    group = existing;
    const before = await trx
      .selectFrom('software_update_group_member')
      .select('ci_id')
      .where('group_id', '=', group.id)
      .execute();
    removed = before.map((row) => row.ci_id);
    await trx.deleteFrom('software_update_group_member').where('group_id', '=', group.id).execute();
    await addMembers(trx, group.id, ciIds, now);
    await trx
      .updateTable('software_update_group')
      .set({ modified_at: now, modified_by: input.user })
      .where('id', '=', group.id)
      .execute();
    notes.push(
      `Emptied the existing update group "${group.name}" (${removed.length} updates) and added the ${ciIds.length} current matches.`,
    );
  } else {
    const name = await freeGroupName(trx, ruleGroupName(rule.name, at));
    const row = await trx
      .insertInto('software_update_group')
      .values({
        ci_unique_id: newGroupUniqueId(input.siteCode),
        name,
        description: `Created by the automatic deployment rule "${rule.name}".`,
        adr_id: rule.id,
        created_at: now,
        created_by: input.user,
        modified_at: now,
        modified_by: input.user,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    group = { id: row.id, name };
    await addMembers(trx, group.id, ciIds, now);
    notes.push(`We need to create a new UpdateGroup: "${name}" with ${ciIds.length} updates.`);
  }
  await recomputeGroups(trx, [group.id], null);
  await writeGroupAudit(trx, {
    time: now,
    user: input.user,
    action: existing ? 'Refresh software update group' : 'Create software update group',
    group,
    details: { rule: rule.name, ciIds },
  });

  const collections = new Map(
    (
      await trx
        .selectFrom('collection')
        .select(['id', 'name'])
        .where(
          'id',
          'in',
          input.targets.map((target) => target.collectionId),
        )
        .execute()
    ).map((row) => [row.id, row]),
  );
  const isEnabled = rule.is_deployment_enabled_after_run === 1;
  const deploymentIds: number[] = [];
  const audits: DeploymentAuditEntry[] = [];
  for (const [index, target] of input.targets.entries()) {
    const collection = collections.get(target.collectionId);
    if (!collection)
      throw new RuleStepError(
        'collectionMissing',
        `The target collection ${target.collectionId} of the rule no longer exists.`,
      );
    const settings = deploymentSettingsFor(target, input.scheduledStart);
    const refreshed = existing
      ? await refreshDeployment(trx, clock, target.deploymentId, group.id, ciIds, removed, {
          settings,
          isEnabled,
          user: input.user,
        })
      : null;
    if (refreshed !== null) {
      deploymentIds.push(refreshed.id);
      audits.push(refreshed.audit);
      notes.push(`Refreshed deployment ${refreshed.id} "${refreshed.audit.deployment.name}".`);
    } else {
      const base = `${group.name}${index === 0 ? '' : ` - ${collection.name}`}`;
      const name = await freeDeploymentName(trx, base);
      const created = await insertDeploymentIn(
        trx,
        clock,
        {
          name,
          description: `Deployed by the automatic deployment rule "${rule.name}".`,
          selection: {
            groupId: group.id,
            assignmentType: 5,
            ciIds,
            softwareName: group.name,
            expired: [],
            notDownloaded: 0,
          },
          collection,
          settings,
        },
        {
          assignmentUniqueId: `{${randomUUID().toUpperCase()}}`,
          packageId: input.packageId,
          isEnabled,
          user: input.user,
          ruleId: rule.id,
        },
      );
      deploymentIds.push(created.id);
      audits.push(created.audit);
      notes.push(
        `We need to create a new Deployment: ${created.id} "${name}" to "${collection.name}"${isEnabled ? '' : ' (disabled)'}.`,
      );
    }
    if (target.id === null)
      await trx
        .updateTable('automatic_deployment_rule')
        .set({ deployment_id: deploymentIds[index]! })
        .where('id', '=', rule.id)
        .execute();
    else
      await trx
        .updateTable('adr_deployment')
        .set({ deployment_id: deploymentIds[index]! })
        .where('id', '=', target.id)
        .execute();
  }
  await trx
    .updateTable('automatic_deployment_rule')
    .set({
      group_id: group.id,
      last_run_at: now,
      last_error_code: 0,
      last_error_at: null,
      last_error_message: '',
      modified_at: now,
    })
    .where('id', '=', rule.id)
    .execute();
  return {
    groupId: group.id,
    groupName: group.name,
    deploymentIds,
    audits,
    content,
    notes,
  };
}

/** The deployment pages of one of the rule's deployments, with this evaluation's times. */
export function deploymentSettingsFor(
  target: RuleDeploymentTarget,
  scheduledStart: Date,
): DeploymentSettings {
  const { settings } = target;
  const times = deploymentTimesFor(
    settings.deploymentSchedule,
    settings.deploymentSettings.purpose,
    scheduledStart,
  );
  return {
    deploymentSettings: settings.deploymentSettings,
    scheduling: {
      timeBasedOn: settings.deploymentSchedule.timeBasedOn,
      availableTime: times.availableTime,
      deadlineTime: times.deadlineTime,
      isSoftDeadline: settings.deploymentSchedule.isSoftDeadline,
    },
    userExperience: settings.userExperience,
    alerts: settings.alerts,
    downloadSettings: settings.downloadSettings,
  };
}

/**
 * Existing-group mode keeps the deployments of the group and gives them the group's new updates
 * and this run's times; null when the rule has no deployment of that group yet.
 */
async function refreshDeployment(
  trx: Kysely<SiteSchema>,
  clock: Clock,
  deploymentId: number | null,
  groupId: number,
  ciIds: number[],
  removed: number[],
  change: { settings: DeploymentSettings; isEnabled: boolean; user: string },
): Promise<{ id: number; audit: DeploymentAuditEntry } | null> {
  if (deploymentId === null) return null;
  const row = await trx
    .selectFrom('deployment')
    .select(['id', 'name', 'assignment_type', 'purpose'])
    .where('id', '=', deploymentId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  // The purpose of a deployment is fixed once created; a changed one gets a new deployment.
  if (!row || row.purpose !== change.settings.deploymentSettings.purpose) return null;
  const now = clock.now().toISOString();
  await trx.deleteFrom('deployment_update').where('deployment_id', '=', row.id).execute();
  for (const batch of batches(ciIds))
    await trx
      .insertInto('deployment_update')
      .values(batch.map((ciId) => ({ deployment_id: row.id, ci_id: ciId })))
      .execute();
  await refreshDeployedFlags(trx, [...new Set([...removed, ...ciIds])]);
  await trx
    .updateTable('deployment')
    .set({
      ...settingsColumns(change.settings, clock),
      is_enabled: change.isEnabled ? 1 : 0,
      modified_at: now,
      modified_by: change.user,
    })
    .where('id', '=', row.id)
    .execute();
  await deriveDeploymentCompliance(trx, { deploymentIds: [row.id] });
  const audit: DeploymentAuditEntry = {
    action: 'modified',
    time: now,
    user: change.user,
    deployment: { id: row.id, name: row.name, assignmentType: row.assignment_type },
    details: { updates: ciIds.length, reason: 'automatic deployment rule run' },
  };
  await writeDeploymentAudit(trx, audit);
  return { id: row.id, audit };
}

/** Deployment names are unique in the site: a second run in the same second gets " (2)". */
async function freeDeploymentName(trx: Kysely<SiteSchema>, base: string): Promise<string> {
  const trimmed = base.slice(0, 250);
  for (let attempt = 1; ; attempt += 1) {
    const name = attempt === 1 ? trimmed : `${trimmed} (${attempt})`;
    if (!(await deploymentNameProblem(trx, name, null))) return name;
  }
}

/** Two runs of a rule in one second (Run Now twice) would name two groups alike. */
async function freeGroupName(trx: Kysely<SiteSchema>, base: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const name = attempt === 1 ? base : `${base} (${attempt})`;
    const taken = await trx
      .selectFrom('software_update_group')
      .select('id')
      .where(sql<boolean>`lower(name) = ${name.toLowerCase()}`)
      .executeTakeFirst();
    if (!taken) return name;
  }
}

/** A step that failed for a reason the rule's Last Error Code names. */
export class RuleStepError extends Error {
  override readonly name = 'RuleStepError';
  constructor(
    readonly code:
      | 'tooManyUpdates'
      | 'collectionMissing'
      | 'contentDownloadFailed'
      | 'packageFailed'
      | 'deploymentFailed',
    message: string,
  ) {
    super(message);
  }
}
