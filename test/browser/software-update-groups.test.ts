import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { siteCaller, synchronizeFrom } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

interface Group {
  id: number;
  name: string;
  numberOfUpdates: number;
}

/** Software update groups as an admin builds them: create, edit membership, show, rename, delete. */
describe('Software Update Groups in the console', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  const records = Array.from({ length: 20 }, (_, index) =>
    makeRecord(`Pilot Update ${String(index).padStart(2, '0')}`),
  );

  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);
  const groups = async () =>
    (await call<{ rows: Group[] }>('groups.list', { page: { size: 100 } })).rows;
  const pilotRing = async () => (await groups()).find((group) => group.name === 'Pilot ring');

  const row = (title: string) => ui.gridRows().filter({ hasText: title }).first();
  // The grid's invisible horizontal scrollbar lies over the last row's lower half: click high.
  const top = { x: 200, y: 4 };
  const selectUpdates = async (...titles: string[]) => {
    await row(titles[0]!).click({ position: top });
    for (const title of titles.slice(1)) {
      await row(title).click({ position: top, modifiers: ['Control'] });
    }
  };
  const dialog = () => ui.page.getByRole('dialog');

  beforeAll(async () => {
    mkdirSync('test-results/screenshots', { recursive: true });
    site = await startSite();
    await synchronizeFrom(site.url, bundleOf(records));
    browser = await launchBrowser();
    ui = new ConsolePage(await browser.context.newPage());
    await ui.open(site.url);
    await ui.chooseWorkspace('Software Library');
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('creates a group from three updates selected with Ctrl+click', async () => {
    await ui.openNode('All Software Updates');
    await expect.poll(() => ui.itemCount()).toBe(records.length);
    await selectUpdates('Pilot Update 00', 'Pilot Update 01', 'Pilot Update 02');
    await ui.ribbonButton('Create Software Update Group').click();
    await dialog().getByText('The group will contain the 3 selected software updates.').waitFor();
    await dialog().getByRole('button', { name: 'Create' }).click();
    await dialog().getByText('A software update group needs a name.').waitFor();
    await dialog().getByRole('textbox', { name: 'Name' }).fill('Pilot ring');
    await dialog().getByRole('textbox', { name: 'Description' }).fill('First wave of devices');
    await dialog().getByRole('button', { name: 'Create' }).click();
    await dialog().waitFor({ state: 'detached' });
    await ui.page.getByText('Created software update group Pilot ring with 3 updates.').waitFor();
    expect((await pilotRing())?.numberOfUpdates).toBe(3);

    await ui.openNode('Software Update Groups');
    expect(await ui.columnHeaders()).toEqual([
      'Name',
      'Description',
      'Date Created',
      'Created By',
      'Deployed',
      'Downloaded',
      'Number of updates',
    ]);
    const group = row('Pilot ring');
    await expect.poll(() => group.locator('[col-id="numberOfUpdates"]').innerText()).toBe('3');
    // The fixtures' content is in no package yet, so the group carries the red double arrow.
    await group.locator('[data-red-arrow]').hover();
    expect(await ui.page.getByRole('tooltip').innerText()).toContain('Red double arrow');
    await group.click();
    await expect.poll(() => ui.detailsPane.innerText()).toContain('First wave of devices');
    await ui.detailsPane.getByRole('tab', { name: 'Deployments' }).click();
    await ui.detailsPane.getByText('has no deployments yet').waitFor();
    await ui.detailsPane.getByRole('tab', { name: 'Summary' }).click();
    await ui.screenshot('groups-list');
  });

  it('adds two more updates with Edit Membership', async () => {
    await ui.openNode('All Software Updates');
    await selectUpdates('Pilot Update 03', 'Pilot Update 04');
    await ui.ribbonButton('Edit Membership').click();
    const pilot = dialog().getByRole('checkbox', { name: 'Pilot ring' });
    await pilot.waitFor();
    expect(await pilot.isChecked()).toBe(false);
    await pilot.click();
    await ui.screenshot('edit-membership');
    await dialog().getByRole('button', { name: 'OK' }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(async () => (await pilotRing())?.numberOfUpdates).toBe(5);
  });

  it('shows a mixed box when only some of the selected updates are members, and sends nothing unchanged', async () => {
    await selectUpdates('Pilot Update 04', 'Pilot Update 05');
    await ui.ribbonButton('Edit Membership').click();
    const pilot = dialog().getByRole('checkbox', { name: 'Pilot ring' });
    // A native checkbox shows "mixed" as its indeterminate state, not as an attribute.
    await expect
      .poll(() => pilot.evaluate((box) => (box as { indeterminate: boolean }).indeterminate))
      .toBe(true);
    await dialog().getByRole('button', { name: 'OK' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect((await pilotRing())?.numberOfUpdates).toBe(5);
  });

  it('shows the members of the group, and removes one with Edit Membership', async () => {
    await ui.openNode('Software Update Groups');
    await row('Pilot ring').click();
    await ui.ribbonButton('Show Members').click();
    await ui.resultTitle('All Software Updates').waitFor();
    const chip = ui.page.getByTestId('list-scope');
    expect(await chip.innerText()).toContain('Members of Pilot ring');
    await expect.poll(() => ui.itemCount()).toBe(5);
    await ui.screenshot('show-members');

    await row('Pilot Update 02').click({ position: top });
    await ui.ribbonButton('Edit Membership').click();
    const pilot = dialog().getByRole('checkbox', { name: 'Pilot ring' });
    await expect.poll(() => pilot.isChecked()).toBe(true);
    await pilot.click();
    await dialog().getByRole('button', { name: 'OK' }).click();
    await dialog().waitFor({ state: 'detached' });
    const group = (await pilotRing())!;
    const members = await call<number[]>('groups.memberIds', { id: group.id });
    expect(members).toHaveLength(4);
    await expect.poll(() => ui.itemCount()).toBe(4);

    await ui.page.getByRole('button', { name: 'Remove Members of Pilot ring' }).click();
    await expect.poll(() => ui.itemCount()).toBe(records.length);
  });

  it('renames the group in Properties and refuses a name another group has', async () => {
    await call('groups.create', { name: 'Broad ring', ciIds: [] });
    await ui.openNode('Software Update Groups');
    await row('Pilot ring').click();
    await ui.ribbonButton('Properties').click();
    await dialog().getByRole('tab', { name: 'General' }).waitFor();
    await dialog().getByRole('textbox', { name: 'Name' }).fill('Pilot ring 1');
    await dialog().getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(async () => (await groups()).map((group) => group.name))
      .toContain('Pilot ring 1');

    await dialog().getByRole('textbox', { name: 'Name' }).fill('broad ring');
    await dialog().getByRole('button', { name: 'OK' }).click();
    await dialog()
      .getByText('A software update group named "broad ring" already exists; choose another name.')
      .waitFor();
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('deletes both groups after the confirmation', async () => {
    await row('Broad ring').waitFor();
    await row('Broad ring').click();
    await row('Pilot ring 1').click({ modifiers: ['Control'] });
    await ui.ribbonButton('Delete').click();
    const confirm = ui.page.getByRole('alertdialog');
    await confirm
      .getByText('Are you sure you want to delete the 2 selected software update groups?')
      .waitFor();
    await confirm.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(async () => (await groups()).length).toBe(0);
    await expect
      .poll(() => ui.emptyList.innerText())
      .toContain('There are no software update groups.');
  });
});
