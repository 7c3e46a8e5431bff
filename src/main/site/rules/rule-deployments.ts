import type { z } from 'zod';
import {
  ruleSettingsProblems,
  type RuleDeploymentChange,
  type RuleDeploymentCreate,
  type RuleDeploymentSettings,
} from '../../../shared/contract/automatic-deployment-rules';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { collectionProblem } from '../deployments/deployment-validation';
import { fieldError } from '../deployments/field-error';
import type { SiteEvents } from '../events/site-events';
import { readRuleRow, ruleDeploymentTargets } from './rule-rows';
import { rulesChanged } from './rule-topics';

interface Services {
  site: SiteDatabase;
  clock: Clock;
  events: SiteEvents;
}

/**
 * Add Deployment (§8.4): another collection for the rule's group and package, with its own
 * Deployment Settings, Deployment Schedule, User Experience, Alerts and Download Settings. The
 * next run creates (or, in existing-group mode, refreshes) it beside the rule's own.
 */
export async function addRuleDeployment(
  services: Services,
  input: z.output<typeof RuleDeploymentCreate>,
): Promise<void> {
  const rule = await readRuleRow(services.site.db, input.ruleId);
  await checkTarget(services, rule.id, input.collectionId, input.settings, null);
  await services.site.db
    .insertInto('adr_deployment')
    .values({
      adr_id: rule.id,
      collection_id: input.collectionId,
      deployment_settings: JSON.stringify(input.settings),
      created_at: services.clock.now().toISOString(),
    })
    .execute();
  rulesChanged(services.events);
}

/** Set-CMAutoDeploymentRuleDeployment: the collection or pages of one added deployment. */
export async function updateRuleDeployment(
  services: Services,
  input: z.output<typeof RuleDeploymentChange>,
): Promise<void> {
  const row = await readExtra(services, input.ruleId, input.id);
  const settings: RuleDeploymentSettings = input.settings ?? JSON.parse(row.deployment_settings);
  const collectionId = input.collectionId ?? row.collection_id;
  await checkTarget(services, input.ruleId, collectionId, settings, row.id);
  await services.site.db
    .updateTable('adr_deployment')
    .set({ collection_id: collectionId, deployment_settings: JSON.stringify(settings) })
    .where('id', '=', row.id)
    .execute();
  rulesChanged(services.events);
}

/** Remove-CMAutoDeploymentRuleDeployment: later runs no longer make it; made ones stay. */
export async function removeRuleDeployment(
  services: Services,
  ruleId: number,
  id: number,
): Promise<void> {
  const row = await readExtra(services, ruleId, id);
  await services.site.db.deleteFrom('adr_deployment').where('id', '=', row.id).execute();
  rulesChanged(services.events);
}

async function readExtra(services: Services, ruleId: number, id: number) {
  await readRuleRow(services.site.db, ruleId);
  const row = await services.site.db
    .selectFrom('adr_deployment')
    .selectAll()
    .where('id', '=', id)
    .where('adr_id', '=', ruleId)
    .executeTakeFirst();
  if (!row)
    throw new SiteError('not-found', `Rule ${ruleId} has no added deployment with the id ${id}.`);
  return row;
}

/**
 * One deployment per collection in a rule: two deployments of the same group to the same
 * collection would only fight over the same clients' deadlines.
 */
async function checkTarget(
  services: Services,
  ruleId: number,
  collectionId: number,
  settings: RuleDeploymentSettings,
  selfId: number | null,
) {
  const { problem } = await collectionProblem(services.site.db, collectionId);
  if (problem) throw fieldError('not-found', [{ ...problem, path: ['collectionId'] }]);
  const rule = await readRuleRow(services.site.db, ruleId);
  const targets = await ruleDeploymentTargets(services.site.db, rule);
  if (targets.some((target) => target.collectionId === collectionId && target.id !== selfId))
    throw fieldError('conflict', [
      {
        path: ['collectionId'],
        message: 'the rule already deploys to this collection; choose another collection',
      },
    ]);
  const problems = ruleSettingsProblems({
    deploymentSettings: settings.deploymentSettings,
    deploymentSchedule: settings.deploymentSchedule,
    userExperience: settings.userExperience,
  }).map((each) => ({ ...each, path: ['settings', ...each.path] }));
  if (problems.length > 0) throw fieldError('invalid-input', problems);
}
