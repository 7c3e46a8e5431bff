import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { shootFailuresAndCloseAfterAll } from './support/lifecycle';
import { siteCaller, synchronizeFrom } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

const shots = '/tmp/shots-automatic-deployment-rules';
const ruleName = 'Patch Tuesday - Workstations';
const failingName = 'Cumulative - Kiosks from the share';

/**
 * Software Library > Automatic Deployment Rules as the admin sees it: a rule made through the
 * site's API (as the wizard's Finish makes one), then every ribbon action of §8.3 and Add
 * Deployment of §8.4 in the console, against the real `patchbay serve`.
 */
describe('Automatic Deployment Rules in the console', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  let pilotCollection = '';

  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);
  const row = () => ui.gridRows().filter({ hasText: ruleName }).first();
  // Fluent dialogs fade in: a screenshot waits for the fade to end.
  const shot = async (name: string) => {
    await ui.page.waitForTimeout(300);
    await ui.page.screenshot({ path: `${shots}/${name}.png` });
  };
  const top = { x: 300, y: 6 };
  const select = async () => {
    await row().click({ position: top });
    await ui.detailsPane.getByText(ruleName).first().waitFor();
  };
  const wizard = () => ui.page.getByRole('dialog', { name: 'Add Deployment Wizard' });
  const next = () => wizard().getByRole('button', { name: 'Next >' }).click();

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    site = await startSite();
    await synchronizeFrom(
      site.url,
      bundleOf([makeRecord('Cumulative 2024-12'), makeRecord('Cumulative 2024-11')]),
    );
    const collections = await call<Array<{ id: number; name: string }>>('collections.list', {});
    const pilot = await call<{ id: number; name: string }>('collections.create', {
      name: 'Pilot workstations',
    });
    pilotCollection = pilot.name;
    await call('rules.create', {
      general: {
        name: ruleName,
        description: 'Cumulative updates for every workstation',
        collectionId: collections.find((collection) => collection.name === 'All Systems')!.id,
      },
      softwareUpdates: { criteria: [{ property: 'title', values: ['Cumulative'] }] },
      evaluationSchedule: { runType: 'manual' },
      content: {
        deploymentPackage: { choice: 'none' },
        languageSelection: { languages: ['English'] },
      },
      runAfterCreate: false,
    });
    // A rule whose content is to come from an empty share: its run fails in Download.
    await call('rules.create', {
      general: {
        name: failingName,
        collectionId: pilot.id,
      },
      softwareUpdates: { criteria: [{ property: 'title', values: ['Cumulative'] }] },
      evaluationSchedule: { runType: 'manual' },
      content: {
        deploymentPackage: {
          choice: 'new',
          package: {
            name: 'Kiosk updates',
            sourcePath: mkdtempSync(join(tmpdir(), 'patchbay-kiosk-package-')),
          },
        },
        location: { source: 'network', path: mkdtempSync(join(tmpdir(), 'patchbay-empty-share-')) },
        languageSelection: { languages: ['English'] },
      },
      runAfterCreate: true,
    });

    browser = await launchBrowser();
    ui = new ConsolePage(await browser.context.newPage());
    await ui.open(site.url);
    await ui.chooseWorkspace('Software Library');
    await ui.openNode('Automatic Deployment Rules');
  });
  shootFailuresAndCloseAfterAll(shot, () => ({ browser, site }));

  it('lists the rule with the §8.3 columns and its Next Run Time', async () => {
    await row().waitFor();
    expect(await ui.columnHeaders()).toEqual([
      'Name',
      'Description',
      'Enabled',
      'Last Run Time',
      'Last Error Code',
      'Last Error Time',
      'Collection',
      'Next Run Time',
    ]);
    expect(await row().innerText()).toMatch(
      /Cumulative updates for every workstation\s+Yes\s+0x00000000\s+All Systems\s+Only when run manually/,
    );
    await select();
    expect(await ui.detailsPane.getByTestId('rule-criteria').innerText()).toContain('Cumulative');
    await shot('rules-node');
    // The ribbon's first button opens the Create Automatic Deployment Rule Wizard.
    await ui.ribbonButton('Create Automatic Deployment Rule').click();
    const create = ui.page.getByRole('dialog', { name: 'Create Automatic Deployment Rule Wizard' });
    await create.getByRole('textbox', { name: 'Name:' }).waitFor();
    await create.getByRole('button', { name: 'Cancel' }).click();
    await create.waitFor({ state: 'hidden' });
  });

  it('shows a failed run with its Last Error Code, Last Error Time and the sentence why', async () => {
    const failing = ui.gridRows().filter({ hasText: failingName }).first();
    await expect
      .poll(() => failing.innerText(), { timeout: 30_000 })
      .toMatch(/Yes\s+\d+\/\d+\/\d{4}, .+\s+0x87D20417\s+\d+\/\d+\/\d{4}, .+\s+Pilot workstations/);
    expect(await failing.getByRole('img').getAttribute('data-failed')).toBe('true');
    await failing.click({ position: top });
    await ui.detailsPane.getByText('Nothing was added to the package').waitFor();
    await shot('failed-rule');
  });

  it('disables and enables the rule from the ribbon, and follows changes made elsewhere', async () => {
    await select();
    await ui.ribbonButton('Disable').click();
    await expect.poll(() => row().innerText()).toMatch(/workstation\s+No\s/);
    expect(await row().getByRole('img').getAttribute('data-enabled')).toBe('false');
    await ui.ribbonButton('Enable').click();
    await expect.poll(() => row().innerText()).toMatch(/workstation\s+Yes\s/);
    // A change made elsewhere (another console, the CLI) reaches the list by itself.
    await call('rules.setEnabled', { ids: [await ruleId()], isEnabled: false });
    await expect.poll(() => row().innerText()).toMatch(/workstation\s+No\s/);
    await call('rules.setEnabled', { ids: [await ruleId()], isEnabled: true });
    await expect.poll(() => row().innerText()).toMatch(/workstation\s+Yes\s/);
  });

  it('runs the rule now: the job shows in the Jobs panel and the rule gets its group', async () => {
    await select();
    await ui.ribbonButton('Run Now').click();
    await ui.jobsPanel.waitFor();
    await ui.jobCard('automatic deployment rule').waitFor();
    await shot('run-now-job');
    await expect
      .poll(() => row().innerText(), { timeout: 30_000 })
      .toMatch(/workstation\s+Yes\s+\d+\/\d+\/\d{4}, .+\s+0x00000000\s+All Systems/);
    await ui.ribbonButton('Show Software Update Group').click();
    await ui.resultTitle('Software Update Groups').waitFor();
    await ui.page
      .getByTestId('list-scope')
      .getByText(`Software update group of ${ruleName}`)
      .waitFor();
    await expect.poll(() => ui.gridRows().first().innerText()).toContain(`${ruleName} 20`);
    expect(await ui.gridRows().count()).toBe(1);
    await shot('show-software-update-group');
    await ui.openNode('Automatic Deployment Rules');
  });

  it('adds a second deployment that the Deployments tab shows', async () => {
    await select();
    await ui.ribbonButton('Add Deployment').click();
    await wizard().getByRole('textbox', { name: 'Automatic deployment rule:' }).waitFor();
    await next();
    await wizard().getByText('Choose a device collection.').waitFor();
    await wizard().getByRole('button', { name: 'Browse…' }).click();
    const pick = ui.page.getByRole('dialog', { name: 'Select Collection' });
    await pick.getByText(pilotCollection).click();
    await pick.getByRole('button', { name: 'OK' }).click();
    // Every later page starts from the rule's own deployment, so Summary is open at once.
    await expect
      .poll(() =>
        wizard().getByRole('contentinfo').getByRole('button', { name: 'Summary' }).isEnabled(),
      )
      .toBe(true);
    await shot('add-deployment-collection');
    await next();
    await wizard().getByRole('combobox', { name: 'Type of deployment:' }).waitFor();
    await next();
    await wizard()
      .getByRole('radiogroup', { name: 'Software available time' })
      .getByText('Specific time:')
      .click();
    await wizard().getByLabel('Software available time amount').fill('2');
    await shot('add-deployment-schedule');
    // User Experience, Alerts and Download Settings as the rule's own deployment has them.
    for (const page of ['User Experience', 'Alerts', 'Download Settings', 'Summary']) {
      await next();
      await wizard().getByRole('heading', { name: page, exact: true }).waitFor();
    }
    await wizard().getByText('2 days after the rule runs').waitFor();
    await shot('add-deployment-summary');
    await next();
    await wizard().getByTestId('add-deployment-completion').waitFor();
    await shot('add-deployment-completion');
    await wizard().getByRole('button', { name: 'Close' }).click();

    await select();
    await ui.detailsPane.getByRole('tab', { name: 'Deployments' }).click();
    const table = ui.detailsPane.getByRole('table', { name: 'Deployments' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(await table.innerText()).toContain(pilotCollection);
    expect(await table.innerText()).toContain(
      'Available 2 days after the run, deadline 7 days later',
    );
    expect(await table.innerText()).toContain('Made at the next run');
    // The next run deploys the rule's new group to both collections.
    await ui.ribbonButton('Run Now').click();
    const pilot = table.locator('tbody tr').filter({ hasText: pilotCollection });
    await expect
      .poll(() => pilot.innerText(), { timeout: 30_000 })
      .toMatch(new RegExp(`${ruleName} 20.*\\s+Required\\s+Yes`));
    await shot('deployments-tab');

    // Edit changes the added deployment's own pages (Set-CMAutoDeploymentRuleDeployment).
    await pilot.click();
    await ui.detailsPane.getByRole('button', { name: 'Edit' }).click();
    const edit = ui.page.getByRole('dialog', {
      name: `${ruleName} deployment to ${pilotCollection} Properties`,
    });
    await edit.getByRole('tab', { name: 'Deployment Schedule' }).click();
    await edit.getByLabel('Installation deadline amount').fill('3');
    await shot('deployment-edit');
    await edit.getByRole('button', { name: 'OK' }).click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => pilot.innerText()).toContain('deadline 3 days later');

    // Remove: later runs no longer deploy to the collection.
    await pilot.click();
    await ui.detailsPane.getByRole('button', { name: 'Remove' }).click();
    const confirm = ui.page.getByRole('alertdialog', { name: 'Confirm Delete' });
    await confirm.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await ui.detailsPane.getByRole('tab', { name: 'Summary' }).click();
  });

  it('saves a change made in Properties', async () => {
    await select();
    await ui.ribbonButton('Properties').click();
    const dialog = ui.page.getByRole('dialog', { name: `${ruleName} Properties` });
    const description = dialog.getByRole('textbox', { name: 'Description:' });
    await description.fill('Cumulative updates, piloted first');
    await expect.poll(() => dialog.getByRole('button', { name: 'Apply' }).isEnabled()).toBe(true);
    await shot('properties-general');
    await dialog.getByRole('tab', { name: 'Deployment Schedule' }).click();
    await dialog.getByRole('radiogroup', { name: 'Installation deadline' }).waitFor();
    await shot('properties-deployment-schedule');
    await dialog.getByRole('tab', { name: 'Software Updates' }).click();
    await dialog.getByText('Title: Cumulative', { exact: false }).first().waitFor();
    await shot('properties-software-updates');
    await dialog.getByRole('tab', { name: 'Evaluation Schedule' }).click();
    await shot('properties-evaluation-schedule');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row().innerText()).toContain('Cumulative updates, piloted first');
    expect(
      (await call<{ description: string }>('rules.get', { id: await ruleId() })).description,
    ).toBe('Cumulative updates, piloted first');
  });

  it('deletes the rule after asking', async () => {
    await select();
    await ui.ribbonButton('Delete').click();
    const confirm = ui.page.getByRole('alertdialog', { name: 'Confirm Delete' });
    await confirm.getByText(`the automatic deployment rule "${ruleName}"`).waitFor();
    await shot('delete-confirmation');
    await confirm.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => row().count()).toBe(0);
    expect(await ui.gridRows().filter({ hasText: failingName }).count()).toBe(1);
    const rules = await call<{ rows: Array<{ name: string }> }>('rules.list', {
      filter: {},
      page: { size: 10 },
    });
    expect(rules.rows.map((rule) => rule.name)).toEqual([failingName]);
    // The groups its runs made stay, as in ConfigMgr.
    const groups = await call<{ rows: Array<{ name: string }> }>('groups.list', {
      filter: { text: ruleName },
      page: { size: 10 },
    });
    expect(groups.rows.length).toBeGreaterThanOrEqual(2);
  });

  async function ruleId(): Promise<number> {
    const page = await call<{ rows: Array<{ id: number; name: string }> }>('rules.list', {
      filter: {},
      page: { size: 10 },
    });
    return page.rows.find((rule) => rule.name === ruleName)!.id;
  }
});
