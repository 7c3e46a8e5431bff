import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { ConsolePage } from './support/console-page';
import { siteCaller } from './support/site-calls';
import { startSite, type RunningSite } from './support/site-server';

const shots = process.env.PATCHBAY_WALK_SHOTS ?? '/tmp/first-hour/after';

describe('What a new admin sees in the first hour, at 1600 × 1000', () => {
  let site: RunningSite;
  let browser: RunningBrowser;
  let ui: ConsolePage;
  const call = <T>(method: string, input: unknown) => siteCaller(site.url)<T>(method, input);
  const shot = (name: string) => ui.page.screenshot({ path: `${shots}/${name}.png` });
  const visit = async (title: string) => {
    await ui.navigation.getByRole('treeitem', { name: title, exact: true }).first().click();
    await ui.page.waitForTimeout(1200);
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    site = await startSite();
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    ui = new ConsolePage(page);
    await ui.open(site.url);
  }, 60_000);
  afterAll(async () => {
    await call('fleet.stopDemo', {}).catch(() => undefined);
    await browser?.close();
    await site?.stop();
  });

  it('walks', async () => {
    const { jobId } = await call<{ jobId: number }>('sync.start', { isFull: false });
    for (;;) {
      const job = await call<{ state: string }>('jobs.get', { id: jobId });
      if (job.state !== 'running' && job.state !== 'queued') break;
      await new Promise((r) => setTimeout(r, 300));
    }
    await call('fleet.startDemo', { clients: 50 });
    await new Promise((r) => setTimeout(r, 8000));
    await ui.chooseWorkspace('Software Library');
    await visit('Overview');
    await shot('library-overview');
    await visit('Software Updates');
    await shot('software-updates');
    await visit('All Software Updates');
    await shot('all-software-updates');
    await ui.gridRows().first().click();
    await shot('all-software-updates-details');
    await visit('Automatic Deployment Rules');
    await shot('adr');
    await ui.chooseWorkspace('Assets and Compliance');
    await visit('Devices');
    await shot('devices');
    await visit('Device Collections');
    await shot('collections');
    await ui.chooseWorkspace('Monitoring');
    for (const node of ['Jobs', 'Software Update Point Synchronization Status', 'Status Messages']) {
      await visit(node).catch(() => undefined);
      await shot(node.replace(/\W+/g, '-'));
    }
    await ui.chooseWorkspace('Administration');
    await visit('Sites').catch(() => undefined);
    await shot('sites');
  }, 300_000);
});
