import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import {
  RuleName,
  ruleSettingsProblems,
  type RuleSettings,
} from '../../../shared/contract/automatic-deployment-rules';
import type * as Rules from '../../../shared/contract/automatic-deployment-rules';
import type { DeploymentContent } from '../../../shared/contract/deployments';
import type { FieldProblem } from '../../../shared/contract/deployment-settings';
import { createPackage, type PackageServices } from '../content/package-changes';
import { readPackage } from '../content/package-rows';
import type { SiteSchema } from '../db/schema-types';
import { collectionProblem } from '../deployments/deployment-validation';
import { fieldError } from '../deployments/field-error';
import { readRuleRow, settingsOf, type RuleRow } from './rule-rows';
import { rulesChanged } from './rule-topics';

type Db = Kysely<SiteSchema>;
type ParsedCreate = z.output<typeof Rules.RuleCreate>;
type ParsedChange = z.output<typeof Rules.RuleChange>;
type Content = z.output<typeof DeploymentContent>;

export interface RuleStoreServices extends PackageServices {
  siteLibraryId(): number;
}

/** Why a rule name cannot be used, or null: valid, and unique without regard to case (§8.2). */
export async function ruleNameProblem(
  db: Db,
  name: string,
  excludeId: number | null,
): Promise<{ code: 'invalid-input' | 'conflict'; message: string } | null> {
  const parsed = RuleName.safeParse(name);
  if (!parsed.success) return { code: 'invalid-input', message: parsed.error.issues[0]!.message };
  let query = db
    .selectFrom('automatic_deployment_rule')
    .select('name')
    .where(sql<boolean>`lower(name) = ${parsed.data.toLowerCase()}`);
  if (excludeId !== null) query = query.where('id', '<>', excludeId);
  const clash = await query.executeTakeFirst();
  return clash
    ? {
        code: 'conflict',
        message: `an automatic deployment rule named "${clash.name}" already exists; choose another name`,
      }
    : null;
}

/** Every rule of the wizard's pages that a field's schema alone cannot check. */
async function settingsProblems(db: Db, settings: RuleSettings, excludeId: number | null) {
  const problems: FieldProblem[] = [];
  const name = await ruleNameProblem(db, settings.general.name, excludeId);
  if (name) throw fieldError(name.code, [{ path: ['general', 'name'], message: name.message }]);
  const { problem } = await collectionProblem(db, settings.general.collectionId);
  if (problem) throw fieldError('not-found', [problem]);
  problems.push(...ruleSettingsProblems(settings));
  if (problems.length > 0) throw fieldError('invalid-input', problems);
}

/**
 * The Deployment Package page of a rule: "New deployment package" is created when the wizard
 * finishes (its source folder checked then, not at the first run), and the rule keeps it as its
 * package from then on; "No deployment package" stays none (§8.3).
 */
async function resolveContent(
  services: RuleStoreServices,
  content: Content,
  user: string,
): Promise<Content> {
  const choice = content.deploymentPackage;
  if (choice.choice === 'none') return content;
  if (choice.choice === 'existing') {
    await readPackage(services.site.db, choice.packageId).catch(() => {
      throw fieldError('not-found', [
        {
          path: ['content', 'deploymentPackage', 'packageId'],
          message: `deployment package ${choice.packageId} does not exist`,
        },
      ]);
    });
    return content;
  }
  const pkg = await createPackage(
    services,
    {
      ...choice.package,
      ...content.distributionSettings,
      distributionPointIds: [
        services.siteLibraryId(),
        ...content.distributionPoints.distributionPointIds,
      ],
      distributionPointGroupIds: content.distributionPoints.distributionPointGroupIds,
    },
    user,
    { isAwaitingDownload: true },
  );
  return { ...content, deploymentPackage: { choice: 'existing', packageId: pkg.id } };
}

