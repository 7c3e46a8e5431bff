import type {
  RuleRunResult,
  RuleSettings,
} from '../../../shared/contract/automatic-deployment-rules';
import { criteriaText, ruleErrorCodes } from '../../../shared/contract/automatic-deployment-rules';
import type { DownloadJobResult } from '../../../shared/contract/deployment-packages';
import type { Clock } from '../clock';
import { readPackage } from '../content/package-rows';
import { distributePackage } from '../content/package-distribution';
import { contentTopic } from '../content/distribution-points';
import type { DownloadDependencies } from '../content/download-job';
import type { SiteDatabase } from '../db/open-database';
import { raiseDeploymentAudits } from '../deployments/deployment-audit';
import { deploymentsChanged } from '../deployments/deployment-topics';
import type { SiteEvents } from '../events/site-events';
import { groupsTopic } from '../groups/group-changes';
import { defineJob, PermanentJobError, type JobContext } from '../jobs/job-handler';
import type { ComponentLog } from '../logs/component-log';
import type { StatusMessages } from '../status/status-messages';
import {
  discardStagedContent,
  moveStagedContent,
  RuleDownloadError,
  stageRuleContent,
  type StagedContent,
} from './rule-content';
import { evaluateRule } from './rule-evaluation';
import { recordRuleFailure, recordRuleSuccess, type RuleErrorName } from './rule-failure';
import { RuleStepError, writeRuleOutput, type RuleOutput } from './rule-output';
import {
  errorCodeHex,
  packageIdOf,
  readRuleRow,
  ruleDeploymentTargets,
  settingsOf,
  type RuleRow,
} from './rule-rows';
import { RuleRunJobParams, ruleRunJobKind } from './rule-run-job';
import { rulesChanged } from './rule-topics';

export interface RuleEngineDependencies {
  site: SiteDatabase;
  clock: Clock;
  events: SiteEvents;
  statusMessages: StatusMessages;
  siteCode: string;
  /** RuleEngine.log (SMS_RULE_ENGINE). */
  log: ComponentLog;
  /** The Download wizard's file acquisition and distribution, run into the rule's package. */
  download: DownloadDependencies;
}

type Step = RuleRunResult['steps'][number];

/** Who the objects a run makes are created by, as ConfigMgr's rule engine (Local System). */
export const ruleEngineUser = 'SYSTEM';

/**
 * SMS_RULE_ENGINE: one evaluation of a rule as a durable job (§8.1). Evaluate -> Download (into
 * a staging folder of the rule's package) -> Software Update Group + Deploy (one transaction).
 * Every failure, the 1,000 cap included, leaves the site as it was before the run and marks
 * the rule with a Last Error Code, a status message and, if asked, an alert.
 */
