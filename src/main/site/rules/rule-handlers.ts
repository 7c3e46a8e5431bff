import type {
  AutomaticDeploymentRule,
  RuleSettings,
} from '../../../shared/contract/automatic-deployment-rules';
import type { SiteHandlers } from '../api/handlers';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import type { JobQueue } from '../jobs/job-queue';
import type { JobRunner } from '../jobs/job-runner';
import type { SupSettings } from '../sup/sup-settings';
import { addRuleDeployment, removeRuleDeployment, updateRuleDeployment } from './rule-deployments';
import { nextRunContext, nextRunOf } from './rule-next-run';
import { previewRule } from './rule-preview';
import { forgetRuleSchedules, type ScheduledRuleRow } from './rule-schedule-state';
import { readRuleRow, settingsOf, toRule, toRuleDetail } from './rule-rows';
import { enqueueRuleRun } from './rule-run-job';
import {
  createRule,
  deleteRules,
  ruleNameProblem,
  setRulesEnabled,
  updateRule,
  type RuleStoreServices,
} from './rule-store';
import { createRuleTemplate, deleteRuleTemplates, listRuleTemplates } from './rule-templates';

/** What the rules' handlers need of the site (wired in site-handlers.ts). */
export interface RuleHandlerDependencies {
  database: SiteDatabase;
  events: SiteEvents;
  clock: Clock;
  siteCode: string;
  folders: { data: string };
  jobs: JobQueue;
  runner: JobRunner;
  /** The sync schedule: an after-sync rule's Next Run Time is the next synchronization. */
  supSettings: SupSettings;
  siteLibraryId(): number;
  /** The IANA zone local schedules are read in. */
  timeZone: string;
}

/** A rule being written, as the next-run arithmetic reads a stored one. */
function draftRow(settings: RuleSettings, now: Date): ScheduledRuleRow {
  const { runType, schedule } = settings.evaluationSchedule;
  return {
    id: 0,
    is_enabled: 1,
    evaluation_run_type: runType,
    evaluation_schedule: schedule ? JSON.stringify(schedule) : null,
    modified_at: now.toISOString(),
  };
}

type RuleMethods = Extract<keyof SiteHandlers, `rules.${string}` | `ruleTemplates.${string}`>;

const sortKeys: Record<string, (rule: AutomaticDeploymentRule) => string> = {
  name: (rule) => rule.name.toLowerCase(),
  lastRunTime: (rule) => rule.lastRunTime ?? '',
  lastErrorTime: (rule) => rule.lastErrorTime ?? '',
  dateCreated: (rule) => rule.dateCreated,
  nextRunTime: (rule) => rule.nextRunTime ?? '',
};

/** Software Library > Automatic Deployment Rules: the node, its wizard, Run Now and templates (§8). */
export function createRuleHandlers(deps: RuleHandlerDependencies): Pick<SiteHandlers, RuleMethods> {
  const site = deps.database;
  const services: RuleStoreServices = {
    site,
    events: deps.events,
    clock: deps.clock,
    siteCode: deps.siteCode,
    dataFolder: deps.folders.data,
    siteLibraryId: deps.siteLibraryId,
  };
  const enqueue = { site, jobs: deps.jobs, poke: () => deps.runner.poke() };
  // Next Run Time reads the sync schedule and the clock once per call, not once per row.
  const nextRuns = () => nextRunContext(site, deps.supSettings, deps.clock.now(), deps.timeZone);
  const detail = async (id: number) =>
    toRuleDetail(site, await readRuleRow(site.db, id), await nextRuns());
  return {
    // A site has tens of rules, not thousands: read them all, then filter, sort and page.
    'rules.list': async (query) => {
      let rows = await site.read.selectFrom('automatic_deployment_rule').selectAll().execute();
      const text = query.filter?.text?.toLowerCase();
      if (text) rows = rows.filter((row) => row.name.toLowerCase().includes(text));
      const context = await nextRuns();
      const rules = await Promise.all(rows.map((row) => toRule(site, row, context)));
      const key = sortKeys[query.sort?.column ?? 'name']!;
      const sign = query.sort?.direction === 'desc' ? -1 : 1;
      rules.sort((a, b) => sign * key(a).localeCompare(key(b)) || a.id - b.id);
      const start = query.page.offset ?? 0;
      const page = rules.slice(start, start + query.page.size);
      return {
        rows: page,
        nextCursor: null,
        total: rules.length,
      };
    },
    'rules.get': ({ id }) => detail(id),
    'rules.checkName': async ({ name, excludeId }) => ({
      problem: (await ruleNameProblem(site.read, name, excludeId ?? null))?.message ?? null,
    }),
    'rules.preview': async (input) => {
      const row = 'draft' in input ? null : await readRuleRow(site.db, input.id);
      const settings = row ? settingsOf(row) : (input as { draft: RuleSettings }).draft;
      const now = deps.clock.now();
      const { nextRunTime } = await nextRunOf(
        site,
        row ?? draftRow(settings, now),
        await nextRuns(),
      );
      // A scheduled rule's next run counts its times from its occurrence; the others from now
      // (Run Now, or a synchronization whose end no one knows yet).
      const start =
        settings.evaluationSchedule.runType === 'schedule' && nextRunTime
          ? new Date(nextRunTime)
          : now;
      const preview = await previewRule(site.read, settings, start, deps.siteLibraryId());
      return { ...preview, nextRunTime };
    },
    'rules.create': async (input, context) => {
      const row = await createRule(services, input, context.user);
      if (!input.runAfterCreate) return { id: row.id, jobId: null };
      const job = await enqueueRuleRun(
        enqueue,
        { ruleId: row.id, trigger: 'created', scheduledStart: deps.clock.now().toISOString() },
        context.user,
      );
      return { id: row.id, jobId: job.id };
    },
    'rules.update': async (change, context) => {
      const row = await updateRule(services, change, context.user);
      return toRuleDetail(site, row, await nextRuns());
    },
    'rules.setEnabled': async ({ ids, isEnabled }) => ({
      changed: await setRulesEnabled(services, ids, isEnabled),
    }),
    'rules.delete': async ({ ids }) => {
      const deleted = await deleteRules(services, ids);
      await forgetRuleSchedules(site, ids);
      return { deleted };
    },
    'rules.run': async ({ id }, context) => {
      await readRuleRow(site.db, id);
      const job = await enqueueRuleRun(
        enqueue,
        { ruleId: id, trigger: 'manual', scheduledStart: deps.clock.now().toISOString() },
        context.user,
      );
      return { jobId: job.id };
    },
    'rules.addDeployment': async (input) => {
      await addRuleDeployment(services, input);
      return detail(input.ruleId);
    },
    'rules.updateDeployment': async (input) => {
      await updateRuleDeployment(services, input);
      return detail(input.ruleId);
    },
    'rules.removeDeployment': async ({ ruleId, id }) => {
      await removeRuleDeployment(services, ruleId, id);
      return detail(ruleId);
    },
    'ruleTemplates.list': () => listRuleTemplates(site),
    'ruleTemplates.create': (input, context) =>
      createRuleTemplate(site, deps.clock, input, context.user),
    'ruleTemplates.delete': async ({ keys }) => ({
      deleted: await deleteRuleTemplates(site, keys),
    }),
  };
}
