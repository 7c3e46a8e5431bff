import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ManagementPointClient,
  type ClientIdentity,
} from '../../src/main/host/fleet/management-point-client';
import type { StateMessage } from '../../src/shared/contract/compliance';
import type {
  ReportParameterValue,
  ReportResult,
  ReportSchedule,
  ReportTable,
} from '../../src/shared/contract/reports';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { shootFailuresAndCloseAfterAll } from './support/lifecycle';
import { siteCaller, synchronizeFrom } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

const shots = process.env.PATCHBAY_REPORT_SHOTS ?? '/tmp/shots-reports';
const compliance1 = 'Compliance 1 - Overall compliance';
const compliance6 = 'Compliance 6 - Specific software update states (secondary)';
const records = ['Cumulative 2024-01', 'Cumulative 2024-02', 'Dotnet 2024-02'].map((name) =>
  makeRecord(name),
);
const [january, february, dotnet] = records as [
  (typeof records)[0],
  (typeof records)[0],
  (typeof records)[0],
];

/** A report cell's text in the viewer, back to the number it shows ("1,234" → 1234, "66.67"). */
const numberIn = (text: string) => Number(text.replace(/[^0-9.-]/g, ''));

/**
 * Monitoring > Reporting > Reports as an admin uses it: Compliance 1 for All Systems with its
 * pie and bars, a row drilled into Compliance 6 and back by the breadcrumb, and the report
 * exported from the viewer's toolbar. The clients are made as agents make themselves (state
 * messages over the management point), so the expected numbers follow from what they sent.
 */
