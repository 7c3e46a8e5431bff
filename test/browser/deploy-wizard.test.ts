import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeploymentDetail } from '../../src/shared/contract/deployments';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { siteCaller } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

const shotsFolder = '/tmp/shots/deploy';

interface DeploymentRow {
  id: number;
  name: string;
  collectionName: string;
  purpose: string;
}

/**
 * The Deploy Software Updates Wizard as an admin walks it on a fresh site with the demo
 * content: with the defaults on a group (content downloaded and distributed on the way), again
 * with changed values on every page for selected updates, the sentences of invalid fields, a
 * template saved and applied, and the deployment found in the group's Deployments tab, whose
 * Properties change it.
 */
// Long walks through a dozen pages on a machine shared with other builds.
describe('Deploy Software Updates Wizard in the console', { timeout: 180_000 }, () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  let packageSource: string;
  let demoTitles: string[] = [];

  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);
  const deployments = async () =>
    (await call<{ rows: DeploymentRow[] }>('deployments.list', { page: { size: 100 } })).rows;
  const wizard = () => ui.page.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
  const wizardButton = (name: string) =>
    wizard().locator('footer').getByRole('button', { name, exact: true });
  const next = () => wizardButton('Next >').click();
  const step = () => wizard().locator('[data-wizard-step]').getAttribute('data-wizard-step');
  const atStep = (id: string) => wizard().locator(`[data-wizard-step="${id}"]`).waitFor();
  const shot = (name: string) => ui.page.screenshot({ path: join(shotsFolder, `${name}.png`) });
  const field = (name: string) => wizard().getByRole('textbox', { name });
  const select = (name: string) => wizard().getByRole('combobox', { name });
  const check = (name: string) => wizard().getByRole('checkbox', { name, exact: true });
  const radio = (name: string) => wizard().getByRole('radio', { name, exact: true });
  const sentence = (text: string) => wizard().getByText(text, { exact: true });
  const pickCollection = async (name: string) => {
    await wizard().getByRole('button', { name: 'Browse…' }).click();
    const picker = ui.page.getByRole('dialog', { name: 'Select Collection' });
    await picker.getByRole('cell', { name, exact: true }).first().click();
    await picker.getByRole('button', { name: 'OK' }).click();
    await picker.waitFor({ state: 'detached' });
  };

  beforeAll(async () => {
    mkdirSync(shotsFolder, { recursive: true });
    packageSource = mkdtempSync(join(tmpdir(), 'patchbay-deploy-source-'));
    site = await startSite();
    await call('content.addDemo', {});
    const updates = await call<{ rows: { ciId: number; title: string }[] }>('updates.list', {
      filter: { text: 'Patchbay Demo' },
      page: { size: 50 },
    });
    demoTitles = updates.rows.map((row) => row.title);
    await call('groups.create', {
      name: 'Demo updates',
      description: 'The demo content',
      ciIds: updates.rows.slice(0, 3).map((row) => row.ciId),
    });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    // A render error blanks the console: say so instead of timing out on a missing element.
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

  it('deploys the demo group with the defaults, downloading and distributing on the way', async () => {
    await ui.openNode('Software Update Groups');
    await ui.gridRows().filter({ hasText: 'Demo updates' }).click();
    await ui.ribbonButton('Deploy').click();
    await atStep('general');
    const name = field('Name:');
    await expect.poll(() => name.inputValue()).toMatch(/^Microsoft Software Updates - \d{4}-/);
    const defaultName = await name.inputValue();
    expect(await field('Software Update/Software Update Group:').inputValue()).toBe('Demo updates');
    await next();
    await sentence('Choose a device collection.').waitFor();
    await name.fill('x'.repeat(257));
    await sentence('At most 256 characters.').waitFor();
    expect(await wizardButton('Summary').isDisabled()).toBe(true);
    await shot('01-general-invalid');
    await name.fill(defaultName);
    await pickCollection('All Systems');
    expect(await field('Collection:').inputValue()).toBe('All Systems');
    await shot('02-general');
    await next();

    await atStep('deploymentSettings');
    expect(await select('Type of deployment:').inputValue()).toBe('Required');
    expect(await select('Detail level:').inputValue()).toBe('10');
    expect(await check('Pre-download content for this deployment').isDisabled()).toBe(true);
    await shot('03-deployment-settings');
    await next();

    await atStep('scheduling');
    expect(await select('Time based on:').inputValue()).toBe('LocalTime');
    const available = wizard().getByRole('radiogroup', { name: 'Software available time' });
    expect(await available.getByRole('radio', { name: 'As soon as possible' }).isChecked()).toBe(
      true,
    );
    const deadline = wizard().getByRole('radiogroup', { name: 'Installation deadline' });
    expect(await deadline.getByRole('radio', { name: 'Specific time' }).isChecked()).toBe(true);
    await shot('04-scheduling');
    await next();

    await atStep('userExperience');
    expect(await select('User notifications:').inputValue()).toBe('DisplayAll');
    expect(
      await check(
        'Commit changes at deadline or during a maintenance window (requires restarts)',
      ).isChecked(),
    ).toBe(true);
    await shot('05-user-experience');
    await next();
    await atStep('alerts');
    await shot('06-alerts');
    await next();
    await atStep('downloadSettings');
    expect(
      await wizard()
        .getByRole('radiogroup', { name: 'Neighbor or default site boundary group' })
        .getByRole('radio', {
          name: 'Download software updates from distribution point and install',
        })
        .isChecked(),
    ).toBe(true);
    await shot('07-download-settings');
    await next();

    await atStep('deploymentPackage');
    expect(await radio('Create a new deployment package').isChecked()).toBe(true);
    await field('Name:').fill('Demo deployment package');
    await field('Package source:').fill(packageSource);
    await shot('08-deployment-package');
    await next();
    await atStep('distributionPoints');
    await wizard().getByRole('button', { name: 'Add' }).click();
    await ui.page.getByRole('menuitem', { name: 'Distribution Point', exact: true }).click();
    const picker = ui.page.getByRole('dialog', { name: 'Add Distribution Points' });
    await picker.getByRole('checkbox', { name: 'Site content library' }).check();
    await picker.getByRole('button', { name: 'OK' }).click();
    await picker.waitFor({ state: 'detached' });
    await shot('09-distribution-points');
    await next();
    await atStep('downloadLocation');
    await shot('10-download-location');
    await next();
    await atStep('languageSelection');
    await shot('11-language-selection');
    await next();

    await atStep('summary');
    expect(await wizard().innerText()).toContain('Demo deployment package');
    await shot('12-summary');
    await next();
    await atStep('progress');
    await shot('13-progress');
    await wizard().locator('[data-wizard-step="completion"]').waitFor({ timeout: 90_000 });
    const completion = wizard().getByTestId('deploy-completion');
    expect(await completion.innerText()).toContain('completed successfully');
    const steps = wizard().getByRole('table', { name: 'Steps' });
    expect(await steps.getByText('Succeeded', { exact: true }).count()).toBe(3);
    await shot('14-completion');
    await wizardButton('Close').click();
    await wizard().waitFor({ state: 'detached' });

    const rows = await deployments();
    expect(rows.map((row) => [row.name, row.collectionName, row.purpose])).toEqual([
      [defaultName, 'All Systems', 'Required'],
    ]);
  });

  it('deploys selected updates with changed values on every page, saving a template', async () => {
    await ui.openNode('All Software Updates');
    await ui.page.getByPlaceholder('Search title, article ID or bulletin ID').fill('Patchbay Demo');
    await ui.page.getByRole('button', { name: 'Search', exact: true }).click();
    const first = ui.gridRows().filter({ hasText: demoTitles[0]! }).first();
    await first.waitFor();
    await first.click({ position: { x: 200, y: 4 } });
    await first.click({ button: 'right', position: { x: 200, y: 4 } });
    await ui.page.getByRole('menuitem', { name: 'Deploy' }).click();
    await atStep('general');
    await field('Name:').fill('Pilot workstations');
    await field('Description:').fill('First wave, workstations only');
    await pickCollection('All Systems');
    await next();

    await atStep('deploymentSettings');
    await select('Type of deployment:').selectOption('Available');
    await check('Pre-download content for this deployment').check();
    await select('Detail level:').selectOption('5');
    await next();
    await atStep('scheduling');
    await select('Time based on:').selectOption('Utc');
    const available = wizard().getByRole('radiogroup', { name: 'Software available time' });
    await available.getByRole('radio', { name: 'Specific time' }).check();
    await wizard()
      .getByRole('textbox', { name: 'Software available time date' })
      .fill('2030-06-10');
    await wizard().getByRole('textbox', { name: 'Software available time time' }).fill('09:00');
    expect(
      await wizard().getByRole('textbox', { name: 'Installation deadline date' }).isDisabled(),
    ).toBe(true);
    await sentence('An Available deployment has no installation deadline.').waitFor();
    await shot('20-scheduling-available');
    await next();
    await atStep('userExperience');
    await select('User notifications:').selectOption('HideAll');
    await sentence('An Available deployment must be shown in Software Center.').waitFor();
    await next();
    expect(await step()).toBe('userExperience');
    await shot('21-user-experience-invalid');

    // Back to Required through the left list: the deadline may not come before availability.
    await wizard()
      .getByRole('navigation', { name: 'Wizard pages' })
      .getByRole('button', { name: 'Deployment Settings' })
      .click();
    await atStep('deploymentSettings');
    await select('Type of deployment:').selectOption('Required');
    await check('Use Wake-on-LAN to wake up clients for required deployments').check();
    await next();
    await atStep('scheduling');
    const deadline = wizard().getByRole('radiogroup', { name: 'Installation deadline' });
    await deadline.getByRole('radio', { name: 'Specific time' }).check();
    expect(
      await wizard().getByRole('textbox', { name: 'Installation deadline date' }).inputValue(),
    ).toBe('2030-06-17');
    await wizard().getByRole('textbox', { name: 'Installation deadline date' }).fill('2030-06-09');
    await sentence(
      'The installation deadline cannot be before the software available time.',
    ).waitFor();
    await next();
    expect(await step()).toBe('scheduling');
    await shot('22-scheduling-deadline-invalid');
    await wizard().getByRole('textbox', { name: 'Installation deadline date' }).fill('2030-06-12');
    await wizard().getByRole('textbox', { name: 'Installation deadline time' }).fill('02:00');
    await check(
      'Delay enforcement of this deployment according to user preferences, up to the grace period defined in client settings',
    ).check();
    await next();

    await atStep('userExperience');
    await select('User notifications:').selectOption('DisplaySoftwareCenterOnly');
    await check('Software updates installation').check();
    await check('System restart (if necessary)').check();
    await check('Servers').check();
    await wizard()
      .getByText('Suppressing a restart can leave devices insecure', { exact: false })
      .waitFor();
    await check(
      'Commit changes at deadline or during a maintenance window (requires restarts)',
    ).uncheck();
    await check(
      'If any update in this deployment requires a system restart, run updates deployment evaluation cycle after restart',
    ).check();
    await shot('23-user-experience');
    await next();

    await atStep('alerts');
    await check('Generate an alert when the following conditions are met:').check();
    const percent = wizard().getByRole('spinbutton', {
      name: 'Client compliance is below the following (percent):',
    });
    await percent.fill('');
    await sentence('Enter a whole number from 1 to 99.').waitFor();
    await percent.fill('90');
    await wizard().getByRole('spinbutton', { name: 'Offset from the deadline:' }).fill('2');
    await select('Offset unit').selectOption('Weeks');
    await check(
      'Generate Operations Manager alert when a software update installation fails',
    ).check();
    await shot('24-alerts');
    await next();

    await atStep('downloadSettings');
    await wizard()
      .getByRole('radiogroup', { name: 'Neighbor or default site boundary group' })
      .getByRole('radio', { name: 'Do not install software updates' })
      .check();
    await check('Allow clients to share content with other clients on the same subnet').uncheck();
    await check(
      'Allow clients on a metered Internet connection to download content after the installation deadline, which might incur additional costs',
    ).check();
    await shot('25-download-settings');
    await next();

    // The update is already in the package: no content pages.
    await atStep('summary');
    const pages = await wizard()
      .getByRole('navigation', { name: 'Wizard pages' })
      .getByRole('button')
      .allInnerTexts();
    expect(pages).not.toContain('Deployment Package');
    const templateName = wizard().getByRole('textbox', { name: 'Template name:' });
    await templateName.fill('Pilot/ring');
    await sentence("Use letters, digits, spaces, \\ and ' only.").waitFor();
    await templateName.fill('Pilot ring');
    await check('Collection').check();
    await wizard().getByRole('button', { name: 'Save', exact: true }).click();
    await wizard().getByText('The template "Pilot ring" is saved.', { exact: false }).waitFor();
    await shot('26-summary-template-saved');
    await next();
    await wizard().locator('[data-wizard-step="completion"]').waitFor({ timeout: 60_000 });
    expect(await wizard().getByTestId('deploy-completion').innerText()).toContain(
      'completed successfully',
    );
    await shot('27-completion');
    await wizardButton('Close').click();

    const row = (await deployments()).find((each) => each.name === 'Pilot workstations')!;
    const detail = await call<DeploymentDetail>('deployments.get', { id: row.id });
    expect(detail.assignmentType).toBe(1);
    expect(detail.description).toBe('First wave, workstations only');
    const { settings } = detail;
    expect(settings.deploymentSettings).toMatchObject({
      purpose: 'Required',
      isWakeOnLan: true,
      verbosity: 5,
    });
    expect(settings.scheduling).toMatchObject({
      timeBasedOn: 'Utc',
      availableTime: '2030-06-10T09:00:00',
      deadlineTime: '2030-06-12T02:00:00',
      isSoftDeadline: true,
    });
    expect(settings.userExperience).toMatchObject({
      userNotification: 'DisplaySoftwareCenterOnly',
      isInstallOutsideMaintenanceWindow: true,
      isRestartOutsideMaintenanceWindow: true,
      isRestartSuppressedOnServers: true,
      isWriteFilterCommitted: false,
      isReevaluatedAfterRestart: true,
    });
    expect(settings.alerts).toMatchObject({
      isAlertOnLowCompliance: true,
      compliancePercentBelow: 90,
      offsetFromDeadline: 2,
      offsetUnit: 'Weeks',
      isOperationsManagerAlertOnFailure: true,
    });
    expect(settings.downloadSettings).toMatchObject({
      neighborBoundaryGroups: 'NoInstall',
      isBranchCacheAllowed: false,
      isMeteredNetworkAllowed: true,
    });
  });

  it('applies the saved template on the General page', async () => {
    await ui.openNode('Software Update Groups');
    await ui.gridRows().filter({ hasText: 'Demo updates' }).click();
    await ui.ribbonButton('Deploy').click();
    await atStep('general');
    await wizard().getByRole('button', { name: 'Select Deployment Template…' }).click();
    const picker = ui.page.getByRole('dialog', { name: 'Select Deployment Template' });
    await picker.getByRole('cell', { name: 'Pilot ring', exact: true }).click();
    await picker.getByRole('button', { name: 'OK' }).click();
    await wizard()
      .getByTestId('applied-template')
      .getByText('Pilot ring', { exact: false })
      .waitFor();
    expect(await field('Collection:').inputValue()).toBe('All Systems');
    await shot('30-general-template-applied');
    await next();
    await atStep('deploymentSettings');
    expect(await select('Detail level:').inputValue()).toBe('5');
    await next();
    await atStep('scheduling');
    expect(await select('Time based on:').inputValue()).toBe('Utc');
    await wizardButton('Cancel').click();
    await ui.page.getByRole('button', { name: 'Yes' }).click();
    await wizard().waitFor({ state: 'detached' });
  });

  it("lists the deployment in the group's Deployments tab and changes it in Properties", async () => {
    await ui.openNode('Software Update Groups');
    await ui.gridRows().filter({ hasText: 'Demo updates' }).click();
    await ui.detailsPane.getByRole('tab', { name: 'Deployments' }).click();
    const table = ui.detailsPane.getByRole('table', { name: 'Deployments' });
    const row = table.getByRole('row').filter({ hasText: 'Microsoft Software Updates' });
    await row.waitFor();
    expect(await row.innerText()).toContain('All Systems');
    await shot('40-group-deployments-tab');
    await row.click();
    await ui.detailsPane.getByRole('button', { name: 'Properties' }).click();
    const dialog = ui.page.getByRole('dialog', { name: /Microsoft Software Updates.* Properties/ });
    const name = dialog.getByRole('textbox', { name: 'Name:' });
    await name.waitFor();
    await name.fill('y'.repeat(257));
    await dialog.getByText('At most 256 characters.', { exact: true }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await shot('41-properties-general-invalid');
    await name.fill('Demo updates to All Systems');
    await dialog.getByRole('textbox', { name: 'Description:' }).fill('Changed in Properties');
    await dialog.getByRole('tab', { name: 'Deployment Settings' }).click();
    expect(await dialog.getByRole('combobox', { name: 'Type of deployment:' }).isDisabled()).toBe(
      true,
    );
    await shot('42-properties-deployment-settings');
    await dialog.getByRole('tab', { name: 'User Experience' }).click();
    await dialog.getByRole('checkbox', { name: 'Workstations', exact: true }).check();
    await shot('43-properties-user-experience');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });

    const changed = (await deployments()).find(
      (each) => each.name === 'Demo updates to All Systems',
    );
    expect(changed).toBeDefined();
    const detail = await call<DeploymentDetail>('deployments.get', { id: changed!.id });
    expect(detail.description).toBe('Changed in Properties');
    expect(detail.settings.userExperience.isRestartSuppressedOnWorkstations).toBe(true);
    await table.getByText('Demo updates to All Systems').waitFor();
  });
});
