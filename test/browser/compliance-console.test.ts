import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ManagementPointClient,
  type ClientIdentity,
} from '../../src/main/host/fleet/management-point-client';
import type { StateMessage } from '../../src/shared/contract/compliance';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { shootFailuresAndCloseAfterAll } from './support/lifecycle';
import { siteCaller, synchronizeFrom } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

const shots = '/tmp/shots6';
const records = ['Cumulative 2024-01', 'Cumulative 2024-02', 'Dotnet 2024-02', 'Edge 2024-03'].map(
  (name) => makeRecord(name),
);
const [january, february, dotnet, edge] = records as [
  (typeof records)[0],
  (typeof records)[0],
  (typeof records)[0],
  (typeof records)[0],
];

/**
 * Clients, collections, maintenance windows and live compliance as an admin sees them. The
 * clients are made the way agents make themselves: registration and state message batches over
 * the management point's HTTP endpoint.
 */
describe('Devices, collections and live compliance in the console', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  let mp: ManagementPointClient;
  const clients: ClientIdentity[] = [];
  let batch = 0;

  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);
  const now = () => new Date().toISOString();
  const scan = (stateId: number, errorCode: number | string = 0): StateMessage => ({
    topicType: 501,
    stateId,
    errorCode,
    time: now(),
  });
  const detection = (record: typeof january, stateId: number): StateMessage => ({
    topicType: 500,
    updateId: record.updateId,
    stateId,
    time: now(),
  });
  const post = (client: ClientIdentity, messages: StateMessage[]) =>
    mp.postStateMessages(client, { batchId: `console-test-${++batch}`, messages });

  const row = (text: string) => ui.gridRows().filter({ hasText: text }).first();
  const top = { x: 200, y: 4 };
  const dialog = () => ui.page.getByRole('dialog').last();
  const properties = () => ui.page.getByRole('dialog', { name: 'Pilot workstations Properties' });
  const shot = (name: string) => ui.page.screenshot({ path: `${shots}/${name}.png` });
  const pieCount = (label: string) =>
    ui.detailsPane.getByTestId(`pie-${label}`).first().innerText();

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    site = await startSite();
    await synchronizeFrom(site.url, bundleOf(records));
    mp = new ManagementPointClient(site.url);
    const workstation = {
      domain: 'CONTOSO',
      osName: 'Windows 11',
      osBuild: '10.0.22631',
      products: ['Windows 11'],
      clientVersion: '5.00.9128.1000',
    };
    for (let index = 1; index <= 4; index++)
      clients.push(await mp.register({ ...workstation, name: `ws-00${index}` }));
    clients.push(
      await mp.register({
        ...workstation,
        name: 'srv-sql01',
        osName: 'Windows Server 2022',
        osBuild: '10.0.20348',
        isServer: true,
        timeZoneOffsetMinutes: -300,
      }),
    );
    clients.push(await mp.register({ ...workstation, name: 'ws-new' }));
    for (const client of clients) await mp.policy(client);
    // Three workstations scanned: January and February required on two, installed on one.
    for (const [index, client] of clients.slice(0, 3).entries())
      await post(client, [
        scan(3),
        detection(january, index === 2 ? 3 : 2),
        detection(february, 2),
        detection(dotnet, 1),
        detection(edge, 3),
      ]);
    // One workstation installed everything; the server's scan failed; ws-new never scanned.
    await post(clients[3]!, [
      scan(3),
      detection(january, 3),
      detection(february, 3),
      detection(dotnet, 3),
      detection(edge, 3),
    ]);
    await post(clients[4]!, [scan(5, '0x80244022')]);

    browser = await launchBrowser();
    ui = new ConsolePage(await browser.context.newPage());
    await ui.open(site.url);
    await ui.chooseWorkspace('Assets and Compliance');
  });
  shootFailuresAndCloseAfterAll(shot, () => ({ browser, site }));

  it('lists the registered devices with the console columns and shows one device’s update states', async () => {
    await ui.openNode('Devices');
    await expect.poll(() => ui.itemCount()).toBe(6);
    expect(await ui.columnHeaders()).toEqual([
      'Name',
      'Client',
      'Site Code',
      'Client Activity',
      'Operating System',
      'OS Build',
      'Last Scan',
      'Last State Message',
      'Client Version',
    ]);
    await row('WS-001').click({ position: top });
    const states = ui.detailsPane.getByRole('table', { name: 'Software update states' });
    await states.waitFor();
    expect(await states.innerText()).toContain('Required');
    expect(await ui.detailsPane.getByRole('button', { name: 'Required (2)' }).count()).toBe(1);
    await shot('devices-update-states');

    await row('SRV-SQL01').click({ position: top });
    await ui.detailsPane.getByText('Last scan: Failed (0x80244022)').waitFor();
    await ui.detailsPane.getByText(/its last scan failed \(0x80244022\)/).waitFor();
    await ui.detailsPane.getByRole('tab', { name: 'Summary' }).click();
    await ui.detailsPane.getByText('Windows Server 2022 (10.0.20348)').waitFor();
    await ui.detailsPane.getByText('UTC-05:00').waitFor();
    await shot('devices-summary');
  });

  it('creates a collection with a query rule and a maintenance window, and shows the calendar', async () => {
    await ui.openNode('Device Collections');
    await row('All Systems').waitFor();
    expect(await ui.columnHeaders()).toEqual([
      'Name',
      'Limiting Collection',
      'Member Count',
      'Comment',
      'Collection ID',
    ]);
    await ui.ribbonButton('Create Device Collection').click();
    await dialog().getByRole('button', { name: 'Create' }).click();
    await dialog().getByText('A device collection needs a name.').waitFor();
    await dialog().getByRole('textbox', { name: 'Name' }).fill('Pilot workstations');
    await dialog().getByRole('textbox', { name: 'Comment' }).fill('First ring for Patch Tuesday');
    await shot('collections-create');
    await dialog().getByRole('button', { name: 'Create' }).click();
    await dialog().waitFor({ state: 'detached' });
    await row('Pilot workstations').waitFor();
    expect(await row('Pilot workstations').innerText()).toContain('All Systems');

    await row('Pilot workstations').dblclick({ position: top });
    await properties().getByRole('tab', { name: 'Membership Rules' }).click();
    await properties().getByRole('button', { name: 'Add Rule' }).click();
    await ui.page.getByRole('menuitem', { name: 'Query Rule' }).click();
    await dialog().getByRole('textbox', { name: 'Name' }).fill('Windows 11 workstations');
    await dialog().getByRole('textbox', { name: 'Value 1' }).fill('Windows 11');
    await shot('collections-query-rule');
    await dialog().getByRole('button', { name: 'OK' }).click();
    await ui.page
      .getByText(/Query rule added to Pilot workstations: it now has 5 members/)
      .waitFor();
    await expect
      .poll(() => properties().getByRole('table', { name: 'Membership rules' }).innerText(), {
        timeout: 5000,
      })
      .toContain('Windows 11 workstations: Operating System contains "Windows 11"');

    await properties().getByRole('tab', { name: 'Maintenance Windows' }).click();
    await properties().getByRole('button', { name: 'New' }).click();
    await dialog().getByRole('textbox', { name: 'Name' }).fill('Nightly patching');
    await dialog().getByRole('button', { name: 'Schedule…' }).click();
    await ui.page.getByRole('dialog', { name: 'Custom Schedule' }).waitFor();
    await shot('collections-window-schedule');
    await ui.page
      .getByRole('dialog', { name: 'Custom Schedule' })
      .getByRole('button', { name: 'OK' })
      .click();
    await dialog().getByRole('spinbutton', { name: 'Hours' }).fill('3');
    await shot('collections-new-window');
    await dialog().getByRole('button', { name: 'OK' }).click();
    await ui.page.getByText('Created maintenance window Nightly patching').waitFor();
    const windows = properties().getByRole('table', { name: 'Maintenance windows' });
    await expect.poll(() => windows.innerText()).toContain('Nightly patching');
    await expect
      .poll(() => properties().getByTestId('calendar-window').count())
      .toBeGreaterThan(10);
    await shot('collections-properties-windows');
    await properties().getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the members of the collection and a member’s effective windows', async () => {
    await row('Pilot workstations').click({ position: top });
    await ui.detailsPane.getByRole('tab', { name: 'Maintenance Windows' }).click();
    await expect
      .poll(() => ui.detailsPane.getByTestId('calendar-window').count())
      .toBeGreaterThan(10);
    await shot('collections-details-calendar');
    await ui.ribbonButton('Show Members').click();
    await ui.resultTitle('Devices').waitFor();
    expect(await ui.page.getByTestId('list-scope').innerText()).toContain(
      'Members of Pilot workstations',
    );
    await expect.poll(() => ui.itemCount()).toBe(5);
    await row('WS-002').click({ position: top });
    await ui.detailsPane.getByRole('tab', { name: 'Maintenance Windows' }).click();
    await ui.detailsPane.getByText(/Next window:|In a maintenance window now/).waitFor();
    await shot('devices-effective-windows');
  });

  it('adds a direct rule and an exclude rule, and the member count follows', async () => {
    await ui.openNode('Device Collections');
    await ui.ribbonButton('Create Device Collection').click();
    await dialog().getByRole('textbox', { name: 'Name' }).fill('Everything but the pilot');
    await dialog().getByRole('button', { name: 'Create' }).click();
    await dialog().waitFor({ state: 'detached' });
    const everything = () =>
      ui.page.getByRole('dialog', { name: 'Everything but the pilot Properties' });
    await row('Everything but the pilot').dblclick({ position: top });
    await everything().getByRole('tab', { name: 'Membership Rules' }).click();

    await everything().getByRole('button', { name: 'Add Rule' }).click();
    await ui.page.getByRole('menuitem', { name: 'Direct Rule' }).click();
    await dialog().getByRole('textbox', { name: 'Device name' }).fill('srv');
    await dialog()
      .getByRole('row', { name: /SRV-SQL01/ })
      .click();
    await shot('collections-direct-rule');
    await dialog().getByRole('button', { name: 'OK' }).click();
    await ui.page
      .getByText(/Direct rule added to Everything but the pilot: it now has 1 member\./)
      .waitFor();

    await everything().getByRole('button', { name: 'Add Rule' }).click();
    await ui.page.getByRole('menuitem', { name: 'Include Collections' }).click();
    await dialog().getByRole('combobox', { name: 'Collection' }).click();
    await ui.page.getByRole('option', { name: /^All Systems/ }).click();
    await dialog().getByRole('button', { name: 'OK' }).click();
    await ui.page
      .getByText(
        /Include Collections rule added to Everything but the pilot: it now has 6 members\./,
      )
      .waitFor();

    await everything().getByRole('button', { name: 'Add Rule' }).click();
    await ui.page.getByRole('menuitem', { name: 'Exclude Collections' }).click();
    await dialog().getByRole('combobox', { name: 'Collection' }).click();
    await ui.page.getByRole('option', { name: /^Pilot workstations/ }).click();
    await dialog().getByRole('button', { name: 'OK' }).click();
    await ui.page
      .getByText(
        /Exclude Collections rule added to Everything but the pilot: it now has 1 member\./,
      )
      .waitFor();
    const rules = everything().getByRole('table', { name: 'Membership rules' });
    await expect.poll(() => rules.innerText(), { timeout: 5000 }).toContain('Pilot workstations');
    expect(await rules.innerText()).toContain('SRV-SQL01');
    await shot('collections-rules');

    await everything().getByRole('tab', { name: 'Maintenance Windows' }).click();
    await everything().getByRole('button', { name: 'New' }).click();
    await dialog().getByRole('textbox', { name: 'Name' }).fill('Temporary');
    await dialog().getByRole('spinbutton', { name: 'Hours' }).fill('24');
    await dialog().getByText('A maintenance window must be shorter than 24 hours.').waitFor();
    await dialog().getByRole('spinbutton', { name: 'Hours' }).fill('1');
    await dialog().getByRole('button', { name: 'OK' }).click();
    const windows = everything().getByRole('table', { name: 'Maintenance windows' });
    await windows.getByText('Temporary').click();
    await everything().getByRole('button', { name: 'Delete' }).click();
    const confirm = ui.page.getByRole('alertdialog', { name: 'Confirm Delete' });
    await confirm.getByRole('button', { name: 'Yes' }).click();
    await ui.page.getByText('Deleted maintenance window Temporary.').waitFor();
    await expect.poll(() => windows.innerText()).not.toContain('Temporary');
    await everything().getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => row('Everything but the pilot').locator('[col-id="memberCount"]').innerText())
      .toBe('1');
  });

  it('moves an update’s pie when a batch arrives, breaks Unknown down and lists View Required', async () => {
    await ui.chooseWorkspace('Software Library');
    await ui.openNode('All Software Updates');
    await row('Cumulative 2024-02').click({ position: top });
    await expect.poll(() => pieCount('Required')).toBe('3');
    const breakdown = ui.detailsPane.getByTestId('unknown-breakdown');
    await expect.poll(() => breakdown.innerText()).toContain('1 never scanned');
    expect(await breakdown.innerText()).toContain('1 scan failed (0x80244022)');
    await shot('updates-pie-before');

    // WS-001 installs February: the pie and the list move without a refresh.
    await post(clients[0]!, [detection(february, 3)]);
    await expect.poll(() => pieCount('Required'), { timeout: 5000 }).toBe('2');
    await expect.poll(() => pieCount('Installed'), { timeout: 5000 }).toBe('2');
    await expect
      .poll(() => row('Cumulative 2024-02').locator('[col-id="required"]').innerText(), {
        timeout: 5000,
      })
      .toBe('2');
    await shot('updates-pie-after');

    await ui.detailsPane.getByRole('button', { name: 'View Required' }).click();
    const required = dialog().getByRole('table', { name: 'Devices that require the update' });
    await required.waitFor();
    const text = await required.innerText();
    expect(text).toContain('WS-002');
    expect(text).toContain('WS-003');
    expect(text).not.toContain('WS-001');
    await shot('updates-view-required');
    await dialog().getByRole('button', { name: 'Close' }).click();
  });

  it('runs summarization and says the counts were already current', async () => {
    await ui.ribbonButton('Run Summarization').click();
    await ui.page.getByText(/the counts were already current, nothing changed/).waitFor({
      timeout: 20_000,
    });
    await shot('updates-run-summarization');
    await ui.ribbonButton('Schedule Summarization').click();
    await dialog().getByRole('spinbutton', { name: 'Interval' }).fill('24');
    await dialog().getByText('Enter a whole number of hours from 1 to 23.').waitFor();
    await dialog().getByRole('spinbutton', { name: 'Interval' }).fill('4');
    await shot('updates-schedule-summarization');
    await dialog().getByRole('button', { name: 'OK' }).click();
    await ui.page.getByText('Software update summarization runs every 4 hours.').waitFor();
  });

  it('shows a group’s compliance live', async () => {
    const ciIds = (
      await call<{ rows: { ciId: number; title: string }[] }>('updates.list', {
        page: { size: 10 },
      })
    ).rows
      .filter((update) => /Cumulative/.test(update.title))
      .map((update) => update.ciId);
    await call('groups.create', { name: 'Patch Tuesday', ciIds });
    await ui.openNode('Software Update Groups');
    await row('Patch Tuesday').click({ position: top });
    // Only WS-004 has both cumulative updates; the server and WS-NEW are Unknown.
    await expect.poll(() => pieCount('Compliant')).toBe('1');
    expect(await pieCount('Non-compliant')).toBe('3');
    expect(await pieCount('Unknown')).toBe('2');
    await shot('groups-compliance');
  });
});
