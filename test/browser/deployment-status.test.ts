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

const shots = '/tmp/shots-deployment-status';
const record = makeRecord('Cumulative 2024-12');

/**
 * Monitoring > Deployments and View Status as the admin sees them: a deployment created through
 * the site's API, clients reporting through the management point's HTTP endpoint, and the
 * console following them live.
 */
describe('Monitoring > Deployments and View Status in the console', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  let mp: ManagementPointClient;
  let uniqueId = '';
  const clients: ClientIdentity[] = [];
  let batch = 0;

  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);
  const enforcement = (stateId: number, errorCode = 0): StateMessage => ({
    topicType: 301,
    topicId: uniqueId,
    stateId,
    errorCode,
    time: new Date().toISOString(),
  });
  const post = (client: ClientIdentity, messages: StateMessage[]) =>
    mp.postStateMessages(client, { batchId: `status-console-${++batch}`, messages });
  const row = (text: string) => ui.gridRows().filter({ hasText: text }).first();
  const top = { x: 200, y: 4 };
  const shot = (name: string) => ui.page.screenshot({ path: `${shots}/${name}.png` });
  const status = () => ui.page.getByRole('dialog', { name: 'Deployment Status: Pilot ring' });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    site = await startSite();
    await synchronizeFrom(site.url, bundleOf([record]));
    mp = new ManagementPointClient(site.url);
    for (let index = 1; index <= 6; index++)
      clients.push(
        await mp.register({
          name: `ws-00${index}`,
          domain: 'CONTOSO',
          osName: 'Windows 11',
          products: ['Windows 11'],
        }),
      );
    const updates = await call<{ rows: Array<{ ciId: number }> }>('updates.list', {
      filter: { criteria: [] },
    });
    const collections = await call<Array<{ id: number; name: string }>>('collections.list', {});
    const { jobId } = await call<{ jobId: number }>('deployments.create', {
      selection: { ciIds: [updates.rows[0]!.ciId] },
      general: {
        name: 'Pilot ring',
        collectionId: collections.find((c) => c.name === 'All Systems')!.id,
      },
    });
    let deploymentId: number;
    for (;;) {
      const job = await call<{ state: string; result: { deploymentId: number } | null }>(
        'jobs.get',
        { id: jobId },
      );
      if (job.state === 'succeeded') {
        deploymentId = job.result!.deploymentId;
        break;
      }
      if (job.state === 'failed') throw new Error('the deployment was not created');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    uniqueId = (await call<{ assignmentUniqueId: string }>('deployments.get', { id: deploymentId }))
      .assignmentUniqueId;
    await post(clients[0]!, [enforcement(4)]);
    await post(clients[1]!, [enforcement(7)]);
    await post(clients[2]!, [enforcement(6, 0x80070643)]);

    browser = await launchBrowser();
    ui = new ConsolePage(await browser.context.newPage());
    await ui.open(site.url);
    await ui.chooseWorkspace('Monitoring');
  });
  shootFailuresAndCloseAfterAll(shot, () => ({ browser, site }));

  it('lists the deployment with the §9.2 columns and its Summary pie', async () => {
    await ui.openNode('Deployments');
    await row('Cumulative 2024-12').waitFor();
    expect(await ui.columnHeaders()).toEqual([
      'Software',
      'Collection',
      'Purpose',
      'Action',
      'Feature Type',
      'Compliance %',
      'Date Created',
      'Deployment ID',
    ]);
    expect(await row('Cumulative 2024-12').innerText()).toMatch(
      /All Systems\s+Required\s+Install\s+Software Update\s+16/,
    );
    await row('Cumulative 2024-12').click({ position: top });
    await expect.poll(() => ui.detailsPane.getByTestId('pie-Error').first().innerText()).toBe('1');
    expect(await ui.detailsPane.getByTestId('pie-Unknown').first().innerText()).toBe('3');
    await shot('deployments-node');
  });

  it('opens View Status with the five tabs, the Category list and Asset Details, and follows new batches live', async () => {
    await ui.ribbonButton('View Status').click();
    await status().waitFor();
    const tab = (name: RegExp) => status().getByRole('tab', { name });
    await tab(/^Compliant \(1\)/).waitFor();
    for (const name of [
      /^In Progress \(1\)/,
      /^Error \(1\)/,
      /^Requirements Not Met \(0\)/,
      /^Unknown \(3\)/,
    ])
      await tab(name).waitFor();
    await status()
      .getByRole('table', { name: 'Category' })
      .getByText('Successfully installed update(s)')
      .waitFor();
    await status().getByTestId('asset-details').getByText('WS-001').waitFor();
    await shot('view-status-compliant');

    await tab(/^Error/).click();
    const assets = status().getByTestId('asset-details');
    await assets.getByText('0x80070643').waitFor();
    await assets.getByText('ERROR_INSTALL_FAILURE: Fatal error during installation.').waitFor();
    await shot('view-status-error');

    // Two more clients report; the open pane follows within 2 s, without Refresh.
    const started = Date.now();
    await post(clients[3]!, [enforcement(9, 0x80246007)]);
    await post(clients[4]!, [enforcement(4)]);
    await tab(/^Error \(2\)/).waitFor({ timeout: 2_000 });
    await tab(/^Compliant \(2\)/).waitFor({ timeout: 2_000 });
    await assets
      .getByText('WU_E_DM_NOTDOWNLOADED: The update has not been downloaded.')
      .waitFor({ timeout: 3_000 });
    expect(Date.now() - started).toBeLessThan(3_000);
    await status()
      .getByRole('table', { name: 'Category' })
      .getByText('Failed to download update(s)')
      .click();
    await expect.poll(() => assets.getByRole('row').count()).toBe(2); // header + one device
    await shot('view-status-live');

    await tab(/^Unknown/).click();
    await status()
      .getByRole('table', { name: 'Category' })
      .getByText('No status message received')
      .waitFor();
    await assets.getByText('WS-006').waitFor();
    await status().getByRole('button', { name: 'Close' }).click();
    await status().waitFor({ state: 'detached' });
  });

  it('shows Monitoring > Alerts', async () => {
    await ui.openNode('Alerts');
    await ui.page.getByText(/There are no alerts/).waitFor();
    await shot('alerts-node');
  });
});
