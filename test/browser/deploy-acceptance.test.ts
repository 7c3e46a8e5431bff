import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import type { DeploymentDetail } from '../../src/shared/contract/deployments';
import type { DemoFleetStatus } from '../../src/shared/contract/demo-fleet';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { siteCaller } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

const shots = process.env.PATCHBAY_ACCEPTANCE_SHOTS ?? '/tmp/shots-deploy-acceptance';
const deploymentName = 'Demo updates - acceptance';

/**
 * Issue 12's acceptance, as a new admin meets it at 1600 × 1000: a site serving the bundled
 * catalog with the demo content and a demo fleet of 300 clients at 3,600× real time. Select the
 * demo group, Deploy, Next through the wizard (Required, deadline As soon as possible, All
 * Systems, a new package), Finish; Monitoring > Deployments, View Status, and watch devices move
 * to Compliant with a few in Error with their codes. Then the ribbon's Disable, Enable,
 * Properties and Delete.
 */
describe('Deploying the demo group on the demo site, as a new admin', { timeout: 240_000 }, () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  let packageSource: string;
  let deploymentId = 0;

  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);
  const shot = (name: string) => ui.page.screenshot({ path: join(shots, `${name}.png`) });
  const wizard = () => ui.page.getByRole('dialog', { name: 'Deploy Software Updates Wizard' });
  const wizardButton = (name: string) =>
    wizard().locator('footer').getByRole('button', { name, exact: true });
  const step = () => wizard().locator('[data-wizard-step]').getAttribute('data-wizard-step');
  const status = () =>
    ui.page.getByRole('dialog', { name: `Deployment Status: ${deploymentName}` });
  const row = () => ui.gridRows().filter({ hasText: 'Demo updates' }).first();
  const waitForJob = async (jobId: number) => {
    for (const end = Date.now() + 120_000; Date.now() < end;) {
      const { state } = await call<{ state: string }>('jobs.get', { id: jobId });
      if (state !== 'queued' && state !== 'running') return state;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error(`Job ${jobId} did not finish in 120 s.`);
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    packageSource = mkdtempSync(join(tmpdir(), 'patchbay-acceptance-source-'));
    site = await startSite();
    // The bundled real catalog, as on a fresh `npm start`, then the demo content.
    expect(await waitForJob((await call<{ jobId: number }>('sync.start', {})).jobId)).toBe(
      'succeeded',
    );
    await call('content.addDemo', {});
    const groups = await call<{ rows: unknown[] }>('groups.list', {});
    if (groups.rows.length === 0) {
      const demo = await call<{ rows: { ciId: number }[] }>('updates.list', {
        filter: { text: 'Patchbay Demo' },
        page: { size: 50 },
      });
      await call('groups.create', {
        name: 'Demo updates',
        description: 'The demo content',
        ciIds: demo.rows.map((update) => update.ciId),
      });
    }
    await call('fleet.startDemo', { clients: 300, acceleration: 3600 });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    page.on('pageerror', (error) => console.error('Page error:', error.message));
    ui = new ConsolePage(page);
    await ui.open(site.url);
  }, 180_000);
  beforeEach(({ task }) => {
    onTestFailed(async () => {
      await shot(`failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    });
  });
  afterAll(async () => {
    await call('fleet.stopDemo', {}).catch(() => undefined);
    await browser?.close();
    await site?.stop();
    rmSync(packageSource, { recursive: true, force: true });
  });

  it('deploys the demo group through the wizard with its defaults', async () => {
    await ui.chooseWorkspace('Software Library');
    await ui.openNode('Software Update Groups');
    await row().click();
    await shot('01-demo-group');
    await ui.ribbonButton('Deploy').click();
    await wizard().locator('[data-wizard-step="general"]').waitFor();
    await wizard().getByRole('textbox', { name: 'Name:' }).fill(deploymentName);
    await wizard().getByRole('button', { name: 'Browse…' }).click();
    const picker = ui.page.getByRole('dialog', { name: 'Select Collection' });
    await picker.getByRole('cell', { name: 'All Systems', exact: true }).first().click();
    await picker.getByRole('button', { name: 'OK' }).click();
    await picker.waitFor({ state: 'detached' });
    await shot('02-general');
    // Next with the defaults on every page; the deadline As soon as possible so that the
    // fleet-minutes of the acceptance pass in real seconds; a new package where asked.
    for (let page = 0; page < 16 && (await step()) !== 'progress'; page++) {
      const at = (await step())!;
      if (at === 'scheduling')
        await wizard()
          .getByRole('radiogroup', { name: 'Installation deadline' })
          .getByRole('radio', { name: 'As soon as possible' })
          .check();
      if (at === 'deploymentPackage') {
        await wizard().getByRole('textbox', { name: 'Name:' }).fill('Demo acceptance package');
        await wizard().getByRole('textbox', { name: 'Package source:' }).fill(packageSource);
      }
      if (at === 'distributionPoints') {
        await wizard().getByRole('button', { name: 'Add' }).click();
        await ui.page.getByRole('menuitem', { name: 'Distribution Point', exact: true }).click();
        const dps = ui.page.getByRole('dialog', { name: 'Add Distribution Points' });
        await dps.getByRole('checkbox', { name: 'Site content library' }).check();
        await dps.getByRole('button', { name: 'OK' }).click();
        await dps.waitFor({ state: 'detached' });
      }
      await shot(`03-${String(page).padStart(2, '0')}-${at}`);
      await wizardButton('Next >').click();
      await expect.poll(step, { timeout: 30_000 }).not.toBe(at);
    }
    await wizard().locator('[data-wizard-step="completion"]').waitFor({ timeout: 90_000 });
    expect(await wizard().getByTestId('deploy-completion').innerText()).toContain(
      'completed successfully',
    );
    await shot('04-completion');
    await wizardButton('Close').click();
    await wizard().waitFor({ state: 'detached' });
    const list = await call<{ rows: { id: number; name: string }[] }>('deployments.list', {});
    deploymentId = list.rows.find((each) => each.name === deploymentName)!.id;
    expect(deploymentId).toBeGreaterThan(0);
  });

  it('View Status shows devices moving to Compliant, a few in Error with their codes', async () => {
    await ui.chooseWorkspace('Monitoring');
    await ui.openNode('Deployments');
    await row().waitFor();
    await row().click({ position: { x: 200, y: 4 } });
    await shot('05-deployments-node');
    await ui.ribbonButton('View Status').click();
    await status().waitFor();
    const tab = (name: string) => status().getByRole('tab', { name: new RegExp(`^${name} \\(`) });
    const count = async (name: string) =>
      Number(/\((\d[\d,]*)\)/.exec(await tab(name).innerText())?.[1]?.replace(/,/g, '') ?? NaN);
    await expect.poll(() => count('In Progress'), { timeout: 60_000 }).toBeGreaterThan(0);
    await shot('06-view-status-in-progress');
    // Clients without the demo product are compliant at once; installs add to them.
    const compliantBefore = await count('Compliant');
    await expect
      .poll(
        async () => (await count('Compliant')) > compliantBefore && (await count('Error')) > 0,
        { timeout: 60_000 },
      )
      .toBe(true);
    await shot('07-view-status-compliant');
    await tab('Error').click();
    const assets = status().getByTestId('asset-details');
    await assets
      .getByText(/^0x8[0-9A-F]{7}$/)
      .first()
      .waitFor();
    await shot('08-view-status-error');

    // The five categories add up to the devices targeted.
    const detail = await call<DeploymentDetail>('deployments.get', { id: deploymentId });
    const tabs = ['Compliant', 'In Progress', 'Error', 'Requirements Not Met', 'Unknown'];
    let sum = 0;
    for (const name of tabs) sum += await count(name);
    expect(detail.numberTargeted).toBeGreaterThan(0);
    expect(sum).toBe(detail.numberTargeted);
    // No window was passed that the deployment did not allow.
    const fleet = await call<DemoFleetStatus>('fleet.demoStatus', {});
    expect(fleet.installs).toBeGreaterThan(0);
    expect(fleet.outsideWindowInstalls).toBe(0);
    await status().getByRole('button', { name: 'Close' }).click();
    await status().waitFor({ state: 'detached' });
  });

  it('disables, enables, changes and deletes the deployment from the ribbon', async () => {
    const enabled = async () =>
      (await call<DeploymentDetail>('deployments.get', { id: deploymentId })).isEnabled;
    await row().click({ position: { x: 200, y: 4 } });
    await ui.ribbonButton('Disable').click();
    await expect.poll(enabled).toBe(false);
    await expect.poll(() => ui.ribbonButton('Enable').isEnabled()).toBe(true);
    await shot('09-disabled');
    await ui.ribbonButton('Enable').click();
    await expect.poll(enabled).toBe(true);

    await ui.ribbonButton('Properties').click();
    const properties = ui.page.getByRole('dialog', { name: `${deploymentName} Properties` });
    await properties
      .getByRole('textbox', { name: 'Description:' })
      .fill('Accepted on the demo site');
    await shot('10-properties');
    await properties.getByRole('button', { name: 'OK' }).click();
    await properties.waitFor({ state: 'detached' });
    const changed = await call<DeploymentDetail>('deployments.get', { id: deploymentId });
    expect(changed.description).toBe('Accepted on the demo site');

    await ui.ribbonButton('Delete').click();
    const confirm = ui.page.getByRole('alertdialog', { name: 'Confirm Delete' });
    expect(await confirm.innerText()).toContain(deploymentName);
    await shot('11-confirm-delete');
    await confirm.getByRole('button', { name: 'Yes' }).click();
    await expect
      .poll(async () => (await call<{ rows: unknown[] }>('deployments.list', {})).rows.length)
      .toBe(0);
    await ui.emptyList.waitFor();
    // Nothing is selected any more: no deployment action is offered.
    for (const label of ['View Status', 'Enable', 'Disable', 'Delete'])
      expect(await ui.ribbonButton(label).isDisabled(), label).toBe(true);
    await shot('12-deleted');
  });
});
