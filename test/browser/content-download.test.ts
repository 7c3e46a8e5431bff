import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { siteCaller } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

interface PackageRow {
  id: number;
  name: string;
  sourceVersion: number;
}

const shotsFolder = '/tmp/shots';

/**
 * Runs in the page: records every wizard step and progress value the page shows, however
 * quickly the loopback download runs. A string, as the tests compile without the DOM's types.
 */
const recordProgressScript = `
  window.seen = { steps: [], progress: [] };
  const record = () => {
    const step = document.querySelector('[data-wizard-step]')?.getAttribute('data-wizard-step');
    if (step && window.seen.steps.at(-1) !== step) window.seen.steps.push(step);
    const value = document.querySelector('[data-progress]')?.getAttribute('data-progress');
    if (value && window.seen.progress.at(-1) !== value) window.seen.progress.push(value);
  };
  new MutationObserver(record).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
  });
`;

/**
 * The Download Software Updates Wizard as a new admin walks it on a fresh site with the demo
 * content: a new package, live progress, the red arrows gone, Content Status, and the red
 * arrows back once the package is deleted.
 */
describe('Download Software Updates Wizard in the console', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  let packageSource: string;
  let secondLibrary: string;
  /** The titles of the three demo updates the admin downloads. */
  let chosen: string[] = [];

  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);
  const packages = async () =>
    (await call<{ rows: PackageRow[] }>('packages.list', { page: { size: 100 } })).rows;
  const wizard = () => ui.page.getByRole('dialog', { name: 'Download Software Updates Wizard' });
  const wizardButton = (name: string) =>
    wizard().locator('footer').getByRole('button', { name, exact: true });
  const step = () => wizard().locator('[data-wizard-step]').getAttribute('data-wizard-step');
  const shot = (name: string) => ui.page.screenshot({ path: join(shotsFolder, `${name}.png`) });
  const demoRows = () => ui.gridRows().filter({ hasText: 'Patchbay Demo' });
  const updateRow = (title: string) => ui.gridRows().filter({ hasText: title }).first();
  const redArrows = async () =>
    Promise.all(chosen.map((title) => updateRow(title).locator('[data-red-arrow]').count()));
  const top = { x: 200, y: 4 };

  beforeAll(async () => {
    mkdirSync(shotsFolder, { recursive: true });
    packageSource = mkdtempSync(join(tmpdir(), 'patchbay-package-source-'));
    secondLibrary = mkdtempSync(join(tmpdir(), 'patchbay-dp02-'));
    site = await startSite();
    browser = await launchBrowser();
    ui = new ConsolePage(await browser.context.newPage());
    await ui.open(site.url);
    await ui.chooseWorkspace('Software Library');
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    rmSync(packageSource, { recursive: true, force: true });
    rmSync(secondLibrary, { recursive: true, force: true });
  });

  it('offers the demo content on an empty Deployment Packages node', async () => {
    await ui.openNode('Deployment Packages');
    const bar = ui.page.getByTestId('demo-content-bar');
    await bar.waitFor();
    expect(await bar.innerText()).toContain('download.windowsupdate.com');
    expect(await bar.innerText()).toContain('Patchbay Demo');
    await shot('01-packages-empty-demo-bar');
    await bar.getByRole('button', { name: 'Add demo content' }).click();
    await bar.waitFor({ state: 'detached' });
    const status = await call<{ isEnabled: boolean; updates: number }>('content.demoStatus', {});
    expect(status.isEnabled).toBe(true);
    await call('dps.add', { kind: 'library', name: 'DP02', libraryPath: secondLibrary });
  });

  it('shows the red arrow on the demo updates, whose content is in no package', async () => {
    await ui.openNode('All Software Updates');
    await ui.page.getByPlaceholder('Search title, article ID or bulletin ID').fill('Patchbay Demo');
    await ui.page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => demoRows().count()).toBeGreaterThanOrEqual(3);
    const titles = await demoRows().locator('[col-id="title"]').allInnerTexts();
    chosen = titles.slice(0, 3).map((title) => title.trim());
    expect(chosen.every((title) => title.startsWith('Patchbay Demo'))).toBe(true);
    expect(await redArrows()).toEqual([1, 1, 1]);
  });

  it('walks every page of the wizard for a new package, refusing invalid fields', async () => {
    await updateRow(chosen[0]!).click({ position: top });
    await updateRow(chosen[1]!).click({ position: top, modifiers: ['Control'] });
    await updateRow(chosen[2]!).click({ position: top, modifiers: ['Control'] });
    await ui.ribbonButton('Download').click();
    await wizard().waitFor();
    await expect.poll(() => step()).toBe('deploymentPackage');
    // No package exists yet, so the wizard starts on "Create a new deployment package".
    expect(
      await wizard().getByRole('radio', { name: 'Create a new deployment package' }).isChecked(),
    ).toBe(true);
    const name = wizard().getByRole('textbox', { name: 'Name:' });
    await name.fill('x'.repeat(51));
    await wizard().getByText('At most 50 characters.').waitFor();
    await wizardButton('Next >').click();
    await expect.poll(() => step()).toBe('deploymentPackage');
    await wizard().getByText('Give the package source folder.').waitFor();
    await shot('02-wizard-deployment-package-invalid');
    await name.fill('Pilot updates');
    await wizard().getByRole('textbox', { name: 'Description:' }).fill('First wave');
    await wizard().getByRole('textbox', { name: 'Package source:' }).fill(packageSource);
    await shot('03-wizard-deployment-package');
    await wizardButton('Next >').click();

    await expect.poll(() => step()).toBe('distributionPoints');
    await wizard().getByRole('button', { name: 'Add' }).click();
    await ui.page.getByRole('menuitem', { name: 'Distribution Point', exact: true }).click();
    const picker = ui.page.getByRole('dialog', { name: 'Add Distribution Points' });
    await picker.getByRole('checkbox', { name: 'Site content library' }).check();
    await picker.getByRole('checkbox', { name: 'DP02' }).check();
    await picker.getByRole('button', { name: 'OK' }).click();
    await picker.waitFor({ state: 'detached' });
    const destinations = wizard().getByRole('table', { name: 'Content destination' });
    await destinations.getByText('DP02', { exact: true }).waitFor();
    await shot('04-wizard-distribution-points');
    await wizardButton('Next >').click();

    await expect.poll(() => step()).toBe('distributionSettings');
    expect(await wizard().getByRole('radio', { name: 'Medium' }).isChecked()).toBe(true);
    const manual = 'Manually copy the content in this package to the distribution point';
    expect(await wizard().getByRole('radio', { name: manual }).isChecked()).toBe(true);
    await shot('05-wizard-distribution-settings');
    // Alt+N is Next, as the underlined access key of ConfigMgr's wizards.
    await ui.page.keyboard.press('Alt+n');

    await expect.poll(() => step()).toBe('downloadLocation');
    expect(
      await wizard()
        .getByRole('radio', { name: 'Download software updates from the Internet' })
        .isChecked(),
    ).toBe(true);
    await shot('06-wizard-download-location');
    await wizardButton('Next >').click();

    await expect.poll(() => step()).toBe('languageSelection');
    const languages = wizard().getByRole('group', { name: 'Languages' }).getByRole('checkbox');
    const checked: string[] = [];
    for (const box of await languages.all()) {
      if (await box.isChecked()) {
        checked.push(
          await box.evaluate(
            (input) =>
              (input as unknown as { labels: { innerText: string }[] }).labels[0]!.innerText,
          ),
        );
        await box.uncheck();
      }
    }
    expect(checked.length).toBeGreaterThan(0);
    await wizard().getByText('Select at least one language.').waitFor();
    expect(await wizardButton('Summary').isDisabled()).toBe(true);
    await shot('07-wizard-language-selection-invalid');
    for (const language of checked) {
      await wizard().getByRole('checkbox', { name: language, exact: true }).check();
    }
    await wizard().getByText('Select at least one language.').waitFor({ state: 'detached' });
    await shot('08-wizard-language-selection');
    await wizardButton('Next >').click();

    await expect.poll(() => step()).toBe('summary');
    const preview = wizard().getByTestId('download-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('Files to download');
    await shot('09-wizard-summary');
  });

  it('shows the download moving on the Progress page, then every update Downloaded', async () => {
    await ui.page.evaluate(recordProgressScript);
    await wizardButton('Next >').click();
    await wizard().locator('[data-wizard-step="progress"]').waitFor();
    await shot('10-wizard-progress');
    await wizard().locator('[data-wizard-step="completion"]').waitFor({ timeout: 60_000 });
    const seen = (await ui.page.evaluate('window.seen')) as { steps: string[]; progress: string[] };
    console.log('Progress seen on the wizard page:', seen.progress.join(', '));
    expect(seen.steps).toContain('progress');
    // The bar moved through values between empty and full, not straight to the end.
    expect(seen.progress.map(Number).some((value) => value > 0 && value < 1)).toBe(true);
    const results = wizard().getByRole('table', { name: 'Software update results' });
    await expect.poll(() => results.getByRole('row').count()).toBe(4);
    expect(await results.getByText('Downloaded', { exact: true }).count()).toBe(3);
    await wizard().getByText('completed successfully').waitFor();
    await shot('11-wizard-completion');
    await wizardButton('Close').click();
    await wizard().waitFor({ state: 'detached' });
  });

  it('lists the package with Source Version 2 and takes the red arrows away', async () => {
    const pilot = (await packages()).find((pkg) => pkg.name === 'Pilot updates');
    expect(pilot?.sourceVersion).toBe(2);
    await expect.poll(redArrows, { timeout: 10_000 }).toEqual([0, 0, 0]);
    await shot('12-all-software-updates-downloaded');

    await ui.openNode('Deployment Packages');
    const row = ui.gridRows().filter({ hasText: 'Pilot updates' });
    await expect.poll(() => row.locator('[col-id="sourceVersion"]').innerText()).toBe('2');
    await row.click();
    await shot('13-deployment-packages');
  });

  it('says Success for each distribution point in Content Status', async () => {
    await ui.chooseWorkspace('Monitoring');
    await ui.openNode('Distribution Status');
    await ui.openNode('Content Status');
    const row = ui.gridRows().filter({ hasText: 'Pilot updates' });
    await row.click();
    const status = ui.detailsPane.getByTestId('view-status');
    await expect
      .poll(() => status.locator('[data-state="Success"]').count(), { timeout: 30_000 })
      .toBe(2);
    await shot('14-content-status');
  });

  it('shows the members of the package and its Properties with every tab', async () => {
    await ui.chooseWorkspace('Software Library');
    await ui.openNode('Deployment Packages');
    await ui.gridRows().filter({ hasText: 'Pilot updates' }).click();
    await ui.ribbonButton('Show Members').click();
    await ui.resultTitle('All Software Updates').waitFor();
    expect(await ui.page.getByTestId('list-scope').innerText()).toContain(
      'Members of Pilot updates',
    );
    await expect.poll(() => ui.itemCount()).toBe(3);
    await ui.page.getByRole('button', { name: 'Remove Members of Pilot updates' }).click();

    await ui.openNode('Deployment Packages');
    await ui.gridRows().filter({ hasText: 'Pilot updates' }).click();
    await ui.ribbonButton('Properties').click();
    const dialog = ui.page.getByRole('dialog', { name: 'Pilot updates Properties' });
    const name = dialog.getByRole('textbox', { name: 'Name:' });
    await name.fill('y'.repeat(51));
    await dialog.getByText('At most 50 characters.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await name.fill('Pilot updates');
    await shot('16-package-properties-general');
    await dialog.getByRole('tab', { name: 'Data Source' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Package source path:' }).inputValue()).toBe(
      packageSource,
    );
    await dialog.getByRole('tab', { name: 'Distribution Settings' }).click();
    expect(await dialog.getByRole('radio', { name: 'Medium' }).isChecked()).toBe(true);
    await dialog.getByRole('tab', { name: 'Content Locations' }).click();
    const locations = dialog.getByRole('table', { name: 'Distribution points' });
    await expect.poll(() => locations.locator('[data-state="Success"]').count()).toBe(2);
    await locations.getByRole('checkbox', { name: 'DP02' }).check();
    await dialog.getByRole('button', { name: 'Validate' }).click();
    await expect.poll(() => locations.locator('[data-state="Success"]').count()).toBe(2);
    await shot('17-package-properties-content-locations');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    const question = ui.page.getByRole('alertdialog', { name: 'Confirm Remove' });
    await question.getByText('remove the package from DP02').waitFor();
    await question.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => locations.getByRole('row').count()).toBe(2);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('asks before Escape drops a changed draft, and downloads into an existing package', async () => {
    await ui.openNode('All Software Updates');
    await expect.poll(() => demoRows().count()).toBe(6);
    const others = (await demoRows().locator('[col-id="title"]').allInnerTexts())
      .map((title) => title.trim())
      .filter((title) => !chosen.includes(title));
    // The list re-reads when the jobs above finish; a click during a re-read may be lost.
    await expect
      .poll(async () => {
        await updateRow(others[0]!).click({ position: top });
        return ui.ribbonButton('Download').isEnabled();
      })
      .toBe(true);
    await ui.ribbonButton('Download').click();
    await wizard().waitFor();
    const select = wizard().getByRole('radio', { name: 'Select deployment package' });
    expect(await select.isChecked()).toBe(true);
    await wizard().getByRole('radio', { name: 'Create a new deployment package' }).check();
    await ui.page.keyboard.press('Escape');
    const confirm = ui.page.getByRole('alertdialog');
    await confirm.getByText('Are you sure you want to cancel the wizard?').waitFor();
    await ui.page.waitForTimeout(300); // the dialog fades in
    await shot('15b-wizard-cancel-question');
    await confirm.getByRole('button', { name: 'No' }).click();
    await confirm.waitFor({ state: 'detached' });
    await wizard().getByRole('radio', { name: 'Select deployment package' }).check();

    await wizard().getByRole('button', { name: 'Browse…' }).click();
    const browse = ui.page.getByRole('dialog', { name: 'Select a Deployment Package' });
    await browse.getByText('Pilot updates', { exact: true }).click();
    await browse.getByRole('button', { name: 'OK' }).click();
    await browse.waitFor({ state: 'detached' });
    expect(
      await wizard().getByRole('textbox', { name: 'Selected deployment package' }).inputValue(),
    ).toBe('Pilot updates');
    // An existing package keeps its distribution points and settings: those pages are skipped.
    expect(
      await wizard().getByRole('navigation', { name: 'Wizard pages' }).innerText(),
    ).not.toContain('Distribution Points');
    // Enter is Next, unless the focus is on a button (then it presses that button).
    await wizard().getByRole('radio', { name: 'Select deployment package' }).focus();
    await ui.page.keyboard.press('Enter');
    await expect.poll(() => step()).toBe('downloadLocation');
    await wizardButton('Summary').click();
    await wizard().getByTestId('download-preview').waitFor();
    await wizardButton('Next >').click();
    await wizard().locator('[data-wizard-step="completion"]').waitFor({ timeout: 60_000 });
    await wizard().getByText('completed successfully').waitFor();
    const result = wizard().getByRole('table', { name: 'Software update results' });
    expect(await result.innerText()).toContain('Downloaded');
    await shot('18-wizard-existing-package-completion');
    await wizardButton('Close').click();
    await wizard().waitFor({ state: 'detached' });
    await expect
      .poll(
        async () => (await packages()).find((pkg) => pkg.name === 'Pilot updates')?.sourceVersion,
      )
      .toBe(3);
    await expect.poll(() => updateRow(others[0]!).locator('[data-red-arrow]').count()).toBe(0);
    chosen.push(others[0]!);
  });

  it('brings the red arrows back when the package is deleted', async () => {
    await ui.openNode('Deployment Packages');
    await ui.gridRows().filter({ hasText: 'Pilot updates' }).click();
    await ui.ribbonButton('Delete').click();
    const confirm = ui.page.getByRole('alertdialog');
    await confirm.getByText('delete the deployment package "Pilot updates"').waitFor();
    await confirm.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(async () => (await packages()).length).toBe(0);

    await ui.openNode('All Software Updates');
    await expect.poll(redArrows, { timeout: 10_000 }).toEqual([1, 1, 1, 1]);
    await shot('15-red-arrows-back');
  });

  it('lists the distribution points, refuses a bad address, and groups them', async () => {
    await ui.chooseWorkspace('Administration');
    await ui.openNode('Distribution Points');
    await expect.poll(() => ui.itemCount()).toBe(2);
    expect(await ui.gridRows().first().innerText()).toContain('Site content library');
    await ui.ribbonButton('Add Distribution Point').click();
    const add = ui.page.getByRole('dialog', { name: 'Add Distribution Point' });
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await add.getByText('A distribution point needs a name.').waitFor();
    await add.getByRole('textbox', { name: 'Name:' }).fill('DP03');
    await add.getByRole('radio', { name: 'Another machine running patchbay serve' }).check();
    await add.getByRole('textbox', { name: 'Server address:' }).fill('dp03 port 8530');
    await add.getByText('Give the address of a Patchbay server').waitFor();
    await shot('18-add-distribution-point');
    await add.getByRole('button', { name: 'Cancel' }).click();
    await shot('19-distribution-points');

    await ui.openNode('Distribution Point Groups');
    await ui.ribbonButton('Create Group').click();
    const create = ui.page.getByRole('dialog', { name: 'Create New Distribution Point Group' });
    await create.getByRole('textbox', { name: 'Name:' }).fill('Branch offices');
    await create.getByRole('checkbox', { name: 'DP02' }).check();
    await create.getByRole('button', { name: 'OK' }).click();
    await create.waitFor({ state: 'detached' });
    const group = ui.gridRows().filter({ hasText: 'Branch offices' });
    await expect.poll(() => group.locator('[col-id="members"]').innerText()).toBe('1');
  });

  it('starts the wizard from a software update group and from the right-click menu', async () => {
    const page = await call<{ rows: { ciId: number; title: string }[] }>('updates.list', {
      filter: { text: 'Patchbay Demo' },
      page: { size: 10 },
    });
    await call('groups.create', {
      name: 'Demo ring',
      ciIds: page.rows.slice(0, 2).map((row) => row.ciId),
    });
    await ui.chooseWorkspace('Software Library');
    await ui.openNode('Software Update Groups');
    await ui.gridRows().filter({ hasText: 'Demo ring' }).click();
    await ui.ribbonButton('Download').click();
    await wizard().waitFor();
    await wizard().getByRole('textbox', { name: 'Name:' }).fill('Demo ring content');
    await wizard().getByRole('textbox', { name: 'Package source:' }).fill(packageSource);
    await wizardButton('Summary').click();
    await wizard().getByText('The 2 software updates of the group Demo ring').waitFor();
    await wizard().getByTestId('download-preview').waitFor();
    expect(await wizard().getByTestId('download-preview').innerText()).toContain('2');
    await wizardButton('Cancel').click();
    await ui.page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
    await wizard().waitFor({ state: 'detached' });

    await ui.openNode('All Software Updates');
    await expect.poll(() => demoRows().count()).toBe(6);
    await updateRow(chosen[0]!).click({ button: 'right', position: top });
    const menu = ui.page.getByRole('menu');
    await menu.getByRole('menuitem', { name: 'Download' }).click();
    await wizard().waitFor();
    await wizardButton('Cancel').click();
    await wizard().waitFor({ state: 'detached' });
  });

  it('distributes a package to a distribution point group and updates its distribution points', async () => {
    const source = mkdtempSync(join(tmpdir(), 'patchbay-package-source-'));
    await call('packages.create', { name: 'Branch content', sourcePath: source });
    await ui.openNode('Deployment Packages');
    await ui.gridRows().filter({ hasText: 'Branch content' }).click();
    // A new package goes to the site's own library; Distribute Content adds the group's DP02.
    await expect
      .poll(() => ui.detailsPane.innerText())
      .toMatch(/Distribution points targeted:\s*1/);
    await ui.ribbonButton('Distribute Content').click();
    const dialog = ui.page.getByRole('dialog', { name: 'Distribute Content: Branch content' });
    await dialog.getByRole('tab', { name: 'Distribution Point Groups' }).click();
    await dialog.getByRole('checkbox', { name: 'Branch offices' }).check();
    await expect
      .poll(() => dialog.getByRole('button', { name: 'Distribute' }).isEnabled())
      .toBe(true);
    await shot('20-distribute-content');
    await dialog.getByRole('button', { name: 'Distribute' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = ui.gridRows().filter({ hasText: 'Branch content' });
    await row.click();
    await expect
      .poll(() => ui.detailsPane.innerText(), { timeout: 30_000 })
      .toMatch(/Distribution points targeted:\s*2/);

    await ui.ribbonButton('Update Distribution Points').click();
    const confirm = ui.page.getByRole('alertdialog');
    await confirm.getByText('update the distribution points of "Branch content"').waitFor();
    await confirm.getByRole('button', { name: 'Yes' }).click();
    await ui.jobCard('Branch content').waitFor();
    rmSync(source, { recursive: true, force: true });
  });
});