describe('Software Updates reports in the console', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  let mp: ManagementPointClient;
  const clients: ClientIdentity[] = [];
  let batch = 0;
  let allSystems: ReportParameterValue;

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
    mp.postStateMessages(client, { batchId: `reports-test-${++batch}`, messages });
  const shot = (name: string) => ui.page.screenshot({ path: `${shots}/${name}.png` });
  const viewer = () => ui.page.getByRole('dialog', { name: /^Report Viewer:/ });
  const tableOf = (name: string) => viewer().getByTestId(`report-table-${name}`);
  const run = (report: string, parameters: Record<string, string>) =>
    call<ReportResult>('reports.run', { report, parameters });

  /** Every shown row of a report table equals the API's row, cell by cell. */
  async function expectTableShows(table: ReportTable) {
    const rows = tableOf(table.name).locator('.ag-row');
    await expect.poll(() => rows.count()).toBe(table.rows.length);
    const hidden = new Set(table.hiddenKeys);
    const shown = table.columns.filter((column) => !hidden.has(column.key));
    for (const [index, row] of table.rows.entries()) {
      const line = tableOf(table.name).locator(`.ag-row[row-index="${index}"]`);
      for (const column of shown) {
        const text = (await line.locator(`[col-id="${column.key}"]`).innerText()).trim();
        const value = row[column.key];
        if (column.type === 'number') expect(numberIn(text), column.header).toBe(value);
        else if (column.type === 'percent')
          expect(numberIn(text), column.header).toBeCloseTo(Number(value), 2);
        else if (column.type === 'text') expect(text, column.header).toBe(String(value ?? ''));
      }
    }
  }

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
    for (const name of ['ws-001', 'ws-002', 'ws-003', 'ws-004', 'ws-005'])
      clients.push(await mp.register({ ...workstation, name }));
    clients.push(await mp.register({ ...workstation, name: 'ws-new' }));
    for (const client of clients) await mp.policy(client);
    // Three workstations miss February (two miss January too); one has everything; one's scan
    // failed; ws-new never scanned.
    for (const [index, client] of clients.slice(0, 3).entries())
      await post(client, [
        scan(3),
        detection(january, index === 2 ? 3 : 2),
        detection(february, 2),
        detection(dotnet, 1),
      ]);
    await post(clients[3]!, [
      scan(3),
      detection(january, 3),
      detection(february, 3),
      detection(dotnet, 3),
    ]);
    await post(clients[4]!, [scan(5, '0x80244022')]);

    const collections = await call<{ values: ReportParameterValue[] }>('reports.parameterValues', {
      kind: 'collection',
    });
    allSystems = collections.values.find((value) => value.label === 'All Systems')!;
    expect(allSystems).toBeDefined();

    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => console.error('Page error:', error.message));
    ui = new ConsolePage(page);
    await ui.open(site.url);
    await ui.chooseWorkspace('Monitoring');
  });
  shootFailuresAndCloseAfterAll(shot, () => ({ browser, site }));

  it('lists the Software Updates reports by category under Monitoring > Reporting > Reports', async () => {
    await ui.openNode('Reporting');
    await ui.openNode('Reports');
    expect(await ui.treeNodeTitles()).toEqual(
      expect.arrayContaining([
        'Software Updates - A Compliance',
        'Software Updates - B Deployment Management',
        'Software Updates - C Deployment States',
        'Software Updates - D Scan',
        'Software Updates - E Troubleshooting',
        'Subscriptions',
      ]),
    );
    await ui.openNode('Software Updates - A Compliance');
    await expect.poll(() => ui.itemCount()).toBe(9);
    await expect.poll(() => ui.gridRows().filter({ hasText: compliance1 }).count()).toBe(1);
    await shot('01-compliance-reports');
  });

  it('runs Compliance 1 for All Systems with the numbers the site reports', async () => {
    await ui.gridRows().filter({ hasText: compliance1 }).dblclick();
    await viewer().waitFor();
    // Collection is required: nothing runs until it is chosen.
    await expect
      .poll(() => viewer().getByRole('button', { name: 'View Report' }).isDisabled())
      .toBe(true);
    await viewer().getByRole('combobox', { name: 'Collection' }).click();
    await ui.page.getByRole('option', { name: 'All Systems', exact: true }).click();
    await viewer().getByRole('button', { name: 'View Report' }).click();
    await tableOf('Updates').locator('.ag-row').first().waitFor();

    const expected = await run(compliance1, { collection: allSystems.value });
    // What the clients sent: ws-004 has everything; ws-001..003 miss an update; ws-005's scan
    // failed and ws-new never scanned.
    const pie = expected.charts.find((chart) => chart.title === 'Compliance Overview')!;
    expect(Object.fromEntries(pie.points.map((point) => [point.label, point.value]))).toEqual({
      Compliant: 1,
      'Non-compliant': 3,
      Unknown: 2,
    });
    for (const point of pie.points) {
      const shown = await viewer()
        .getByTestId('chart-Compliance Overview')
        .getByTestId(`pie-${point.label}`)
        .innerText();
      expect(numberIn(shown), point.label).toBe(point.value);
    }
    for (const title of ['Healthy Clients vs Total Clients', 'Top 5 Non-Compliant by Article ID']) {
      const chart = expected.charts.find((each) => each.title === title)!;
      const bars = viewer().getByTestId(`chart-${title}`);
      for (const point of chart.points) {
        expect(
          Number(await bars.getByTestId(`bar-${point.label}`).getAttribute('data-value')),
        ).toBe(point.value);
      }
    }
    const top5 = expected.charts.find(
      (each) => each.title === 'Top 5 Non-Compliant by Article ID',
    )!;
    expect(top5.points[0]).toEqual({ label: `KB${february.articleId}`, value: 3 });
    for (const table of expected.tables) await expectTableShows(table);
    expect(await viewer().getByTestId('report-parameters').innerText()).toContain('All Systems');
    expect(await viewer().getByTestId('data-as-of').innerText()).toMatch(
      /^Data as of .+live counters/,
    );
    await shot('02-compliance-1');
  });

  it('drills from an update row into Compliance 6 with the collection carried, and back', async () => {
    const updates = tableOf('Updates');
    await updates
      .locator('.ag-row')
      .filter({ hasText: `KB${february.articleId}` })
      .click();
    await viewer().getByRole('navigation', { name: 'Report breadcrumb' }).waitFor();
    await expect
      .poll(() => viewer().getByRole('heading', { level: 2 }).innerText())
      .toBe(compliance6);
    const parent = await run(compliance1, { collection: allSystems.value });
    const februaryRow = parent.tables
      .find((table) => table.name === 'Updates')!
      .rows.find((row) => row.articleId === february.articleId)!;
    const expected = await run(compliance6, {
      collection: allSystems.value,
      update: String(februaryRow.ciId),
    });
    await viewer().getByTestId(`report-table-${expected.tables[0]!.name}`).waitFor();
    for (const table of expected.tables) await expectTableShows(table);
    expect(await viewer().getByTestId('report-parameters').innerText()).toContain('All Systems');
    await shot('03-compliance-6-drilled');

    await viewer()
      .getByRole('navigation', { name: 'Report breadcrumb' })
      .getByRole('button', { name: compliance1 })
      .click();
    await expect
      .poll(() => viewer().getByRole('heading', { level: 2 }).innerText())
      .toBe(compliance1);
    await expect.poll(() => tableOf('Updates').locator('.ag-row').count()).toBeGreaterThan(0);
    expect(await viewer().getByRole('navigation', { name: 'Report breadcrumb' }).count()).toBe(0);

    // From the keyboard: Enter on a row drills, the toolbar's Back to Parent Report returns.
    await tableOf('Updates').locator('.ag-row[row-index="0"] [col-id="title"]').click();
    await viewer().getByRole('button', { name: 'Back to Parent Report' }).click();
    await tableOf('Updates').locator('.ag-row[row-index="0"] [col-id="title"]').focus();
    await ui.page.keyboard.press('Enter');
    await expect
      .poll(() => viewer().getByRole('heading', { level: 2 }).innerText())
      .toBe(compliance6);
    await viewer().getByRole('button', { name: 'Back to Parent Report' }).click();
    await expect
      .poll(() => viewer().getByRole('heading', { level: 2 }).innerText())
      .toBe(compliance1);
  });

  it('exports the report from the toolbar as CSV, XLSX and PDF files a reader opens', async () => {
    const save = async (label: string) => {
      const [download] = await Promise.all([
        ui.page.waitForEvent('download'),
        viewer()
          .getByRole('button', { name: `Export ${label}` })
          .click(),
      ]);
      const path = `${shots}/${download.suggestedFilename()}`;
      await download.saveAs(path);
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const csv = await save('CSV');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.bytes.toString('utf8')).toContain(`KB${february.articleId}`);
    const xlsx = await save('Excel (XLSX)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await save('PDF');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('schedules the report into a folder and lists it under Subscriptions with its last run', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'patchbay-report-subscription-'));
    try {
      await viewer().getByRole('button', { name: 'Create Subscription' }).click();
      const dialog = ui.page.getByRole('dialog', { name: 'Create Subscription' });
      await dialog.getByRole('textbox', { name: 'Folder on the site server:' }).fill(folder);
      await dialog.getByRole('button', { name: 'OK' }).click();
      await viewer().getByRole('status').filter({ hasText: 'Scheduled' }).waitFor();
      const [schedule] = await call<ReportSchedule[]>('reports.schedules.list', {});
      expect(schedule).toMatchObject({
        report: compliance1,
        format: 'xlsx',
        folder,
        parameters: { collection: allSystems.value },
        lastRunAt: null,
      });
      expect(schedule!.nextRunAt).not.toBeNull();
      await viewer().getByRole('button', { name: 'Close' }).click();

      await ui.openNode('Subscriptions');
      const row = ui.gridRows().filter({ hasText: compliance1 });
      await row.click();
      await ui.ribbonButton('Run Now').click();
      await expect
        .poll(() => row.locator('[col-id="lastRunAt"]').innerText(), { timeout: 30_000 })
        .not.toBe('');
      expect(await row.locator('[col-id="lastError"]').innerText()).toBe('');
      expect(await row.locator('[col-id="parameters"]').innerText()).toBe(
        'Collection: All Systems',
      );
      expect(readdirSync(folder).filter((name) => name.endsWith('.xlsx'))).toHaveLength(1);
      await shot('04-subscriptions');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('opens every report of every category in the viewer and runs it on the first value of each picker', async () => {
    const { categories } = await call<{
      categories: {
        name: string;
        reports: { name: string; parameters: { label: string; required: boolean }[] }[];
      }[];
    }>('reports.list', {});
    expect(categories.flatMap((category) => category.reports)).toHaveLength(31);
    // Run Now opened the jobs panel; the list gets its height back.
    if (await ui.jobsPanel.isVisible()) await ui.ribbonButton('Jobs Panel').click();
    let ran = 0;
    for (const category of categories) {
      await ui.openNode(category.name);
      await expect.poll(() => ui.itemCount()).toBe(category.reports.length);
      for (const report of category.reports) {
        await ui.gridRows().filter({ hasText: report.name }).first().dblclick();
        await expect
          .poll(() => viewer().getByRole('heading', { level: 2 }).innerText())
          .toBe(report.name);
        // Each required picker takes the first thing that exists, when something does.
        for (const parameter of report.parameters.filter((each) => each.required)) {
          await viewer().getByRole('combobox', { name: parameter.label, exact: true }).click();
          const first = ui.page.getByRole('option').first();
          await first.waitFor();
          if (await first.isDisabled()) await ui.page.keyboard.press('Escape');
          else await first.click();
        }
        const view = viewer().getByRole('button', { name: 'View Report' });
        if (await view.isEnabled()) {
          await view.click();
          await expect
            .poll(() => viewer().getByTestId('data-as-of').innerText(), { message: report.name })
            .toMatch(/^Data as of/);
          ran++;
        } else {
          expect(await viewer().innerText()).toMatch(/Choose .+ above/);
        }
        expect(await viewer().getByRole('alert').count(), report.name).toBe(0);
        if (report.name.startsWith('Troubleshooting 1') || report.name.startsWith('Scan 1'))
          await shot(`05-${report.name.split(' - ')[0]!.replace(' ', '-')}`);
        await viewer().getByRole('button', { name: 'Close' }).click();
        await viewer().waitFor({ state: 'detached' });
      }
    }
    // Without deployments the States and some Management reports have nothing to pick.
    expect(ran).toBeGreaterThanOrEqual(15);
  });
});
