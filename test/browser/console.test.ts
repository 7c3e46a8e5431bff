import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleCatalog } from '../../bench/support/catalog-generator';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { startSite, type RunningSite } from './support/site-server';

// The built console served by `patchbay serve`, in a real Chromium: what an admin sees.
describe('the Patchbay console in a browser', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  const pageProblems: string[] = [];

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

  it('shows the site code, the database kind and the connection in the status bar', async () => {
    await expect.poll(() => ui.statusBar.innerText()).toMatch(/Site: \w{3} - /);
    const text = await ui.statusBar.innerText();
    expect(text).toMatch(/Database: (SQLite|PostgreSQL)/);
    expect(text).toContain('Connected');
    expect(text).toContain('Ready');
  });

  it('opens Software Library with the catalog columns of All Software Updates and an honest empty list', async () => {
    await ui.chooseWorkspace('Software Library');
    expect(await ui.treeNodeTitles()).toEqual([
      'Overview',
      'Software Updates',
      'All Software Updates',
      'Software Update Groups',
      'Deployment Packages',
      'Automatic Deployment Rules',
    ]);
    await ui.openNode('All Software Updates');
    expect(await ui.columnHeaders()).toEqual([
      'Title',
      'Bulletin ID',
      'Required',
      'Installed',
      'Percent Compliant',
      'Downloaded',
      'Deployed',
    ]);
    await expect
      .poll(() => ui.emptyList.innerText())
      .toContain('Synchronize Software Updates to load the catalog.');
    await ui.screenshot('software-library');

    await ui.openNode('Software Update Groups');
    expect(await ui.columnHeaders()).toContain('Number of updates');
    await ui.openNode('Deployment Packages');
    expect(await ui.columnHeaders()).toEqual(
      expect.arrayContaining(['Name', 'Package ID', 'Source Version', 'Package source path']),
    );
    await ui.openNode('Automatic Deployment Rules');
    expect(await ui.columnHeaders()).toEqual(
      expect.arrayContaining(['Name', 'Enabled', 'Last Run Time', 'Last Error Code']),
    );
  });

  it('opens Assets and Compliance with Devices and Device Collections', async () => {
    await ui.chooseWorkspace('Assets and Compliance');
    expect(await ui.treeNodeTitles()).toEqual(['Overview', 'Devices', 'Device Collections']);
    await ui.openNode('Devices');
    expect(await ui.columnHeaders()).toEqual(
      expect.arrayContaining(['Name', 'Client', 'Site Code', 'Client Activity']),
    );
    await ui.screenshot('assets-and-compliance');
    await ui.openNode('Device Collections');
    expect(await ui.columnHeaders()).toEqual(
      expect.arrayContaining(['Name', 'Limiting Collection', 'Member Count']),
    );
  });

  it('opens Monitoring with synchronization status, status messages and jobs', async () => {
    await ui.chooseWorkspace('Monitoring');
    expect(await ui.treeNodeTitles()).toEqual(
      expect.arrayContaining([
        'Software Update Point Synchronization Status',
        'Deployments',
        'Distribution Status',
        'System Status',
        'Status Messages',
        'Jobs',
      ]),
    );
    await ui.openNode('Software Update Point Synchronization Status');
    expect(await ui.columnHeaders()).toEqual([
      'Software Update Point',
      'Site Code',
      'Synchronization Source',
      'Synchronization Status',
      'Last Synchronization Time',
      'Last Synchronization State Time',
      'Last Synchronization Error Code',
      'Catalog Version',
      'Link State',
      'Last Replication Link Check Time',
    ]);
    await ui.openNode('Status Messages');
    expect(await ui.columnHeaders()).toEqual([
      'Severity',
      'Component',
      'Message ID',
      'Time',
      'Machine',
      'Site Code',
      'Description',
    ]);
    await ui.screenshot('monitoring');
  });

  it('opens Administration > Sites with the one site and backs up its database as a job', async () => {
    await ui.chooseWorkspace('Administration');
    expect(await ui.treeNodeTitles()).toEqual([
      'Overview',
      'Site Configuration',
      'Sites',
      'Distribution Points',
      'Distribution Point Groups',
      'Client Settings',
    ]);
    await ui.openNode('Sites');
    expect(await ui.columnHeaders()).toEqual([
      'Site Code',
      'Name',
      'Type',
      'Parent Site',
      'Database',
      'Version',
    ]);
    const siteRow = ui.gridRows().first();
    await expect.poll(() => siteRow.innerText()).toContain('Primary site');
    expect(await siteRow.innerText()).toMatch(/SQLite|PostgreSQL/);

    const backUp = ui.ribbonButton('Back Up Site Database');
    expect(await backUp.isDisabled()).toBe(true);
    await siteRow.click();
    await expect.poll(() => backUp.isEnabled()).toBe(true);
    await expect.poll(() => ui.detailsPane.innerText()).toContain('Primary site');
    await backUp.click();

    const card = ui.jobCard('Back up site database');
    await card.waitFor({ timeout: 15_000 });
    await ui.screenshot('administration');
    await expect
      .poll(() => card.getAttribute('data-job-state'), { timeout: 30_000 })
      .toBe('succeeded');
    expect(await card.innerText()).toContain('Succeeded');
    await ui.screenshot('administration-backup-finished');
  });

  it('lists the backup in Monitoring > Jobs and shows its log in the details pane', async () => {
    await ui.chooseWorkspace('Monitoring');
    await ui.openNode('Jobs');
    const row = ui.gridRows().filter({ hasText: 'Back up site database' }).first();
    await row.waitFor();
    await row.click();
    const log = ui.page.getByLabel('Job log');
    await log.waitFor();
    await expect.poll(async () => (await log.locator('tbody tr').count()) > 0).toBe(true);
    await ui.screenshot('monitoring-jobs');
  });

  it('adds a column from the column header menu and remembers it after a reload', async () => {
    await ui.openNode('Jobs');
    await ui.page.locator('.ag-header-cell').first().click({ button: 'right' });
    const menu = ui.page.getByRole('menu');
    await menu.getByRole('menuitemcheckbox', { name: 'Kind' }).click();
    await ui.page.keyboard.press('Escape');
    expect(await ui.columnHeaders()).toContain('Kind');

    await ui.page.reload();
    await ui.statusBar.getByText('Connected').waitFor();
    await ui.resultTitle('Jobs').waitFor();
    expect(await ui.columnHeaders()).toContain('Kind');
  });

  it('exports the shown columns of every matching row to CSV', async () => {
    await ui.openNode('Jobs');
    await expect.poll(() => ui.itemCount()).toBeGreaterThan(0);
    const headers = await ui.columnHeaders();
    const total = await ui.itemCount();
    const [download] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.ribbonButton('Export to CSV').click(),
    ]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(headers.join(','));
    expect(lines).toHaveLength(total + 1);
    expect(download.suggestedFilename()).toMatch(/^Jobs .*\.csv$/);
  });

  it("watches a synchronization's progress bar move in the jobs panel and cancels it", async () => {
    // A catalog large enough that its synchronization runs for several seconds.
    const templates = Array.from({ length: 40 }, (_, index) => makeRecord(`template-${index}`));
    const bundle = bundleOf(scaleCatalog(templates, 120_000));
    const call = async (method: string, input: unknown) => {
      const response = await fetch(`${site.url}api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value: { jobId: number } };
    };
    expect((await call('sup.settings.set', { syncSourceLocation: bundle })).ok).toBe(true);
    expect((await call('sync.start', { isFull: false })).ok).toBe(true);

    await ui.openJobsPanel();
    const card = ui.jobCard('Synchronize software updates');
    await card.waitFor({ timeout: 15_000 });
    const bar = card.getByRole('progressbar');
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const value = await bar.getAttribute('aria-valuenow');
          if (value && Number(value) > 0) seen.add(value);
          return seen.size;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBeGreaterThanOrEqual(2);
    await ui.screenshot('jobs-panel-sync-running');
    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => card.getAttribute('data-job-state'), { timeout: 30_000 })
      .toBe('cancelled');
    await ui.screenshot('jobs-panel-sync-cancelled');
    const history = await fetch(`${site.url}api/sync.history`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page: { size: 1 } }),
    });
    const rows = (
      (await history.json()) as {
        value: { rows: Array<{ lastStateMessageId: number; errorText: string }> };
      }
    ).value.rows;
    expect(rows[0]).toMatchObject({ lastStateMessageId: 6703 });
    expect(rows[0]?.errorText).toContain('cancelled by an administrator; the catalog is unchanged');
  });

  it('ran without script errors or content security policy violations', () => {
    expect(pageProblems).toEqual([]);
  });
});
