import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import {
  AutomaticDeploymentRule,
  RuleAlertsPage,
  RuleDeploymentSchedulePage,
  RuleDeploymentSettings,
  RuleDeploymentSettingsPage,
  criteriaText,
  type AutomaticDeploymentRuleDetail,
  type RuleDeployment,
  type RuleSettings,
} from '../../../shared/contract/automatic-deployment-rules';
import { DeploymentContent } from '../../../shared/contract/deployments';
import {
  DownloadSettingsPage,
  UserExperiencePage,
} from '../../../shared/contract/deployment-settings';
import { RuleCriteria } from '../../../shared/contract/rule-criteria';
import { CustomSchedule } from '../../../shared/schedule/schedule';
import { SiteError } from '../../../shared/errors';
import type { SiteSchema } from '../db/schema-types';
import { findActiveRuleRun } from './rule-run-job';
import { nextRunOf, type NextRunContext } from './rule-next-run';
import type { SiteDatabase } from '../db/open-database';

type Db = Kysely<SiteSchema>;
export type RuleRow = Selectable<SiteSchema['automatic_deployment_rule']>;

/** The `deployment_settings` document of a rule: the pages of its own (first) deployment. */
export const StoredRuleDeployment = z.object({
  deploymentSettings: RuleDeploymentSettingsPage,
  deploymentSchedule: RuleDeploymentSchedulePage,
  userExperience: UserExperiencePage,
  alerts: RuleAlertsPage,
  downloadSettings: DownloadSettingsPage,
});
export type StoredRuleDeployment = z.output<typeof StoredRuleDeployment>;

/** A rule's error code as a signed 32-bit INTEGER column holds it (PostgreSQL has no unsigned). */
export function storedErrorCode(code: number): number {
  return code | 0;
}

