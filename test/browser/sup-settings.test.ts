import { mkdirSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { startSite, type RunningSite } from './support/site-server';

interface StoredSettings {
  classifications: string[];
  nonFeatureSupersedence: string;
  featureSupersedenceMonths: number;
  isScheduleEnabled: boolean;
  schedule: unknown;
  featureUpdateMaxRuntimeMinutes: number;
}

// Software Update Point Component Properties (§2.3) and Synchronize Software Updates (§2.5), as
// an admin uses them in the built console against `patchbay serve`.
describe('Software Update Point Component Properties in the console', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  const pageProblems: string[] = [];

  const properties = () =>
    ui.page.getByRole('dialog', { name: 'Software Update Point Component Properties' });
  const openTab = async (name: string) => {
    await properties().getByRole('tab', { name }).click();
    await properties().getByRole('tabpanel', { name }).waitFor();
  };
  // A tri-state checkbox in its third state: a native checkbox marked indeterminate.
  const isMixed = (checkbox: Locator) =>
    checkbox.evaluate((input) => (input as { indeterminate: boolean }).indeterminate);
  const monthsToWait = (dialog: Locator, index: number) =>
    dialog.getByLabel('Months to wait before a superseded software update is expired:').nth(index);

  const openProperties = async () => {
    await ui.chooseWorkspace('Administration');
    await ui.openNode('Sites');
    const siteRow = ui.gridRows().first();
    await expect.poll(() => siteRow.innerText()).toContain('Primary site');
    await siteRow.click();
    const configure = ui.ribbonButton('Configure Site Components');
    await expect.poll(() => configure.isEnabled()).toBe(true);
    await configure.click();
    await properties().getByRole('tabpanel', { name: 'Sync Settings' }).waitFor();
    await properties().getByRole('radio', { name: 'Synchronize from a catalog bundle' }).waitFor();
  };

  const call = async (method: string, input: unknown) => {
    const response = await fetch(`${site.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value: unknown };
  };
  const storedSettings = async () => (await call('sup.settings.get', {})).value as StoredSettings;

  beforeAll(async () => {
    mkdirSync('test-results/screenshots', { recursive: true });
    site = await startSite();
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageProblems.push(`console error: ${message.text()}`);
    });
    ui = new ConsolePage(page);
    await ui.open(site.url);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('opens from Configure Site Components on the selected site, with the bundled catalog as the source', async () => {
    await openProperties();
    const dialog = properties();
    expect(
      await dialog.getByRole('radio', { name: 'Synchronize from a catalog bundle' }).isChecked(),
    ).toBe(true);
    expect(await dialog.innerText()).toContain(
      'Leave it empty to synchronize from the catalog bundled with Patchbay.',
    );
    expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await ui.screenshot('sup-properties-sync-settings');
  });

  it('edits classifications, supersedence rules and the schedule, and names each number out of range', async () => {
    const dialog = properties();
    await openTab('Classifications');
    const updates = dialog.getByRole('checkbox', { name: 'Updates', exact: true });
    expect(await updates.isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Drivers', exact: true }).count()).toBe(0);
    await updates.uncheck();
    await expect.poll(() => dialog.getByRole('button', { name: 'Apply' }).isEnabled()).toBe(true);
    await ui.screenshot('sup-properties-classifications');

    await openTab('Supersedence Rules');
    await dialog
      .getByRole('radiogroup', { name: 'Supersedence behavior for non-feature updates' })
      .getByRole('radio', { name: 'Immediately expire a superseded software update' })
      .check();
    expect(await monthsToWait(dialog, 0).isDisabled()).toBe(true);
    await monthsToWait(dialog, 1).fill('0');
    await dialog.getByText('Enter a whole number from 1 to 99.').waitFor();
    expect(await dialog.innerText()).toContain(
      'makes the next synchronization a full synchronization',
    );
    await ui.screenshot('sup-properties-supersedence-rules');
    await monthsToWait(dialog, 1).fill('6');
    await expect.poll(() => dialog.getByText('Enter a whole number from 1 to 99.').count()).toBe(0);

    await openTab('Sync Schedule');
    const enable = dialog.getByRole('checkbox', { name: 'Enable synchronization on a schedule' });
    await enable.check();
    await dialog.getByRole('radio', { name: 'Simple schedule' }).check();
    await dialog.getByRole('spinbutton', { name: 'Run every' }).fill('1');
    expect(await dialog.getByRole('combobox', { name: 'Unit' }).innerText()).toContain('days');
    await expect
      .poll(() => dialog.getByLabel('Next synchronization').innerText())
      .toMatch(/^Next synchronization: /);
    await ui.screenshot('sup-properties-sync-schedule');

    await openTab('Maximum Run Time');
    const featureRunTime = dialog.getByLabel(
      'Maximum run time for Windows feature updates (minutes):',
    );
    await featureRunTime.fill('1');
    await dialog.getByText('Enter a whole number from 5 to 9999.').waitFor();
    // Apply with a problem left stores nothing and stays on the tab that holds it.
    await openTab('Languages');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.getByRole('tabpanel', { name: 'Maximum Run Time' }).waitFor();
    expect((await storedSettings()).classifications).toContain('Updates');
    await ui.screenshot('sup-properties-maximum-run-time');
    await featureRunTime.fill('150');
    await expect
      .poll(() => dialog.getByText('Enter a whole number from 5 to 9999.').count())
      .toBe(0);
  });

  it('applies the changes, and shows them again after the dialog is reopened', async () => {
    const apply = properties().getByRole('button', { name: 'Apply' });
    await apply.click();
    await expect.poll(() => apply.isDisabled()).toBe(true);
    expect(await properties().getByRole('alert').count()).toBe(0);
    await properties().getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => properties().count()).toBe(0);

    await openProperties();
    const dialog = properties();
    await openTab('Classifications');
    expect(await dialog.getByRole('checkbox', { name: 'Updates', exact: true }).isChecked()).toBe(
      false,
    );
    expect(
      await dialog.getByRole('checkbox', { name: 'Security Updates', exact: true }).isChecked(),
    ).toBe(true);
    await openTab('Supersedence Rules');
    expect(
      await dialog
        .getByRole('radiogroup', { name: 'Supersedence behavior for non-feature updates' })
        .getByRole('radio', { name: 'Immediately expire a superseded software update' })
        .isChecked(),
    ).toBe(true);
    expect(await monthsToWait(dialog, 1).inputValue()).toBe('6');
    await openTab('Sync Schedule');
    expect(await dialog.getByRole('radio', { name: 'Simple schedule' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('spinbutton', { name: 'Run every' }).inputValue()).toBe('1');
    await openTab('Maximum Run Time');
    expect(
      await dialog
        .getByLabel('Maximum run time for Windows feature updates (minutes):')
        .inputValue(),
    ).toBe('150');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => properties().count()).toBe(0);

    const stored = await storedSettings();
    expect(stored.classifications).not.toContain('Updates');
    expect(stored.classifications).toContain('Security Updates');
    expect(stored.nonFeatureSupersedence).toBe('immediately');
    expect(stored.featureSupersedenceMonths).toBe(6);
    expect(stored.isScheduleEnabled).toBe(true);
    expect(stored.schedule).toEqual({ kind: 'simple', every: 1, unit: 'days' });
    expect(stored.featureUpdateMaxRuntimeMinutes).toBe(150);
  });

  it('builds a custom schedule in the Custom Schedule dialog and drops it with Cancel', async () => {
    await openProperties();
    const dialog = properties();
    await openTab('Languages');
    expect(
      await dialog.getByRole('checkbox', { name: 'Software Update File: English' }).isChecked(),
    ).toBe(true);
    await ui.screenshot('sup-properties-languages');

    await openTab('Sync Schedule');
    await dialog.getByRole('radio', { name: 'Custom schedule' }).check();
    await dialog.getByRole('button', { name: 'Customize…' }).click();
    const custom = ui.page.getByRole('dialog', { name: 'Custom Schedule' });
    await custom.getByRole('radio', { name: 'Monthly' }).check();
    await custom.getByRole('radio', { name: 'The', exact: true }).check();
    await custom.getByRole('checkbox', { name: 'Offset (days)' }).check();
    await custom.getByRole('spinbutton', { name: 'Offset (days)' }).fill('9');
    await custom.getByText('Enter a whole number of at most 7.').waitFor();
    expect(await custom.getByRole('button', { name: 'OK' }).isDisabled()).toBe(true);
    await custom.getByRole('spinbutton', { name: 'Offset (days)' }).fill('1');
    await ui.screenshot('sup-properties-custom-schedule');
    await custom.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => custom.count()).toBe(0);
    await dialog
      .getByText(/Occurs the Second Tuesday of every 1 month\(s\) offset by 1 day\(s\)/)
      .waitFor();
    await expect
      .poll(() => dialog.getByLabel('Next synchronization').innerText())
      .toMatch(/^Next synchronization: /);
    await ui.screenshot('sup-properties-sync-schedule-custom');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => properties().count()).toBe(0);
    expect((await storedSettings()).schedule).toEqual({ kind: 'simple', every: 1, unit: 'days' });
  });

  it('asks before Synchronize Software Updates and follows the job in the jobs panel', async () => {
    await ui.chooseWorkspace('Software Library');
    await ui.openNode('All Software Updates');
    await ui.ribbonButton('Synchronize Software Updates').click();
    const question = ui.page.getByRole('alertdialog', { name: 'Synchronize Software Updates' });
    await question
      .getByText('Are you sure that you want to synchronize software updates?')
      .waitFor();
    await ui.screenshot('synchronize-software-updates-confirmation');
    await question.getByRole('button', { name: 'Yes' }).click();
    await ui.jobCard('Synchronize software updates').waitFor({ timeout: 15_000 });
    await ui.page.getByText(/Synchronize Software Updates started as job \d+\./).waitFor();
    await ui.screenshot('synchronize-software-updates-job');
  });

  it('lists the synchronization in Software Update Point Synchronization Status with its details', async () => {
    await ui.chooseWorkspace('Monitoring');
    await ui.openNode('Software Update Point Synchronization Status');
    const row = ui.gridRows().first();
    await row.waitFor({ timeout: 30_000 });
    const { siteCode } = (await call('site.info', {})).value as { siteCode: string };
    await expect.poll(() => row.innerText()).toContain(siteCode);
    await row.click();
    await expect.poll(() => ui.detailsPane.innerText()).toContain('Synchronization Status');
    await ui.screenshot('sync-status');
  });

  it('shows the products a synchronization brought as vendor > family > product with tri-state checkboxes', async () => {
    // Three products in two families of a vendor no real catalog has, so the bundled catalog
    // (synchronized by the test before, when it is built) cannot blur the picture.
    const product = (family: string, name: string) => ({ vendor: 'Fabrikam', family, name });
    const records = [
      makeRecord('Fabrikam Desktop 11 update', {
        products: [product('Fabrikam Desktop', 'Fabrikam Desktop 11')],
      }),
      makeRecord('Fabrikam Desktop 10 update', {
        products: [product('Fabrikam Desktop', 'Fabrikam Desktop 10')],
      }),
      makeRecord('Fabrikam Mail update', {
        products: [product('Fabrikam Office', 'Fabrikam Mail')],
      }),
    ];
    // The synchronization started from the ribbon above may still run on a slow machine; a
    // second request would join it (one synchronization at a time), so wait for it first.
    await expect
      .poll(
        async () =>
          (
            (
              await call('jobs.list', {
                filter: { states: ['queued', 'running'], kind: 'sync.softwareUpdates' },
                page: { size: 10 },
              })
            ).value as { rows: unknown[] }
          ).rows.length,
        { timeout: 120_000 },
      )
      .toBe(0);
    expect((await call('sup.settings.set', { syncSourceLocation: bundleOf(records) })).ok).toBe(
      true,
    );
    const started = await call('sync.start', { isFull: false });
    const jobId = (started.value as { jobId: number }).jobId;
    await expect
      .poll(
        async () => ((await call('jobs.get', { id: jobId })).value as { state: string }).state,
        { timeout: 60_000 },
      )
      .toBe('succeeded');

    await openProperties();
    const dialog = properties();
    await openTab('Products');
    const vendor = dialog
      .getByRole('tree', { name: 'Products' })
      .getByRole('treeitem', { name: 'Fabrikam', exact: true });
    const checkbox = (name: string) => vendor.getByRole('checkbox', { name, exact: true });
    await vendor.getByRole('button', { name: 'Expand Fabrikam Desktop' }).click();
    await checkbox('Fabrikam').check();
    expect(await checkbox('Fabrikam Desktop 10').isChecked()).toBe(true);
    await checkbox('Fabrikam Desktop 10').uncheck();
    expect(await isMixed(checkbox('Fabrikam Desktop'))).toBe(true);
    expect(await isMixed(checkbox('Fabrikam'))).toBe(true);
    await checkbox('Fabrikam Desktop').check();
    expect(await checkbox('Fabrikam Desktop 10').isChecked()).toBe(true);
    await checkbox('Fabrikam Office').uncheck();
    expect(await isMixed(checkbox('Fabrikam'))).toBe(true);
    await ui.screenshot('sup-properties-products');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => properties().count()).toBe(0);
    const products = (await call('sup.products', {})).value as Array<{
      vendor: string;
      name: string;
      isSynchronized: boolean;
    }>;
    expect(
      products
        .filter((row) => row.vendor === 'Fabrikam' && row.isSynchronized)
        .map((row) => row.name)
        .sort(),
    ).toEqual(['Fabrikam Desktop 10', 'Fabrikam Desktop 11']);
  });

  it('ran without script errors or content security policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});