function rowValues(settings: RuleSettings) {
  return {
    name: settings.general.name,
    description: settings.general.description,
    template: settings.general.template,
    collection_id: settings.general.collectionId,
    group_mode: settings.general.groupMode,
    is_deployment_enabled_after_run: settings.general.isDeploymentEnabledAfterRun ? 1 : 0,
    criteria: JSON.stringify(settings.softwareUpdates.criteria),
    evaluation_run_type: settings.evaluationSchedule.runType,
    evaluation_schedule: settings.evaluationSchedule.schedule
      ? JSON.stringify(settings.evaluationSchedule.schedule)
      : null,
    deployment_settings: JSON.stringify({
      deploymentSettings: settings.deploymentSettings,
      deploymentSchedule: settings.deploymentSchedule,
      userExperience: settings.userExperience,
      alerts: settings.alerts,
      downloadSettings: settings.downloadSettings,
    }),
    content_settings: JSON.stringify(settings.content),
  };
}

/** New-CMSoftwareUpdateAutoDeploymentRule: checked, its package created, the row written. */
export async function createRule(
  services: RuleStoreServices,
  input: ParsedCreate,
  user: string,
): Promise<RuleRow> {
  const { runAfterCreate: _run, ...settings } = input;
  const db = services.site.db;
  await settingsProblems(db, settings, null);
  const content = await resolveContent(services, settings.content, user);
  const now = services.clock.now().toISOString();
  const row = await db
    .insertInto('automatic_deployment_rule')
    .values({
      ...rowValues({ ...settings, content }),
      is_enabled: 1,
      created_at: now,
      created_by: user,
      modified_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (/unique|23505/i.test(String((error as Error).message ?? error)))
        throw fieldError('conflict', [
          {
            path: ['general', 'name'],
            message: `an automatic deployment rule named "${settings.general.name}" already exists; choose another name`,
          },
        ]);
      throw error;
    });
  rulesChanged(services.events);
  return row;
}

/** Properties: the pages sent replace the stored ones; a page left out keeps its value. */
export async function updateRule(
  services: RuleStoreServices,
  change: ParsedChange,
  user: string,
): Promise<RuleRow> {
  const db = services.site.db;
  const row = await readRuleRow(db, change.id);
  const current = settingsOf(row);
  const next: RuleSettings = {
    general: { ...current.general, ...change.general },
    deploymentSettings: change.deploymentSettings ?? current.deploymentSettings,
    softwareUpdates: change.softwareUpdates ?? current.softwareUpdates,
    evaluationSchedule: change.evaluationSchedule ?? current.evaluationSchedule,
    deploymentSchedule: change.deploymentSchedule ?? current.deploymentSchedule,
    userExperience: change.userExperience ?? current.userExperience,
    alerts: change.alerts ?? current.alerts,
    downloadSettings: change.downloadSettings ?? current.downloadSettings,
    content: change.content ?? current.content,
  };
  if (
    current.content.deploymentPackage.choice === 'none' &&
    next.content.deploymentPackage.choice !== 'none'
  )
    throw fieldError('refused', [
      {
        path: ['content', 'deploymentPackage'],
        message:
          'this rule was created with "No deployment package" and cannot get a package later',
      },
    ]);
  await settingsProblems(db, next, row.id);
  const content = change.content
    ? await resolveContent(services, next.content, user)
    : next.content;
  const updated = await db
    .updateTable('automatic_deployment_rule')
    .set({ ...rowValues({ ...next, content }), modified_at: services.clock.now().toISOString() })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  rulesChanged(services.events);
  return updated;
}

/** Enable / Disable: a disabled rule is never evaluated by a schedule or a sync. */
export async function setRulesEnabled(
  services: RuleStoreServices,
  ids: number[],
  isEnabled: boolean,
): Promise<number> {
  const result = await services.site.db
    .updateTable('automatic_deployment_rule')
    .set({ is_enabled: isEnabled ? 1 : 0, modified_at: services.clock.now().toISOString() })
    .where('id', 'in', ids)
    .where('is_enabled', '=', isEnabled ? 0 : 1)
    .executeTakeFirst();
  rulesChanged(services.events);
  return Number(result.numUpdatedRows);
}

/** Delete: the rule and its extra deployments go; its groups, packages and deployments stay. */
export async function deleteRules(services: RuleStoreServices, ids: number[]): Promise<number> {
  const result = await services.site.db
    .deleteFrom('automatic_deployment_rule')
    .where('id', 'in', ids)
    .executeTakeFirst();
  rulesChanged(services.events);
  return Number(result.numDeletedRows);
}
