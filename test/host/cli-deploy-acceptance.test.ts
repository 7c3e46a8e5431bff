import { afterEach, describe, expect, it } from 'vitest';
import { Fleet } from '../../src/main/host/fleet/fleet';
import { loadFleetCatalog } from '../../src/main/host/fleet/fleet-catalog';
import { startSiteServer } from '../../src/main/host/server/site-server';
import { openSite } from '../../src/main/site/site';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { patchbay, temporaryFolders } from '../support/cli';
import { createTestDatabase, engines } from '../support/engines';

interface StatusJson {
  numberTargeted: number;
  numberSuccess: number;
  numberInProgress: number;
  numberErrors: number;
  numberOther: number;
  numberUnknown: number;
}

/**
 * Issue 12's acceptance from the shell: `patchbay deployment new` of the demo group to All
 * Systems, a fleet running against the site, and `patchbay deployment status --format json`
 * until devices report the update installed.
 */
describe.each(engines)('deploying the demo group from the CLI on %s', (engine) => {
  const folders = temporaryFolders();
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    folders.removeAll();
  });

  it('deployment new, then deployment status --format json as the fleet installs', async () => {
    const database = await createTestDatabase(engine);
    cleanup.push(database.dispose);
    const dataDir = folders.folder('patchbay-cli-acceptance-');
    const db =
      database.config.kind === 'sqlite' ? database.config.file : database.config.connectionString;
    const cli = async (...args: string[]) => {
      const result = await patchbay(dataDir, ...args, '--db', db);
      // Progress lines go to stderr; a failure is a "patchbay:" sentence and a non-zero code.
      expect(result.stderr, args.join(' ')).not.toContain('patchbay:');
      expect(result.code, args.join(' ')).toBe(0);
      return result.stdout;
    };
    // Only sync, serve and db init create a site; every other verb needs one.
    await cli('db', 'init');
    await cli('catalog', 'import', bundleOf([makeRecord('win11-cu')]));
    await cli('demo-content');
    await cli('group', 'new', 'Demo updates', '--update', 'KB9000001', 'KB9000002', 'KB9000003');
    const created = await cli(
      'deployment',
      'new',
      '--group',
      'Demo updates',
      '--collection',
      'All Systems',
      '--name',
      'Demo to All Systems',
      '--deadline',
      'asap',
      '--time-based-on',
      'Utc',
      '--new-package',
      'Demo package',
      '--path',
      folders.folder('patchbay-cli-acceptance-pkg-'),
    );
    expect(created).toContain('Demo to All Systems');

    const site = await openSite({
      database: database.config,
      dataFolder: dataDir,
      bundledCatalogFolder: null,
      scheduleCheckMs: 0,
      runner: { pollMs: 50, leaseMs: 2_000, progressWriteMs: 40 },
    });
    cleanup.push(() => site.close());
    const server = await startSiteServer(site);
    cleanup.push(() => server.close());
    const fleet = new Fleet(await loadFleetCatalog(site.database, 300), {
      siteUrl: server.url,
      clients: 60,
      acceleration: 3600,
      seed: 7,
      installFailureRate: 0.1,
    });
    cleanup.push(() => fleet.stop());
    await fleet.join();
    await fleet.start();

    const status = async () =>
      JSON.parse(
        await cli('deployment', 'status', 'Demo to All Systems', '--format', 'json'),
      ) as StatusJson;
    let last = await status();
    for (const end = Date.now() + 45_000; Date.now() < end && last.numberSuccess === 0;) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      last = await status();
    }
    expect(Object.keys(last)).toEqual(
      expect.arrayContaining([
        'numberTargeted',
        'numberSuccess',
        'numberInProgress',
        'numberErrors',
        'numberOther',
        'numberUnknown',
      ]),
    );
    expect(last.numberTargeted).toBe(60);
    expect(last.numberSuccess).toBeGreaterThan(0);
    expect(
      last.numberSuccess +
        last.numberInProgress +
        last.numberErrors +
        last.numberOther +
        last.numberUnknown,
    ).toBe(last.numberTargeted);
    expect(fleet.status().enforcement.outsideWindowInstalls).toBe(0);
  }, 120_000);
});
