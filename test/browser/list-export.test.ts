import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SoftwareUpdateRow } from '../../src/shared/contract';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { readFirstSheet } from '../support/xlsx-sheet';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { siteCaller, synchronizeFrom } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

/** Export from the ribbon of All Software Updates, with a criteria search and a sort on screen. */
describe('Export of All Software Updates in the console', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  const severities = ['Critical', 'Important', 'Moderate'] as const;
  const records = Array.from({ length: 30 }, (_, index) => {
    const record = makeRecord(`Export Update ${String(index).padStart(2, '0')}`, {
      severity: severities[index % severities.length]!,
    });
    // A hostile title must arrive as text, never as a formula.
    return index === 3
      ? { ...record, title: `=HYPERLINK("http://x","y") ${record.title}` }
      : record;
  });
  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);

  beforeAll(async () => {
    mkdirSync('test-results/screenshots', { recursive: true });
    site = await startSite();
    await synchronizeFrom(site.url, bundleOf(records));
    browser = await launchBrowser();
    ui = new ConsolePage(await browser.context.newPage());
    await ui.page.setViewportSize({ width: 1600, height: 1000 });
    await ui.open(site.url);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('exports exactly the rows, columns and order on screen to Excel and CSV', async () => {
    await ui.chooseWorkspace('Software Library');
    await ui.openNode('All Software Updates');
    await expect.poll(() => ui.itemCount()).toBe(records.length);

    // Add Criteria > Severity starts at Critical: the list narrows on the site.
    const bar = ui.page.getByRole('group', { name: 'Search criteria' });
    await bar.getByRole('button', { name: 'Add Criteria' }).click();
    await ui.page.getByRole('menuitem', { name: 'Severity', exact: true }).click();
    const critical = records.filter((record) => record.severity === 'Critical').length;
    await expect.poll(() => ui.itemCount()).toBe(critical);
    // Sorted by title, as the admin clicked the header.
    await ui.page.locator('.ag-header-cell-text').getByText('Title', { exact: true }).click();
    await ui.page.locator('.ag-header-cell[aria-sort="ascending"]').waitFor();

    const shown = await call<{ rows: SoftwareUpdateRow[] }>('updates.list', {
      filter: { criteria: [{ property: 'severity', values: ['Critical'] }] },
      sort: { column: 'title', direction: 'asc' },
      page: { size: 500 },
    });
    const headers = ['Icon', ...(await ui.columnHeaders())];
    await ui.ribbonButton('Export to Excel').waitFor();
    await ui.page.getByRole('toolbar', { name: 'Home' }).screenshot({
      path: 'test-results/screenshots/ribbon-export.png',
    });
    const [workbook] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.ribbonButton('Export to Excel').click(),
    ]);
    expect(workbook.suggestedFilename()).toMatch(/^All Software Updates .*\.xlsx$/);
    const sheet = readFirstSheet(await workbook.path());
    expect(sheet.values[0]).toEqual(headers);
    const titleColumn = headers.indexOf('Title');
    const guard = (title: string) => (title.startsWith('=') ? `'${title}` : title);
    expect(sheet.values.slice(1).map((row) => row[titleColumn])).toEqual(
      shown.rows.map((row) => guard(row.title)),
    );
    expect(sheet.values.slice(1).map((row) => row[headers.indexOf('Percent Compliant')])).toEqual(
      shown.rows.map((row) => String(row.percentCompliant / 100)),
    );
    expect(sheet.rows.flat().some((cell) => cell.hasFormula)).toBe(false);
    expect(sheet.values.some((row) => row[titleColumn]!.startsWith(`'=HYPERLINK`))).toBe(true);

    const [csv] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.ribbonButton('Export to CSV').click(),
    ]);
    const lines = readFileSync(await csv.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(headers.join(','));
    expect(lines).toHaveLength(critical + 1);
    await ui.screenshot('all-software-updates-exported');
  });
});
