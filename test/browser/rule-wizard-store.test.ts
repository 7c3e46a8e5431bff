import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../src/shared/api/http-transport';
import { SiteApi } from '../../src/shared/api/site-api';
import {
  builtinRuleTemplateNames,
  RuleCreate,
  RuleTemplateSettings,
  type RuleTemplate,
} from '../../src/shared/contract/automatic-deployment-rules';
import { criteriaText } from '../../src/shared/contract/rule-criteria';
import { RuleWizardStore } from '../../src/renderer/wizards/adr/rule-wizard-store';
import type { RulePageId } from '../../src/renderer/wizards/adr/rule-pages';
import { startSite, type RunningSite } from './support/site-server';

/**
 * The Create Automatic Deployment Rule Wizard's store against a real site over HTTP (no
 * browser): what the pages pick from, each page's sentences (schema slices, the rules between
 * pages, the evaluation limits), the criteria text with its links, a template applied, and the
 * request Finish sends, parsed with the site's own RuleCreate.
 */
describe('Create Automatic Deployment Rule Wizard store', () => {
  let site: RunningSite;
  let api: SiteApi;
  let allSystemsId: number;

  const loaded = async () => {
    const store = new RuleWizardStore(api);
    await store.load();
    expect(store.draft.loadError).toBeNull();
    return store;
  };
  const problems = (store: RuleWizardStore, page: RulePageId) =>
    Object.fromEntries(store.problems(page));

  beforeAll(async () => {
    site = await startSite();
    api = new SiteApi(createHttpTransport(site.url));
    await api.call('content.addDemo', {});
    const collections = await api.call('collections.list', {});
    allSystemsId = collections.find((collection) => collection.name === 'All Systems')!.id;
  });
  afterAll(async () => {
    await site?.stop();
  });

  it('offers the catalog’s products, classifications, languages and vendors', async () => {
    const { draft } = await loaded();
    expect(draft.choices.products).toContain('Patchbay Demo Product');
    expect(draft.choices.classifications).toContain('Security Updates');
    expect(draft.choices.languages).toContain('English');
    // Before the first synchronization the site knows only the demo content's product.
    expect(draft.choices.vendors).toContain('Patchbay Demo');
    expect(draft.isDirty).toBe(false);
  });

  it('asks for a name and a collection on General', async () => {
    const store = await loaded();
    expect(problems(store, 'general')).toEqual({
      name: 'A rule needs a name.',
      collectionId: 'Choose a device collection.',
    });
    store.draft.setGeneral('name', 'Monthly');
    store.draft.setGeneral('description', 'x'.repeat(257));
    store.draft.setGeneral('collectionId', allSystemsId);
    expect(problems(store, 'general')).toEqual({ description: 'At most 256 characters.' });
    expect(store.isDirty).toBe(true);
  });

  it('says which property filter still needs a value, and links each value in the criteria text', async () => {
    const { draft } = await loaded();
    expect(Object.fromEntries(draft.problems('softwareUpdates'))).toEqual({
      criteria: 'Choose at least one property filter, and the values it looks for.',
    });
    draft.criteria.setChecked('product', true);
    draft.criteria.setChecked('superseded', true);
    draft.criteria.setChecked('required', true);
    draft.criteria.set({ property: 'contentSize', operator: '<=', number: 'ten' });
    expect(Object.fromEntries(draft.problems('softwareUpdates'))).toEqual({
      'criteria.product': 'Product: choose at least one value.',
      'criteria.contentSize': 'Content Size (KB): enter a whole number of 0 or more.',
    });
    expect(draft.criteria.textParts).toEqual([
      { text: 'Content Size (KB): ' },
      { text: '<items to find>', property: 'contentSize' },
      { text: ' AND ' },
      { text: 'Product: ' },
      { text: '<items to find>', property: 'product' },
      { text: ' AND ' },
      { text: 'Required: ' },
      { text: '>=1', property: 'required' },
      { text: ' AND ' },
      { text: 'Superseded: ' },
      { text: 'No', property: 'superseded' },
    ]);
    draft.criteria.set({ property: 'contentSize', operator: '<=', number: '100000' });
    draft.criteria.set({ property: 'product', values: ['Windows 11', 'Patchbay Demo Product'] });
    expect(draft.problems('softwareUpdates').size).toBe(0);
    expect(criteriaText(draft.criteria.validCriteria)).toBe(
      'Content Size (KB): <=100000 AND Product: Windows 11 OR Patchbay Demo Product AND Required: >=1 AND Superseded: No',
    );
    draft.criteria.setChecked('required', false);
    expect(draft.criteria.ordered.map((filter) => filter.property)).toEqual([
      'contentSize',
      'product',
      'superseded',
    ]);
  });

  it('refuses more than three evaluations a day and runs oftener than the sync', async () => {
    const { draft } = await loaded();
    draft.setRunType('schedule');
    expect(draft.evaluation.schedule?.recurrence).toMatchObject({
      pattern: 'monthly-weekday',
      week: 'Second',
      day: 'Tuesday',
    });
    expect(draft.problems('evaluationSchedule').size).toBe(0);
    draft.setEvaluationSchedule({
      kind: 'custom',
      start: '2026-12-08T02:00',
      isUtc: false,
      recurrence: { pattern: 'interval', every: 4, unit: 'hours' },
    });
    expect(Object.fromEntries(draft.problems('evaluationSchedule'))).toEqual({
      schedule:
        'This schedule evaluates the rule 6 times a day; a rule runs at most 3 times a day.',
    });
    draft.choices = { ...draft.choices, syncSchedule: { kind: 'simple', every: 1, unit: 'days' } };
    draft.setEvaluationSchedule({
      kind: 'custom',
      start: '2026-12-08T02:00',
      isUtc: false,
      recurrence: { pattern: 'interval', every: 12, unit: 'hours' },
    });
    expect(draft.problems('evaluationSchedule').get('schedule')).toBe(
      'This schedule runs the rule every 12 hour(s), more often than the site synchronizes (every 1 day(s)); choose an interval of at least 1 day(s).',
    );
    draft.setRunType('manual');
    expect(draft.problems('evaluationSchedule').size).toBe(0);
  });

  it('counts the deployment schedule in offsets, with no deadline for an Available deployment', async () => {
    const { draft } = await loaded();
    expect(draft.pageValue('deploymentSchedule')).toEqual({
      timeBasedOn: 'LocalTime',
      availableTime: 'asap',
      deadlineTime: { amount: 7, unit: 'Days' },
      isSoftDeadline: false,
    });
    draft.setOffset('available', { isAsap: false, amount: '', unit: 'Hours' });
    expect(Object.fromEntries(draft.problems('deploymentSchedule'))).toEqual({
      availableTime: 'Enter a whole number from 0 to 999.',
    });
    draft.setOffset('available', { amount: '4' });
    draft.settings.update('deploymentSettings', { purpose: 'Available' });
    expect(draft.pageValue('deploymentSchedule')).toMatchObject({
      availableTime: { amount: 4, unit: 'Hours' },
      deadlineTime: null,
    });
    expect(draft.problems('deploymentSchedule').size).toBe(0);
    draft.settings.update('userExperience', { userNotification: 'HideAll' });
    expect(draft.problems('userExperience').get('userNotification')).toBe(
      'An Available deployment must be shown in Software Center.',
    );
  });

  it('fills every page a template holds and sends a request the site’s schema accepts', async () => {
    const store = await loaded();
    const template: RuleTemplate = {
      key: 'rule:test',
      name: 'Test template',
      source: 'rule',
      description: '',
      settings: RuleTemplateSettings.parse({
        general: { groupMode: 'existing-group', isDeploymentEnabledAfterRun: false },
        deploymentSettings: { verbosity: 1, licenseTerms: 'only-without-license' },
        softwareUpdates: {
          criteria: [
            { property: 'vendor', values: ['Patchbay Demo'] },
            { property: 'superseded', value: false },
          ],
        },
        evaluationSchedule: { runType: 'manual' },
        deploymentSchedule: { availableTime: { amount: 1, unit: 'Days' }, deadlineTime: 'asap' },
        alerts: { isAlertOnRuleFailure: true },
        content: { deploymentPackage: { choice: 'none' } },
      }),
    };
    store.templates = [template];
    store.selectTemplate('rule:test');
    const { draft } = store;
    expect(draft.general).toMatchObject({
      template: 'Test template',
      groupMode: 'existing-group',
      isDeploymentEnabledAfterRun: false,
    });
    expect(store.selectedTemplateKey).toBe('rule:test');
    expect(draft.criteria.ordered.map((filter) => filter.property)).toEqual([
      'superseded',
      'vendor',
    ]);
    expect(store.pages.map((page) => page.id)).toEqual([
      'general',
      'deploymentSettings',
      'softwareUpdates',
      'evaluationSchedule',
      'deploymentSchedule',
      'userExperience',
      'alerts',
      'downloadSettings',
      'deploymentPackage',
    ]);
    draft.setGeneral('name', 'From a template');
    draft.setGeneral('collectionId', allSystemsId);
    for (const page of store.pages) expect(problems(store, page.id), page.id).toEqual({});
    const request = RuleCreate.parse({ ...draft.request, runAfterCreate: true });
    expect(request.deploymentSettings).toMatchObject({
      verbosity: 1,
      licenseTerms: 'only-without-license',
    });
    expect(request.deploymentSchedule).toMatchObject({
      availableTime: { amount: 1, unit: 'Days' },
      deadlineTime: 'asap',
    });
    expect(request.alerts.isAlertOnRuleFailure).toBe(true);
    expect(request.content.deploymentPackage).toEqual({ choice: 'none' });
    expect(RuleTemplateSettings.safeParse(store.templateSettings).success).toBe(true);
    expect(store.templateNameProblem('Test template')).toBe(
      'A template named "Test template" already exists; choose another name.',
    );
    expect(store.templateNameProblem('a/b')).toBe("Use letters, digits, spaces, \\ and ' only.");
  });

  it('applies each built-in template to pages the site accepts as they are', async () => {
    const store = await loaded();
    expect(store.templatesError).toBeNull();
    expect(store.templates.map((template) => template.name)).toEqual(
      expect.arrayContaining([...builtinRuleTemplateNames]),
    );
    for (const name of builtinRuleTemplateNames) {
      const fresh = await loaded();
      const template = fresh.templates.find((candidate) => candidate.name === name)!;
      fresh.selectTemplate(template.key);
      fresh.draft.setGeneral('name', `From ${name}`);
      fresh.draft.setGeneral('collectionId', allSystemsId);
      fresh.draft.content.set('packageChoice', 'none');
      for (const page of fresh.pages)
        expect(problems(fresh, page.id), `${name}: ${page.id}`).toEqual({});
      const request = RuleCreate.parse({ ...fresh.draft.request, runAfterCreate: false });
      expect(request.general.template).toBe(name);
      expect(request.softwareUpdates.criteria).toEqual(
        expect.arrayContaining(template.settings.softwareUpdates!.criteria),
      );
      if (template.settings.evaluationSchedule)
        expect(request.evaluationSchedule.runType).toBe(
          template.settings.evaluationSchedule.runType,
        );
    }
  });
});
