import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { startSite, type RunningSite } from './support/site-server';

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

  it('offers the command that starts a demo fleet against this site', async () => {
    await ui.chooseWorkspace('Assets and Compliance');
    await ui.openNode('Devices');
    const offer = ui.page.getByTestId('demo-fleet-offer');
    await offer.waitFor();
    const text = await offer.innerText();
    expect(text).toContain('No client has registered with this site yet.');
    expect(text).toContain(
      `patchbay fleet start --clients 3000 --acceleration 60 --url ${site.url}`,
    );
    expect(await ui.emptyList.innerText()).toContain(
      'No devices have registered with this site yet.',
    );
    await ui.page.screenshot({ path: '/tmp/shots6/devices-demo-offer.png' });
  });
});
