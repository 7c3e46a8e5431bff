import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, fixtureProducts, makeRecord } from '../support/catalog-fixtures';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { siteCaller, synchronizeFrom } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

/** The catalog an admin sees after a synchronization, in a real Chromium against patchbay serve. */
describe('All Software Updates in the console', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  const records = Array.from({ length: 45 }, (_, index) =>
    makeRecord(`Cumulative Update ${String(index).padStart(2, '0')}`, {
      products: [index % 4 === 0 ? fixtureProducts.office : fixtureProducts.windows11],
      contentFiles: index === 7 ? [] : makeRecord(`files-${index}`).contentFiles,
    }),
  );

  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);

  beforeAll(async () => {
    mkdirSync('test-results/screenshots', { recursive: true });
    site = await startSite();
    await synchronizeFrom(site.url, bundleOf(records));
    browser = await launchBrowser();
    ui = new ConsolePage(await browser.context.newPage());
    await ui.open(site.url);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('lists every synchronized update, as many as the site counts', async () => {
    await ui.chooseWorkspace('Software Library');
    await ui.openNode('All Software Updates');
    const total = (await call<{ total: number }>('updates.list', { page: { size: 1 } })).total;
    expect(total).toBe(records.length);
    await expect.poll(() => ui.itemCount()).toBe(total);
    await expect.poll(() => ui.gridRows().count()).toBeGreaterThan(10);
  });

  it('searches on the site and shows the red arrow with its meaning', async () => {
    await ui.page
      .getByPlaceholder('Search title, article ID or bulletin ID')
      .fill('Cumulative Update 1');
    await ui.page.getByRole('button', { name: 'Search', exact: true }).click();
    const expected = records.filter((record) =>
      record.title.includes('Cumulative Update 1'),
    ).length;
    await expect.poll(() => ui.itemCount()).toBe(expected);
    const icon = ui.gridRows().first().locator('[data-red-arrow]');
    await icon.hover();
    const tooltip = ui.page.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain(
      'Red arrow: the content of this update is in no deployment package.',
    );
    await ui.screenshot('all-software-updates-red-arrow');
  });

  it('shows a metadata-only update without the red arrow, and the details pane with the compliance pie', async () => {
    await ui.page
      .getByPlaceholder('Search title, article ID or bulletin ID')
      .fill('Cumulative Update 07');
    await ui.page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => ui.itemCount()).toBe(1);
    const row = ui.gridRows().first();
    await expect
      .poll(() => row.locator('[data-icon]').getAttribute('data-icon'))
      .toBe('metadata-only');
    expect(await row.locator('[data-red-arrow]').count()).toBe(0);
    await row.click();
    await expect
      .poll(() => ui.detailsPane.innerText())
      .toContain('No client has reported a scan for this update yet.');
    await ui.detailsPane.getByRole('button', { name: 'View Required' }).click();
    await ui.page.getByText('No device requires this update').waitFor();
    await ui.screenshot('all-software-updates-view-required');
    await ui.page.getByRole('button', { name: 'Close' }).click();
  });

  it('right-clicking a row opens the ribbon commands, and Ctrl+F goes to the search box', async () => {
    await ui.page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(() => ui.itemCount()).toBe(records.length);
    await ui.gridRows().nth(2).click({ button: 'right' });
    const menu = ui.page.getByRole('menu');
    await menu.waitFor();
    const properties = menu.getByRole('menuitem', { name: 'Properties' });
    expect(await properties.isDisabled()).toBe(false);
    expect(await menu.getByRole('menuitem', { name: 'Refresh' }).count()).toBe(1);
    await ui.screenshot('all-software-updates-context-menu');
    await properties.click();
    await ui.page.getByRole('dialog').getByText('Properties', { exact: false }).first().waitFor();
    await ui.page.keyboard.press('Escape');
    await ui.page.keyboard.press('Control+f');
    const isFocused = await ui.page
      .getByPlaceholder('Search title, article ID or bulletin ID')
      .evaluate(
        (element) =>
          (element as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement ===
          element,
      );
    expect(isFocused).toBe(true);
  });

  it('changes Custom Severity and Maximum Run Time on a multi-selection, refusing a bad value with its sentence', async () => {
    await ui.page.keyboard.press('Escape');
    const rows = ui.gridRows();
    await rows.nth(0).click();
    await rows.nth(1).click({ modifiers: ['Control'] });
    await ui.ribbonButton('Properties').click();
    const dialog = ui.page.getByRole('dialog');
    await dialog.getByText('Properties of 2 items').waitFor();
    expect(await dialog.getByRole('tab').allInnerTexts()).toEqual([
      'Maximum Run Time',
      'Custom Severity',
    ]);
    await dialog.getByLabel('Maximum run time (minutes)').fill('2');
    await dialog.getByText('at least 5 minutes').waitFor();
    await dialog.getByLabel('Maximum run time (minutes)').fill('90');
    await dialog.getByRole('tab', { name: 'Custom Severity' }).click();
    await dialog.getByRole('combobox').click();
    await ui.page.getByRole('option', { name: 'Critical' }).click();
    await ui.screenshot('software-update-properties-multi');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'detached' });
    const page = await call<{ rows: Array<{ customSeverity: string; maxRunTimeMinutes: number }> }>(
      'updates.list',
      {
        filter: { criteria: [{ property: 'customSeverity', values: ['Critical'] }] },
        page: { size: 10 },
      },
    );
    expect(page.rows.map((row) => [row.customSeverity, row.maxRunTimeMinutes])).toEqual([
      ['Critical', 90],
      ['Critical', 90],
    ]);
  });

  it('ANDs criteria from Add Criteria, counts as the site does, and saves and recalls the search', async () => {
    await ui.page.keyboard.press('Escape');
    const bar = ui.page.getByRole('group', { name: 'Search criteria' });
    await bar.getByRole('button', { name: 'Add Criteria' }).click();
    await ui.page.getByRole('menuitem', { name: 'Product', exact: true }).click();
    await bar.locator('[data-criterion="product"]').getByRole('combobox').click();
    await ui.page.getByRole('menuitemcheckbox', { name: 'Microsoft 365 Apps' }).click();
    await ui.page.keyboard.press('Escape');
    const office = records.filter(
      (record) => record.products[0]!.name === 'Microsoft 365 Apps',
    ).length;
    await expect.poll(() => ui.itemCount()).toBe(office);

    await bar.getByRole('button', { name: 'Add Criteria' }).click();
    await ui.page.getByRole('menuitem', { name: 'Severity', exact: true }).click();
    // New criteria start at Critical; the fixtures are all Important, so nothing matches yet.
    await expect.poll(() => ui.itemCount()).toBe(0);
    await bar.locator('[data-criterion="severity"]').getByRole('combobox').click();
    await ui.page.getByRole('menuitemcheckbox', { name: 'Important' }).click();
    await ui.page.keyboard.press('Escape');
    const sql = await call<{ total: number }>('updates.list', {
      filter: {
        criteria: [
          { property: 'product', values: ['Microsoft 365 Apps'] },
          { property: 'severity', values: ['Critical', 'Important'] },
        ],
      },
      page: { size: 1 },
    });
    await expect.poll(() => ui.itemCount()).toBe(sql.total);
    expect(sql.total).toBe(office);
    await ui.screenshot('all-software-updates-criteria');

    await bar.getByRole('button', { name: 'Save Current Search' }).click();
    await ui.page
      .getByRole('dialog')
      .getByRole('textbox')
      .fill('Office apps, critical or important');
    await ui.page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await bar.getByRole('button', { name: 'Remove Product' }).click();
    await bar.getByRole('button', { name: 'Remove Severity' }).click();
    await expect.poll(() => ui.itemCount()).toBe(records.length);
    await bar.getByRole('button', { name: 'Saved Searches' }).click();
    await ui.page.getByRole('menuitem', { name: 'Office apps, critical or important' }).click();
    await expect.poll(() => ui.itemCount()).toBe(office);
  });
});
