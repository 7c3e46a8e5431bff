import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { siteCaller, synchronizeFrom } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';

/** A new site has no clients: Devices offers the demo fleet that makes compliance mean something. */
describe('Devices on a site without clients', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;

  beforeAll(async () => {
    mkdirSync('/tmp/shots6', { recursive: true });
    site = await startSite();
    browser = await launchBrowser();
    ui = new ConsolePage(await browser.context.newPage());
    await ui.open(site.url);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('starts a demo fleet against this site in one click, and the devices arrive', async () => {
    await ui.chooseWorkspace('Assets and Compliance');
    await ui.openNode('Devices');
    const offer = ui.page.getByTestId('demo-fleet-offer');
    await offer.waitFor();
    const text = await offer.innerText();
    expect(text).toContain('No client has registered with this site yet.');
    expect(text).toContain('Start a demo fleet of 3,000 simulated clients');
    expect(await ui.emptyList.innerText()).toContain(
      'No devices have registered with this site yet.',
    );
    await ui.page.screenshot({ path: '/tmp/shots6/devices-demo-offer.png' });
    // The simulated clients' products come from the catalog: synchronize a small one first.
    await synchronizeFrom(site.url, bundleOf([makeRecord('Demo fleet update')]));
    await offer.getByRole('button', { name: 'Start demo fleet' }).click();
    await expect.poll(() => ui.gridRows().count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const status = await siteCaller(site.url)<{ registered: number; isRunning: boolean }>(
      'fleet.demoStatus',
      {},
    );
    expect(status.isRunning).toBe(true);
    expect(status.registered).toBeGreaterThan(0);
    await ui.page.screenshot({ path: '/tmp/shots6/devices-demo-fleet.png' });
  });
});
