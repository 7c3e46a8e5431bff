import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AutomaticDeploymentRule,
  AutomaticDeploymentRuleDetail,
  RuleTemplate,
} from '../../src/shared/contract/automatic-deployment-rules';
import {
  criteriaText,
  ruleFilterLabels,
  type RulePropertyFilter,
} from '../../src/shared/contract/rule-criteria';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { siteCaller, synchronizeFrom } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

const shotsFolder = '/tmp/shots/adr';

/**
 * The Create Automatic Deployment Rule Wizard as an admin walks it on a fresh site with the demo
 * content: once from the Patch Tuesday template (only its product narrowed to the demo product),
 * with Preview and Finish, and once with every page changed; each time the created rule is read
 * back through the API and compared with what the pages said.
 */
describe('Create Automatic Deployment Rule Wizard in the console', { timeout: 240_000 }, () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  let packageSource: string;

  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);
  const wizard = () =>
    ui.page.getByRole('dialog', { name: 'Create Automatic Deployment Rule Wizard' });
  const wizardButton = (name: string) =>
    wizard().locator('footer').getByRole('button', { name, exact: true });
  const next = () => wizardButton('Next >').click();
  const step = () => wizard().locator('[data-wizard-step]').getAttribute('data-wizard-step');
  const atStep = (id: string) => wizard().locator(`[data-wizard-step="${id}"]`).waitFor();
  // Dialogs fade in: the picture waits for the end of the animation.
  const shot = async (name: string) => {
    await ui.page.waitForTimeout(300);
    await ui.page.screenshot({ path: join(shotsFolder, `${name}.png`) });
  };
  const field = (name: string) => wizard().getByRole('textbox', { name });
  const select = (name: string) => wizard().getByRole('combobox', { name });
  const check = (name: string) => wizard().getByRole('checkbox', { name, exact: true });
  const radio = (name: string) => wizard().getByRole('radio', { name, exact: true });
  const sentence = (text: string) => wizard().getByText(text, { exact: true });
  const criteria = () => wizard().getByTestId('criteria-text');
  const filterDialog = (name: string) => ui.page.getByRole('dialog', { name });
  const rules = async () =>
    (await call<{ rows: AutomaticDeploymentRule[] }>('rules.list', { page: { size: 100 } })).rows;
  const ruleNamed = async (name: string) => {
    const row = (await rules()).find((rule) => rule.name === name);
    expect(row, `rule ${name}`).toBeDefined();
    return call<AutomaticDeploymentRuleDetail>('rules.get', { id: row!.id });
  };
  const pickCollection = async (name: string) => {
    await wizard().getByRole('button', { name: 'Browse…' }).click();
    const picker = ui.page.getByRole('dialog', { name: 'Select Collection' });
    await picker.getByRole('cell', { name, exact: true }).first().click();
    await picker.getByRole('button', { name: 'OK' }).click();
    await picker.waitFor({ state: 'detached' });
  };
  /** Opens a filter's editor from its link in the search criteria. */
  const editFilter = async (linkText: string, title: string) => {
    await criteria().getByText(linkText, { exact: true }).click();
    const dialog = filterDialog(title);
    await dialog.waitFor();
    return dialog;
  };
  const pickValues = async (title: string, values: string[], clear: string[] = []) => {
    const dialog = filterDialog(title);
    await dialog.waitFor();
    for (const value of clear)
      await dialog.getByRole('checkbox', { name: value, exact: true }).uncheck();
    for (const value of values)
      await dialog.getByRole('checkbox', { name: value, exact: true }).check();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
  };
  const openWizard = async () => {
    await ui.openNode('Automatic Deployment Rules');
    await ui.ribbonButton('Create Automatic Deployment Rule').click();
    await atStep('general');
    await field('Name:').waitFor();
  };
  const finish = async (name: string) => {
    await atStep('summary');
    await shot(`${name}-summary`);
    await next();
    await wizard().locator('[data-wizard-step="completion"]').waitFor({ timeout: 120_000 });
    await shot(`${name}-completion`);
    const completion = await wizard().getByTestId('rule-completion').innerText();
    await wizardButton('Close').click();
    await wizard().waitFor({ state: 'detached' });
    return completion;
  };

  beforeAll(async () => {
    mkdirSync(shotsFolder, { recursive: true });
    packageSource = mkdtempSync(join(tmpdir(), 'patchbay-rule-source-'));
    site = await startSite();
    await call('content.addDemo', {});
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    page.on('pageerror', (error) => console.error('Page error:', error.message));
    ui = new ConsolePage(page);
    await ui.open(site.url);
    await ui.chooseWorkspace('Software Library');
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    rmSync(packageSource, { recursive: true, force: true });
  });

  it('creates a Patch Tuesday rule from its template, previews it and runs it', async () => {
    const templates = await call<RuleTemplate[]>('ruleTemplates.list', {});
    const patchTuesday = templates.find((template) => template.name === 'Patch Tuesday')!;
    expect(patchTuesday).toBeDefined();

    await openWizard();
    await next();
    await sentence('A rule needs a name.').waitFor();
    await sentence('Choose a device collection.').waitFor();
    expect(await step()).toBe('general');
    await shot('01-general-invalid');
    await field('Name:').fill('Patch Tuesday - Demo');
    await select('Template:').selectOption({ label: 'Patch Tuesday' });
    await pickCollection('All Systems');
    expect(await radio(`Create a new Software Update Group`).isChecked()).toBe(true);
    expect(await check('Enable the deployment after this rule is run').isChecked()).toBe(true);
    await shot('02-general');
    await next();

    await atStep('deploymentSettings');
    expect(
      await radio(
        'Automatically deploy all software updates and approve any associated license agreements',
      ).isChecked(),
    ).toBe(true);
    await shot('03-deployment-settings');
    await next();

    await atStep('softwareUpdates');
    // The criteria text lists the filters in the checklist's order, whatever the template's.
    const inChecklistOrder = (filters: RulePropertyFilter[]) =>
      [...filters].sort((a, b) => order.indexOf(a.property) - order.indexOf(b.property));
    const order = Object.keys(ruleFilterLabels);
    const templateCriteria = patchTuesday.settings.softwareUpdates!.criteria;
    expect(await criteria().innerText()).toBe(criteriaText(inChecklistOrder(templateCriteria)));
    await shot('04-software-updates-template');
    // Narrow the template to the demo product: ticking Product opens its editor.
    await check('Product').check();
    await shot('05-product-editor');
    await pickValues('Product', ['Patchbay Demo Product']);
    const ruleCriteria = inChecklistOrder([
      ...templateCriteria,
      { property: 'product', values: ['Patchbay Demo Product'] },
    ]);
    expect(await criteria().innerText()).toBe(criteriaText(ruleCriteria));

    await wizard().getByRole('button', { name: 'Preview' }).click();
    const preview = ui.page.getByRole('dialog', { name: 'Preview' });
    await preview.getByRole('table', { name: 'Software updates the rule selects' }).waitFor();
    await preview.getByText('Software updates selected:').waitFor();
    const previewText = await preview.innerText();
    const previewCount = Number(/Software updates selected:\s*(\d+)/.exec(previewText)?.[1]);
    expect(previewCount).toBeGreaterThan(0);
    expect(previewText).toContain('Devices requiring them');
    expect(previewText).toContain('Installation deadline');
    await shot('06-preview');
    await preview.getByRole('button', { name: 'Close' }).click();
    await preview.waitFor({ state: 'detached' });
    await next();

    await atStep('evaluationSchedule');
    await wizard().getByTestId('sync-schedule').waitFor();
    await shot('07-evaluation-schedule');
    await next();
    await atStep('deploymentSchedule');
    await shot('08-deployment-schedule');
    await next();
    await atStep('userExperience');
    await next();
    await atStep('alerts');
    await shot('09-alerts');
    await next();
    await atStep('downloadSettings');
    await next();

    await atStep('deploymentPackage');
    await radio('Create a new deployment package').check();
    await field('Name:').fill('Patch Tuesday - Demo package');
    await field('Package source:').fill(packageSource);
    await shot('10-deployment-package');
    await next();
    await atStep('distributionPoints');
    await wizard().getByRole('button', { name: 'Add' }).click();
    await ui.page.getByRole('menuitem', { name: 'Distribution Point', exact: true }).click();
    const picker = ui.page.getByRole('dialog', { name: 'Add Distribution Points' });
    await picker.getByRole('checkbox', { name: 'Site content library' }).check();
    await picker.getByRole('button', { name: 'OK' }).click();
    await picker.waitFor({ state: 'detached' });
    await next();
    await atStep('downloadLocation');
    await next();
    await atStep('languageSelection');
    await shot('11-language-selection');
    await next();

    const completion = await finish('12');
    expect(completion).toContain('completed successfully');

    const rule = await ruleNamed('Patch Tuesday - Demo');
    expect(rule.template).toBe('Patch Tuesday');
    expect(rule.collectionName).toBe('All Systems');
    expect(rule.settings.softwareUpdates.criteria).toEqual(ruleCriteria);
    expect(rule.lastErrorCode).toBe(0);
    expect(rule.groupName).toMatch(/^Patch Tuesday - Demo \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(rule.deploymentCount).toBe(1);
    // The preview ran the run's own evaluation: the group holds what it listed.
    const group = await call<{ numberOfUpdates: number }>('groups.get', { id: rule.groupId });
    expect(group.numberOfUpdates).toBe(previewCount);
  });

  it('creates a rule with every page changed, refusing what the spec refuses', async () => {
    await openWizard();
    // A taken name: the site says so beside the field, and the page is not left.
    await pickCollection('All Desktop and Server Clients');
    await field('Name:').fill('patch tuesday - demo');
    await next();
    await expect.poll(() => field('Name:').getAttribute('aria-invalid')).toBe('true');
    expect(await step()).toBe('general');
    await shot('19-general-name-taken');
    await field('Name:').fill('Definition updates - Demo');
    await field('Description:').fill('Every page changed');
    await radio('Add to an existing Software Update Group').check();
    await check('Enable the deployment after this rule is run').uncheck();
    await shot('20-general-changed');
    await next();

    await atStep('deploymentSettings');
    await select('Detail level:').selectOption('1');
    await check('Use Wake-on-LAN to wake up clients for required deployments').check();
    await radio('Only deploy software updates that do not contain license agreements').check();
    await shot('21-deployment-settings-changed');
    await next();

    await atStep('softwareUpdates');
    await next();
    await sentence('Choose at least one property filter, and the values it looks for.').waitFor();
    await check('Vendor').check();
    await pickValues('Vendor', ['Patchbay Demo']);
    await check('Severity').check();
    await pickValues('Severity', ['Critical']);
    // A value's link opens its filter's editor again.
    await editFilter('Critical', 'Severity');
    await pickValues('Severity', ['Important']);
    await check('Superseded').check();
    const superseded = filterDialog('Superseded');
    await superseded.getByRole('radio', { name: 'No' }).check();
    await superseded.getByRole('button', { name: 'OK' }).click();
    await check('Content Size (KB)').check();
    const size = filterDialog('Content Size (KB)');
    await size.getByRole('combobox', { name: 'Comparison' }).selectOption('<=');
    await size.getByRole('spinbutton', { name: 'Content Size (KB)' }).fill('');
    await size.getByText('Enter a whole number of 0 or more.').waitFor();
    await size.getByRole('spinbutton', { name: 'Content Size (KB)' }).fill('100000');
    await size.getByRole('button', { name: 'OK' }).click();
    await check('Date Released or Revised').check();
    const released = filterDialog('Date Released or Revised');
    await released.getByRole('combobox').selectOption('Last 1 year');
    await released.getByRole('button', { name: 'OK' }).click();
    await check('Title').check();
    const title = filterDialog('Title');
    await title.getByRole('textbox').fill('Security\nCumulative');
    await title.getByRole('button', { name: 'OK' }).click();
    await released.waitFor({ state: 'detached' });
    const expectedCriteria =
      'Content Size (KB): <=100000 AND Date Released or Revised: Last 1 year AND Severity: Critical OR Important AND Superseded: No AND Title: Security OR Cumulative AND Vendor: Patchbay Demo';
    expect(await criteria().innerText()).toBe(expectedCriteria);
    await shot('22-software-updates-changed');
    await next();

    await atStep('evaluationSchedule');
    await radio('Run the rule on a schedule').check();
    await wizard().getByRole('button', { name: 'Customize…' }).click();
    const custom = ui.page.getByRole('dialog', { name: 'Custom Schedule' });
    await custom.getByRole('radio', { name: 'Custom interval' }).check();
    await custom.getByRole('spinbutton', { name: 'Interval' }).fill('4');
    await custom.getByRole('combobox', { name: 'Interval unit' }).click();
    await ui.page.getByRole('option', { name: 'hours' }).click();
    await custom.getByRole('button', { name: 'OK' }).click();
    await custom.waitFor({ state: 'detached' });
    await wizard()
      .getByText(
        'This schedule evaluates the rule 6 times a day; a rule runs at most 3 times a day.',
      )
      .waitFor();
    await next();
    expect(await step()).toBe('evaluationSchedule');
    await shot('23-evaluation-schedule-refused');
    await wizard().getByRole('button', { name: 'Customize…' }).click();
    await custom.getByRole('radio', { name: 'Monthly' }).check();
    await custom.getByRole('radio', { name: 'The', exact: true }).check();
    await custom.getByRole('checkbox', { name: 'Offset (days)' }).check();
    await custom.getByRole('spinbutton', { name: 'Offset (days)' }).fill('1');
    await shot('24-custom-schedule');
    await custom.getByRole('button', { name: 'OK' }).click();
    await custom.waitFor({ state: 'detached' });
    expect(await wizard().getByRole('textbox', { name: 'Rule schedule' }).inputValue()).toContain(
      'Second Tuesday of every 1 month(s) offset by 1 day(s)',
    );
    await shot('25-evaluation-schedule');
    await next();

    await atStep('deploymentSchedule');
    await select('Time based on:').selectOption('Utc');
    const available = wizard().getByRole('radiogroup', { name: 'Software available time' });
    await available.getByRole('radio', { name: 'Specific time:' }).check();
    await wizard().getByRole('spinbutton', { name: 'Software available time amount' }).fill('2');
    await select('Software available time unit').selectOption('Hours');
    await wizard().getByRole('spinbutton', { name: 'Installation deadline amount' }).fill('');
    await sentence('Enter a whole number from 0 to 999.').waitFor();
    await wizard().getByRole('spinbutton', { name: 'Installation deadline amount' }).fill('3');
    await check(
      'Delay enforcement of this deployment according to user preferences, up to the grace period defined in client settings',
    ).check();
    await shot('26-deployment-schedule-changed');
    await next();

    await atStep('userExperience');
    await select('User notifications:').selectOption('DisplaySoftwareCenterOnly');
    await check('Software updates installation').check();
    await next();
    await atStep('alerts');
    await check('Generate an alert when this rule fails').check();
    await check('Generate an alert when the following conditions are met:').check();
    await shot('27-alerts-changed');
    await next();
    await atStep('downloadSettings');
    await wizard()
      .getByRole('radiogroup', { name: 'Neighbor or default site boundary group' })
      .getByRole('radio', { name: 'Do not install software updates' })
      .check();
    await next();

    await atStep('deploymentPackage');
    await radio('Select deployment package').check();
    await wizard().getByRole('button', { name: 'Browse…' }).click();
    const packages = ui.page.getByRole('dialog', { name: 'Select a Deployment Package' });
    await packages.getByRole('cell', { name: 'Patch Tuesday - Demo package', exact: true }).click();
    await packages.getByRole('button', { name: 'OK' }).click();
    await packages.waitFor({ state: 'detached' });
    await next();
    await atStep('downloadLocation');
    await next();
    await atStep('languageSelection');
    await next();

    await atStep('summary');
    const summary = await wizard().innerText();
    expect(summary).toContain(expectedCriteria);
    expect(summary).toContain('Occurs the Second Tuesday of every 1 month(s) offset by 1 day(s)');
    const templateName = wizard().getByRole('textbox', { name: 'Template name:' });
    await templateName.fill('Demo/definitions');
    await sentence("Use letters, digits, spaces, \\ and ' only.").waitFor();
    await templateName.fill('Demo definitions');
    await wizard().getByRole('button', { name: 'Save As Template' }).click();
    await wizard()
      .getByText('The template "Demo definitions" is saved.', { exact: false })
      .waitFor();
    const completion = await finish('28');
    expect(completion).toContain('completed successfully');

    const rule = await ruleNamed('Definition updates - Demo');
    const { settings } = rule;
    expect(rule.description).toBe('Every page changed');
    expect(rule.collectionName).toBe('All Desktop and Server Clients');
    expect(settings.general).toMatchObject({
      groupMode: 'existing-group',
      isDeploymentEnabledAfterRun: false,
    });
    expect(settings.deploymentSettings).toMatchObject({
      purpose: 'Required',
      verbosity: 1,
      isWakeOnLan: true,
      licenseTerms: 'only-without-license',
    });
    expect(rule.criteriaText).toBe(expectedCriteria);
    expect(settings.evaluationSchedule.runType).toBe('schedule');
    expect(settings.evaluationSchedule.schedule?.recurrence).toEqual({
      pattern: 'monthly-weekday',
      everyMonths: 1,
      week: 'Second',
      day: 'Tuesday',
      offsetDays: 1,
    });
    expect(settings.deploymentSchedule).toEqual({
      timeBasedOn: 'Utc',
      availableTime: { amount: 2, unit: 'Hours' },
      deadlineTime: { amount: 3, unit: 'Days' },
      isSoftDeadline: true,
    });
    expect(settings.userExperience).toMatchObject({
      userNotification: 'DisplaySoftwareCenterOnly',
      isInstallOutsideMaintenanceWindow: true,
    });
    expect(settings.alerts).toMatchObject({
      isAlertOnRuleFailure: true,
      isAlertOnLowCompliance: true,
    });
    expect(settings.downloadSettings.neighborBoundaryGroups).toBe('NoInstall');
    expect(settings.content.deploymentPackage).toMatchObject({ choice: 'existing' });
    // "Enable the deployment after this rule is run" was cleared: the run's deployment is off.
    const deploymentId = rule.deployments[0]?.deploymentId;
    expect(deploymentId).toBeTypeOf('number');
    const deployment = await call<{ isEnabled: boolean }>('deployments.get', { id: deploymentId });
    expect(deployment.isEnabled).toBe(false);

    const templates = await call<RuleTemplate[]>('ruleTemplates.list', {});
    const saved = templates.find((template) => template.name === 'Demo definitions');
    expect(saved?.settings.softwareUpdates?.criteria.length).toBe(6);
    expect(saved?.settings.general?.groupMode).toBe('existing-group');
  });

  it('shows the 1,000-update cap in Preview, and a run over it fails leaving nothing behind', async () => {
    // 1,001 fixture updates with one phrase in their titles: a rule on that phrase passes the cap.
    const records = Array.from({ length: 1001 }, (_, index) =>
      makeRecord(`Bulk fixture update ${String(index).padStart(4, '0')}`),
    );
    await synchronizeFrom(site.url, bundleOf(records));
    const groupsBefore = await call<{ rows: unknown[] }>('groups.list', { page: { size: 500 } });

    await openWizard();
    await field('Name:').fill('Too many updates');
    await pickCollection('All Systems');
    await next();
    await atStep('deploymentSettings');
    await next();
    await atStep('softwareUpdates');
    await check('Title').check();
    const title = filterDialog('Title');
    await title.getByRole('textbox').fill('Bulk fixture update');
    await title.getByRole('button', { name: 'OK' }).click();
    await title.waitFor({ state: 'detached' });
    await wizard().getByRole('button', { name: 'Preview' }).click();
    const preview = ui.page.getByRole('dialog', { name: 'Preview' });
    const limit = preview.getByTestId('preview-limit');
    await limit.waitFor();
    expect(await preview.innerText()).toContain('1,001 software updates');
    expect(await limit.innerText()).toContain('If the rule ran now, the run would fail.');
    await shot('30-preview-over-the-cap');
    await preview.getByRole('button', { name: 'Close' }).click();
    await preview.waitFor({ state: 'detached' });
    for (const page of [
      'softwareUpdates',
      'evaluationSchedule',
      'deploymentSchedule',
      'userExperience',
      'alerts',
      'downloadSettings',
    ]) {
      await atStep(page);
      await next();
    }
    await atStep('deploymentPackage');
    await radio('No deployment package').check();
    await next();
    const completion = await finish('31');
    expect(completion).toContain('first run failed (0x');
    await shot('31-completion-failed');

    const rule = await ruleNamed('Too many updates');
    expect(rule.lastErrorCode).not.toBe(0);
    expect(completion).toContain(rule.lastErrorCodeHex);
    expect(rule.lastErrorMessage).not.toBe('');
    expect(rule.groupId).toBeNull();
    expect(rule.deployments.every((deployment) => deployment.deploymentId === null)).toBe(true);
    const groupsAfter = await call<{ rows: unknown[] }>('groups.list', { page: { size: 500 } });
    expect(groupsAfter.rows.length).toBe(groupsBefore.rows.length);
  });
});