export function createRuleEngineJob(deps: RuleEngineDependencies) {
  return defineJob({
    kind: ruleRunJobKind,
    params: RuleRunJobParams,
    maxAttempts: 1,
    isResumable: false,
    async run(context): Promise<RuleRunResult> {
      const { params } = context;
      const log = deps.log;
      const scheduledStart = new Date(params.scheduledStart);
      let rule: RuleRow;
      try {
        rule = await readRuleRow(deps.site.db, params.ruleId);
      } catch {
        throw new PermanentJobError(`Automatic deployment rule ${params.ruleId} does not exist.`);
      }
      const settings = settingsOf(rule);
      const steps: Step[] = [];
      const state: { download: DownloadJobResult | null } = { download: null };
      const result = (
        outcome: 'Succeeded' | 'Failed',
        code: number,
        message: string,
        updateCount: number,
        output: RuleOutput | null,
      ): RuleRunResult => ({
        ruleId: rule.id,
        ruleName: rule.name,
        outcome,
        errorCode: code,
        errorCodeHex: errorCodeHex(code),
        message,
        scheduledStart: scheduledStart.toISOString(),
        updateCount,
        groupId: output?.groupId ?? null,
        groupName: output?.groupName ?? null,
        packageId: packageIdOf(settings),
        deploymentIds: output?.deploymentIds ?? [],
        steps,
        download: state.download,
      });
      const note = async (text: string, severity: 'info' | 'error' = 'info') => {
        if (severity === 'error') log.error(text);
        else log.info(text);
        await context.log(text, severity);
      };
      const skipRest = (after: Step['step']) => {
        const order: Step['step'][] = ['Evaluate', 'Download', 'SoftwareUpdateGroup', 'Deploy'];
        for (const step of order.slice(order.indexOf(after) + 1))
          if (!steps.some((each) => each.step === step))
            steps.push({ step, outcome: 'Skipped', message: 'Not run: an earlier step failed.' });
      };
      const fail = async (
        step: Step['step'],
        error: RuleErrorName,
        message: string,
        updateCount: number,
      ): Promise<never> => {
        steps.push({ step, outcome: 'Failed', message });
        skipRest(step);
        const code = await recordRuleFailure(deps, rule, {
          error,
          message,
          isAlertOnRuleFailure: settings.alerts.isAlertOnRuleFailure,
          jobId: context.jobId,
        });
        await note(`Rule "${rule.name}" failed (${errorCodeHex(code)}): ${message}`, 'error');
        rulesChanged(deps.events);
        context.progress(1, message);
        throw new PermanentJobError(message, result('Failed', code, message, updateCount, null));
      };

      await note(
        `Processing rule ${rule.id} "${rule.name}" (${params.trigger}); scheduled start ${scheduledStart.toISOString()}.`,
      );
      // Evaluate.
      context.progress(0.02, `Evaluating "${rule.name}"`);
      const criteria = settings.softwareUpdates.criteria;
      await note(`Search criteria: ${criteriaText(criteria)}`);
      const evaluation = await evaluateRule(deps.site.db, {
        criteria,
        licenseTerms: settings.deploymentSettings.licenseTerms,
        now: scheduledStart,
      });
      const count = evaluation.ciIds.length;
      await note(
        `Rule resulted in a total of ${count} updates${evaluation.skippedForLicense > 0 ? ` (${evaluation.skippedForLicense} with license terms left out)` : ''}.`,
      );
      if (evaluation.problem) await fail('Evaluate', 'tooManyUpdates', evaluation.problem, count);
      const collection = await deps.site.db
        .selectFrom('collection')
        .select('id')
        .where('id', '=', rule.collection_id)
        .executeTakeFirst();
      if (!collection)
        await fail(
          'Evaluate',
          'collectionMissing',
          `The rule's target collection ${rule.collection_id} no longer exists; nothing was created.`,
          count,
        );
      steps.push({
        step: 'Evaluate',
        outcome: 'Succeeded',
        message: `${count} software updates match the criteria.`,
      });
      if (count === 0) {
        const message = `Rule "${rule.name}" selected no software updates; no group or deployment was needed.`;
        for (const step of ['Download', 'SoftwareUpdateGroup', 'Deploy'] as const)
          steps.push({ step, outcome: 'Skipped', message: 'Nothing to do: no update matched.' });
        await markRun(deps, rule);
        await recordRuleSuccess(deps, rule, message, context.jobId);
        await note(message);
        context.progress(1, message);
        return result('Succeeded', 0, message, 0, null);
      }
      context.throwIfCancelled();

      // Download.
      const packageId = packageIdOf(settings);
      let staged: StagedContent | null = null;
      if (packageId === null) {
        steps.push({
          step: 'Download',
          outcome: 'Skipped',
          message: 'The rule uses no deployment package.',
        });
      } else {
        staged = await downloadStep(context, packageId, evaluation.ciIds, settings, steps, fail, {
          set: (value) => (state.download = value),
        });
      }
      context.throwIfCancelled();

      // Software Update Group and Deploy, in one transaction.
      context.progress(0.85, 'Creating the software update group and deployments');
      let output: RuleOutput;
      let undoMove: (() => void) | null = null;
      try {
        const targets = await ruleDeploymentTargets(deps.site.db, rule);
        if (staged) undoMove = moveStagedContent(staged);
        output = await deps.site.db.transaction().execute((trx) =>
          writeRuleOutput(trx, deps.clock, {
            rule,
            ciIds: evaluation.ciIds,
            targets,
            packageId,
            staged,
            scheduledStart,
            siteCode: deps.siteCode,
            user: ruleEngineUser,
          }),
        );
      } catch (error) {
        undoMove?.();
        discardStagedContent(staged);
        const message =
          error instanceof RuleStepError
            ? error.message
            : `Creating the group and deployments failed: ${(error as Error).message}; nothing was created.`;
        return fail(
          'SoftwareUpdateGroup',
          error instanceof RuleStepError ? error.code : 'deploymentFailed',
          message,
          count,
        );
      }
      for (const line of output.notes) await note(line);
      steps.push({
        step: 'SoftwareUpdateGroup',
        outcome: 'Succeeded',
        message: `Software update group "${output.groupName}" holds ${count} updates.`,
      });
      steps.push({
        step: 'Deploy',
        outcome: 'Succeeded',
        message: `${output.deploymentIds.length === 1 ? 'Deployment' : 'Deployments'} ${output.deploymentIds.join(', ')} ${output.deploymentIds.length === 1 ? 'targets' : 'target'} the rule's ${output.deploymentIds.length === 1 ? 'collection' : 'collections'}.`,
      });
      await raiseDeploymentAudits(deps.statusMessages, output.audits, context.jobId);
      deps.events.publish({
        type: 'data.changed',
        topics: [contentTopic, groupsTopic, 'softwareUpdates'],
      });
      deploymentsChanged(deps.events);
      rulesChanged(deps.events);
      if (staged && packageId !== null && state.download) {
        state.download = {
          ...state.download,
          sourceVersion: output.content?.sourceVersion ?? 0,
        };
        if ((output.content?.filesAdded ?? 0) > 0) {
          context.progress(0.95, 'Distributing the package to its distribution points');
          const outcome = await distributePackage(
            deps.download,
            packageId,
            'all',
            'distribute',
            context.signal,
            context.jobId,
          );
          await note(
            `Package distributed to ${outcome.succeeded} of ${outcome.succeeded + outcome.failed} distribution points.`,
          );
        }
      }
      const message = `Rule "${rule.name}" made software update group "${output.groupName}" with ${count} updates and ${output.deploymentIds.length} deployment${output.deploymentIds.length === 1 ? '' : 's'}${rule.is_deployment_enabled_after_run === 1 ? '' : ' (disabled)'}.`;
      await recordRuleSuccess(deps, rule, message, context.jobId);
      await note(message);
      context.progress(1, message);
      return result('Succeeded', ruleErrorCodes.none, message, count, output);
    },
  });

  async function downloadStep(
    context: JobContext<RuleRunJobParams>,
    packageId: number,
    ciIds: number[],
    settings: RuleSettings,
    steps: Step[],
    fail: (
      step: Step['step'],
      error: RuleErrorName,
      message: string,
      count: number,
    ) => Promise<never>,
    downloadResult: { set(value: DownloadJobResult): void },
  ): Promise<StagedContent> {
    let pkg;
    try {
      pkg = await readPackage(deps.site.db, packageId);
    } catch {
      return fail(
        'Download',
        'packageFailed',
        `The rule's deployment package ${packageId} no longer exists; nothing was created.`,
        ciIds.length,
      );
    }
    context.progress(0.1, `Downloading content into "${pkg.name}"`);
    try {
      const staged = await stageRuleContent(deps.download, {
        packageId,
        packageSource: pkg.sourcePath,
        ciIds,
        languages: settings.content.languageSelection.languages,
        location: settings.content.location,
        jobId: context.jobId,
        signal: context.signal,
        onProgress: (fraction, text) => context.progress(0.1 + fraction * 0.7, text),
        onWarning: (text) => void context.log(text, 'warning'),
      });
      const fetched = staged.results.filter((each) => each.outcome === 'Downloaded').length;
      steps.push({
        step: 'Download',
        outcome: 'Succeeded',
        message: `${staged.filesFetched} files downloaded and ${staged.filesReused} reused for ${fetched} updates; the rest are already in the package.`,
      });
      downloadResult.set({
        packageId,
        sourceVersion: 0,
        updates: staged.results,
        bytesFetched: staged.bytesFetched,
        filesFetched: staged.filesFetched,
        filesReused: staged.filesReused,
        summary: steps[steps.length - 1]!.message,
      });
      return staged;
    } catch (error) {
      if (!(error instanceof RuleDownloadError)) throw error;
      downloadResult.set({
        packageId,
        sourceVersion: pkg.sourceVersion,
        updates: error.results,
        bytesFetched: 0,
        filesFetched: 0,
        filesReused: 0,
        summary: error.message,
      });
      return fail(
        'Download',
        'contentDownloadFailed',
        `${error.message.replace(/\.+$/, '')}. Nothing was added to the package and no group or deployment was created.`,
        ciIds.length,
      );
    }
  }
}

async function markRun(deps: RuleEngineDependencies, rule: RuleRow): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.site.db
    .updateTable('automatic_deployment_rule')
    .set({ last_run_at: now, last_error_code: 0, last_error_at: null, last_error_message: '' })
    .where('id', '=', rule.id)
    .execute();
}
