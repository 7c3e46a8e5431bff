import type { AutomaticDeploymentRule } from '../../../shared/contract/automatic-deployment-rules';
import type { SiteHandlers } from '../api/handlers';
import type { HandlerDependencies } from '../site-handlers';
import { addRuleDeployment, removeRuleDeployment, updateRuleDeployment } from './rule-deployments';
import { previewRule } from './rule-preview';
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

type RuleMethods = Extract<keyof SiteHandlers, `rules.${string}` | `ruleTemplates.${string}`>;

const sortKeys: Record<string, (rule: AutomaticDeploymentRule) => string> = {
  name: (rule) => rule.name.toLowerCase(),
  lastRunTime: (rule) => rule.lastRunTime ?? '',
  lastErrorTime: (rule) => rule.lastErrorTime ?? '',
  dateCreated: (rule) => rule.dateCreated,
  nextRunTime: (rule) => rule.nextRunTime ?? '',
};

/** Software Library > Automatic Deployment Rules: the node, its wizard, Run Now and templates (§8). */
export function createRuleHandlers(deps: HandlerDependencies): Pick<SiteHandlers, RuleMethods> {
  const site = deps.database;
  const services: RuleStoreServices = {
    site,
    events: deps.events,
    clock: deps.clock,
    siteCode: deps.siteCode,
    siteLibraryId: deps.siteLibraryId,
  };
  const enqueue = { site, jobs: deps.jobs, poke: () => deps.runner.poke() };
  const detail = async (id: number) => toRuleDetail(site, await readRuleRow(site.db, id));
  return {
    // A site has tens of rules, not thousands: read them all, then filter, sort and page.
    'rules.list': async (query) => {
      let rows = await site.read.selectFrom('automatic_deployment_rule').selectAll().execute();
      const text = query.filter?.text?.toLowerCase();
      if (text) rows = rows.filter((row) => row.name.toLowerCase().includes(text));
      const rules = await Promise.all(rows.map((row) => toRule(site, row)));
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
      const settings =
        'draft' in input ? input.draft : settingsOf(await readRuleRow(site.db, input.id));
      return previewRule(site.read, settings, deps.clock.now(), deps.siteLibraryId());
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
      return toRuleDetail(site, row);
    },
    'rules.setEnabled': async ({ ids, isEnabled }) => ({
      changed: await setRulesEnabled(services, ids, isEnabled),
    }),
    'rules.delete': async ({ ids }) => ({ deleted: await deleteRules(services, ids) }),
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
