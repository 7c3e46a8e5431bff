import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, makeRecord } from '../../support/catalog-fixtures';
import { engines } from '../../support/engines';
import {
  bundleCli,
  faultRandom,
  freePort,
  integrityProblems,
  killAfter,
  outputMatching,
  siteArgs,
  startCli,
  type CliRun,
} from '../../support/fault-injection';
import { syncAndWait } from '../../support/sync-helpers';
import { openTestSite } from '../../support/test-site';

const clients = 60;
const bundle = bundleOf(
  Array.from({ length: 20 }, (_, index) =>
    makeRecord(`fault-fleet-${index}`, {
      dateReleased: new Date(Date.UTC(2026, 0, 1 + index * 11)).toISOString(),
    }),
  ),
);
const joining = /Fleet of \d+ clients joining/;

describe.each(engines)('patchbay fleet killed with SIGKILL and started again on %s', (engine) => {
  let cli: Awaited<ReturnType<typeof bundleCli>>;
  const cleanup: Array<() => Promise<void> | void> = [];
  beforeAll(async () => {
    cli = await bundleCli();
  });
  afterAll(() => cli.dispose());
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it(`is the same ${clients} devices after every restart, never a duplicate`, async () => {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    cleanup.push(opened.dispose);
    await opened.site.supSettings.set({ syncSourceLocation: bundle });
    expect((await syncAndWait(opened.site)).error).toBeNull();
    await opened.site.close();
    const site = await opened.reopen({ runJobs: false });
    const args = siteArgs(site.database.config, site.folders.data);
    const port = await freePort();
    const serve = startCli(cli.path, ['serve', '--port', String(port), '--no-console', ...args]);
    cleanup.push(() => void serve.child.kill('SIGKILL'));
    await outputMatching(serve, /Patchbay console: /);
    const fleetArgs = [
      'fleet',
      'start',
      '--url',
      `http://127.0.0.1:${port}/`,
      '--clients',
      String(clients),
      '--acceleration',
      '3600',
      '--updates',
      '20',
      '--seed',
      '5',
      ...args,
    ];
    const devices = async () => {
      const rows = await site.database.db.selectFrom('client').select('name').execute();
      return { count: rows.length, names: new Set(rows.map((row) => row.name)).size };
    };

    const { random } = faultRandom(`fleet on ${engine}`);
    const figures: string[] = [];
    for (let restart = 1; restart <= 3; restart += 1) {
      // Killed anywhere from its registrations to its reporting cycles.
      const delay = Math.floor(random() * 2_500);
      const run: CliRun = startCli(cli.path, fleetArgs);
      const killed = await killAfter(run, delay, joining);
      expect(killed.isKilled).toBe(true);
      const after = await devices();
      expect(after.count).toBe(after.names);
      figures.push(
        `restart ${restart}: killed ${delay} ms after joining began, ${after.count} devices`,
      );
    }
    // A last run to its end: every device registered once, and the fleet stops cleanly.
    const last = startCli(cli.path, fleetArgs);
    await outputMatching(last, joining);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    last.child.kill('SIGTERM');
    const ended = await last.done;
    expect(ended.stdout).toContain(`Clients: ${clients} of ${clients} registered`);
    expect(await devices()).toEqual({ count: clients, names: clients });
    expect(await integrityProblems(site)).toEqual([]);
    console.log(`fleet on ${engine}:\n${figures.join('\n')}\n${ended.stdout.trim()}`);
  }, 180_000);
});