/** 0x87D20418, as the node shows Last Error Code. */
export function errorCodeHex(code: number): string {
  return `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

/** Every wizard page of a stored rule. */
export function settingsOf(row: RuleRow): RuleSettings {
  const stored = StoredRuleDeployment.parse(JSON.parse(row.deployment_settings));
  const schedule =
    row.evaluation_schedule === null
      ? undefined
      : CustomSchedule.parse(JSON.parse(row.evaluation_schedule));
  return {
    general: {
      name: row.name,
      description: row.description,
      template: row.template,
      collectionId: row.collection_id,
      groupMode: row.group_mode as RuleSettings['general']['groupMode'],
      isDeploymentEnabledAfterRun: row.is_deployment_enabled_after_run === 1,
    },
    deploymentSettings: stored.deploymentSettings,
    softwareUpdates: { criteria: RuleCriteria.parse(JSON.parse(row.criteria)) },
    evaluationSchedule: {
      runType: row.evaluation_run_type as RuleSettings['evaluationSchedule']['runType'],
      ...(schedule && { schedule }),
    },
    deploymentSchedule: stored.deploymentSchedule,
    userExperience: stored.userExperience,
    alerts: stored.alerts,
    downloadSettings: stored.downloadSettings,
    content: DeploymentContent.parse(JSON.parse(row.content_settings)),
  };
}

/** The rule's package: set once the wizard's "new package" was created, or an existing one. */
export function packageIdOf(settings: RuleSettings): number | null {
  const choice = settings.content.deploymentPackage;
  return choice.choice === 'existing' ? choice.packageId : null;
}

const nextRunTexts: Record<string, string> = {
  'after-sync': 'After the next synchronization',
  manual: 'Run Now only',
  schedule: 'On its schedule',
};

export async function readRuleRow(db: Db, id: number): Promise<RuleRow> {
  const row = await db
    .selectFrom('automatic_deployment_rule')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new SiteError('not-found', `Automatic deployment rule ${id} does not exist.`);
  return row;
}

/**
 * One node row. The Next Run Time needs the sync schedule, the clock and the site's zone: pass
 * `nextRunContext(...)` (read once per list); without it the text says only when the rule runs.
 */
export async function toRule(
  site: SiteDatabase,
  row: RuleRow,
  nextRun?: NextRunContext,
): Promise<AutomaticDeploymentRule> {
  const db = site.read;
  const collection = await db
    .selectFrom('collection')
    .select('name')
    .where('id', '=', row.collection_id)
    .executeTakeFirst();
  const group =
    row.group_id === null
      ? undefined
      : await db
          .selectFrom('software_update_group')
          .select(['id', 'name'])
          .where('id', '=', row.group_id)
          .executeTakeFirst();
  const extra = await db
    .selectFrom('adr_deployment')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('adr_id', '=', row.id)
    .executeTakeFirstOrThrow();
  const running = await findActiveRuleRun(site, row.id);
  const settings = settingsOf(row);
  const next = nextRun
    ? await nextRunOf(site, row, nextRun)
    : { nextRunTime: null, nextRunText: nextRunTexts[row.evaluation_run_type] ?? '' };
  return AutomaticDeploymentRule.parse({
    id: row.id,
    name: row.name,
    description: row.description,
    isEnabled: row.is_enabled === 1,
    lastRunTime: row.last_run_at,
    lastErrorCode: row.last_error_code,
    lastErrorCodeHex: errorCodeHex(row.last_error_code),
    lastErrorTime: row.last_error_at,
    lastErrorMessage: row.last_error_message,
    collectionId: row.collection_id,
    collectionName: collection?.name ?? '',
    template: row.template,
    dateCreated: row.created_at,
    createdBy: row.created_by,
    runType: row.evaluation_run_type,
    nextRunTime: next.nextRunTime,
    nextRunText: next.nextRunText,
    groupId: group?.id ?? null,
    groupName: group?.name ?? null,
    packageId: packageIdOf(settings),
    deploymentCount: 1 + Number(extra.count),
    runningJobId: running?.id ?? null,
  });
}

/** The rule's own deployment settings as one deployment of the Deployments tab. */
export function ownDeploymentSettings(settings: RuleSettings): RuleDeploymentSettings {
  return {
    deploymentSettings: {
      purpose: settings.deploymentSettings.purpose,
      isPreDownload: settings.deploymentSettings.isPreDownload,
      isWakeOnLan: settings.deploymentSettings.isWakeOnLan,
      verbosity: settings.deploymentSettings.verbosity,
    },
    deploymentSchedule: settings.deploymentSchedule,
    userExperience: settings.userExperience,
    alerts: {
      isAlertOnLowCompliance: settings.alerts.isAlertOnLowCompliance,
      compliancePercentBelow: settings.alerts.compliancePercentBelow,
      offsetFromDeadline: settings.alerts.offsetFromDeadline,
      offsetUnit: settings.alerts.offsetUnit,
      isOperationsManagerAlertsDisabled: settings.alerts.isOperationsManagerAlertsDisabled,
      isOperationsManagerAlertOnFailure: settings.alerts.isOperationsManagerAlertOnFailure,
    },
    downloadSettings: settings.downloadSettings,
  };
}

/** A deployment of the rule as the run makes it: the target collection and the pages. */
export interface RuleDeploymentTarget {
  /** Null for the rule's own deployment. */
  id: number | null;
  collectionId: number;
  settings: RuleDeploymentSettings;
  deploymentId: number | null;
}

/** Every deployment of a rule: its own first, then those of Add Deployment in order. */
export async function ruleDeploymentTargets(db: Db, row: RuleRow): Promise<RuleDeploymentTarget[]> {
  const extras = await db
    .selectFrom('adr_deployment')
    .selectAll()
    .where('adr_id', '=', row.id)
    .orderBy('id')
    .execute();
  return [
    {
      id: null,
      collectionId: row.collection_id,
      settings: ownDeploymentSettings(settingsOf(row)),
      deploymentId: row.deployment_id,
    },
    ...extras.map((extra) => ({
      id: extra.id,
      collectionId: extra.collection_id,
      settings: RuleDeploymentSettings.parse(JSON.parse(extra.deployment_settings)),
      deploymentId: extra.deployment_id,
    })),
  ];
}

export async function toRuleDetail(
  site: SiteDatabase,
  row: RuleRow,
  nextRun?: NextRunContext,
): Promise<AutomaticDeploymentRuleDetail> {
  const settings = settingsOf(row);
  const targets = await ruleDeploymentTargets(site.read, row);
  const deployments: RuleDeployment[] = [];
  for (const target of targets) {
    const collection = await site.read
      .selectFrom('collection')
      .select('name')
      .where('id', '=', target.collectionId)
      .executeTakeFirst();
    const deployment =
      target.deploymentId === null
        ? undefined
        : await site.read
            .selectFrom('deployment')
            .select(['id', 'name'])
            .where('id', '=', target.deploymentId)
            .executeTakeFirst();
    deployments.push({
      id: target.id,
      collectionId: target.collectionId,
      collectionName: collection?.name ?? '',
      settings: target.settings,
      deploymentId: deployment?.id ?? null,
      deploymentName: deployment?.name ?? null,
    });
  }
  return {
    ...(await toRule(site, row, nextRun)),
    settings,
    criteriaText: criteriaText(settings.softwareUpdates.criteria),
    deployments,
  };
}
