import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManagementPointClient } from '../../src/main/host/fleet/management-point-client';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { shootFailuresAndCloseAfterAll } from './support/lifecycle';
import { siteCaller } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

const shots = '/tmp/shots-client-settings';

/**
 * Administration > Client Settings, Resultant Client Settings of a device, and a collection's
 * General page edited in Properties, as an admin uses them.
 */
describe('Client settings and collection properties in the console', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  let pilotId = 0;

  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);
  const row = (text: string) => ui.gridRows().filter({ hasText: text }).first();
  const top = { x: 120, y: 4 };
  const dialog = () => ui.page.getByRole('dialog').last();
  const shot = (name: string) => ui.page.screenshot({ path: `${shots}/${name}.png` });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    site = await startSite();
    const mp = new ManagementPointClient(site.url);
    const workstation = { domain: 'CONTOSO', osName: 'Windows 11', products: ['Windows 11'] };
    const ws1 = await mp.register({ ...workstation, name: 'ws-001' });
    await mp.register({ ...workstation, name: 'ws-002' });
    const pilot = await call<{ id: number }>('collections.create', { name: 'Pilot' });
    pilotId = pilot.id;
    await call('collections.addRule', {
      id: pilot.id,
      rule: { kind: 'direct', clientId: ws1.clientId },
    });
    browser = await launchBrowser();
    ui = new ConsolePage(await browser.context.newPage());
    await ui.open(site.url);
  });
  shootFailuresAndCloseAfterAll(shot, () => ({ browser, site }));

  it('creates custom client device settings, refusing a countdown as long as the restart time', async () => {
    await ui.chooseWorkspace('Administration');
    await ui.openNode('Client Settings');
    await row('Default Client Settings').waitFor();
    expect(await ui.columnHeaders()).toEqual([
      'Name',
      'Priority',
      'Type',
      'Deployments',
      'Description',
      'Date Modified',
    ]);
    expect(await row('Default Client Settings').innerText()).toContain('10000');

    await ui.ribbonButton('Create Custom Client Device Settings').click();
    await dialog().getByRole('textbox', { name: 'Name' }).fill('Fast restarts');
    await dialog().getByRole('checkbox', { name: 'Computer Restart' }).check();
    await dialog().getByRole('tab', { name: 'Computer Restart' }).click();
    const after = dialog().getByRole('spinbutton', {
      name: /amount of time after the deadline before a device gets restarted/,
    });
    await expect.poll(() => after.inputValue()).toBe('90');
    await after.fill('60');
    await dialog()
      .getByRole('spinbutton', { name: /final countdown notification/ })
      .fill('60');
    await dialog()
      .getByText(
        /the final countdown \(60 minutes\) must be shorter than the time after the deadline/,
      )
      .waitFor();
    await shot('create-client-settings-problem');
    await dialog()
      .getByRole('spinbutton', { name: /final countdown notification/ })
      .fill('15');
    await shot('create-client-settings');
    await dialog().getByRole('button', { name: 'OK' }).click();
    await ui.page.getByText('Created client settings Fast restarts at priority 1.').waitFor();
    await expect.poll(() => row('Fast restarts').innerText()).toMatch(/Fast restarts\s+1\s+Device/);
  });

  it('changes priority, deploys to a collection and edits the default', async () => {
    await call('clientSettings.create', {
      name: 'Quiet reporting',
      settings: { stateMessageReportingCycleMinutes: 60, restartAfterDeadlineMinutes: 30 },
    });
    await row('Quiet reporting').waitFor();
    await row('Quiet reporting').click({ position: top });
    await ui.ribbonButton('Increase Priority').click();
    await ui.page.getByText('Quiet reporting now has priority 1.').waitFor();
    await expect.poll(() => row('Fast restarts').innerText()).toMatch(/Fast restarts\s+2/);

    await row('Fast restarts').click({ position: top });
    await ui.ribbonButton('Deploy').click();
    await dialog()
      .getByRole('checkbox', { name: /^Pilot/ })
      .check();
    await shot('deploy-client-settings');
    await dialog().getByRole('button', { name: 'OK' }).click();
    await ui.page.getByText('Fast restarts is deployed to 1 collection.').waitFor();
    await expect.poll(() => row('Fast restarts').innerText()).toMatch(/Device\s+1/);

    await row('Default Client Settings').dblclick({ position: top });
    const properties = ui.page.getByRole('dialog', { name: /Default Client Settings/ });
    await properties.getByRole('tab', { name: 'State Messaging' }).click();
    await properties.getByRole('spinbutton', { name: /State message reporting cycle/ }).fill('30');
    await shot('default-client-settings-properties');
    await properties.getByRole('button', { name: 'OK' }).click();
    await properties.waitFor({ state: 'detached' });
    const all = await call<Array<{ isDefault: boolean; settings: Record<string, unknown> }>>(
      'clientSettings.list',
      {},
    );
    expect(all.find((s) => s.isDefault)!.settings['stateMessageReportingCycleMinutes']).toBe(30);
  });

  it("shows a device's Resultant Client Settings with where each setting comes from", async () => {
    await ui.chooseWorkspace('Assets and Compliance');
    await ui.openNode('Devices');
    await row('WS-001').click({ position: top });
    await ui.ribbonButton('Resultant Client Settings').click();
    const table = dialog().getByRole('table', { name: 'Resultant client settings' });
    await expect
      .poll(() => table.getByRole('row', { name: /amount of time after the deadline/ }).innerText())
      .toMatch(/60\s+Fast restarts\s+2/);
    expect(
      await table.getByRole('row', { name: /State message reporting cycle/ }).innerText(),
    ).toMatch(/30\s+Default Client Settings\s+10000/);
    await ui.page.waitForTimeout(400); // the dialog's fade-in, for the screenshot only
    await shot('resultant-client-settings');
    await dialog().getByRole('button', { name: 'Close' }).click();
  });

  it('edits a collection on General and updates its membership from the ribbon', async () => {
    await ui.openNode('Device Collections');
    await row('Pilot').dblclick({ position: top });
    const properties = ui.page.getByRole('dialog', { name: 'Pilot Properties' });
    await properties.getByRole('textbox', { name: 'Name' }).fill('Pilot ring');
    await properties.getByRole('textbox', { name: 'Comment' }).fill('First wave');
    await properties.getByRole('combobox', { name: 'Limiting collection' }).click();
    await ui.page.getByRole('option', { name: /^All Workstations/ }).click();
    await properties.getByRole('spinbutton', { name: 'Full update every (days)' }).fill('3');
    await shot('collection-general');
    await properties.getByRole('button', { name: 'Apply' }).click();
    await ui.page.getByText('Saved Pilot ring: it has 1 member.').waitFor();
    await properties.getByRole('button', { name: 'OK' }).click();
    await properties.waitFor({ state: 'detached' });
    await expect.poll(() => row('Pilot ring').innerText()).toContain('All Workstations');
    const saved = (
      await call<Array<{ id: number; refreshEveryDays: number; comment: string }>>(
        'collections.list',
        {},
      )
    ).find((c) => c.id === pilotId);
    expect(saved).toMatchObject({ refreshEveryDays: 3, comment: 'First wave' });

    await row('All Servers').dblclick({ position: top });
    const builtIn = ui.page.getByRole('dialog', { name: 'All Servers Properties' });
    expect(await builtIn.getByRole('textbox', { name: 'Name' }).isDisabled()).toBe(true);
    await builtIn.getByRole('button', { name: 'Cancel' }).click();

    await row('Pilot ring').click({ position: top });
    await ui.ribbonButton('Update Membership').click();
    await ui.page
      .getByText('Updated the membership of Pilot ring: 0 added, 0 removed; it has 1 member.')
      .waitFor();
    await shot('collection-update-membership');
  });
});
