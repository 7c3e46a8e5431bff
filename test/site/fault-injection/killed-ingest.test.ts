import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Fleet } from '../../../src/main/host/fleet/fleet';
import { loadFleetCatalog } from '../../../src/main/host/fleet/fleet-catalog';
import { FleetStateFile } from '../../../src/main/host/fleet/fleet-state-file';
import { bundleOf, makeRecord } from '../../support/catalog-fixtures';
import { summarizeAndWait } from '../../support/compliance-site';
import { engines } from '../../support/engines';
import {
  bundleCli,
  faultRandom,
  freePort,
  integrityProblems,
  outputMatching,
  siteArgs,
  startCli,
  stuckWork,
  trialCount,
  type CliRun,
} from '../../support/fault-injection';
import { syncAndWait } from '../../support/sync-helpers';
import { openTestSite } from '../../support/test-site';

const clients = 150;
const records = Array.from({ length: 30 }, (_, index) =>
  makeRecord(`fault-ingest-${index}`, {
    dateReleased: new Date(Date.UTC(2026, 0, 1 + index * 9)).toISOString(),
  }),
);
const bundle = bundleOf(records);
const ready = /Patchbay console: /;

describe.each(engines)('patchbay serve killed with SIGKILL mid-ingest on %s', (engine) => {
  let cli: Awaited<ReturnType<typeof bundleCli>>;
  const cleanup: Array<() => Promise<void> | void> = [];
  beforeAll(async () => {
    cli = await bundleCli();
  });
  afterAll(() => cli.dispose());
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** A synchronized site served by `patchbay serve` in a child, and a fleet that reports to it. */
  async function freshSite(seed: number) {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    cleanup.push(opened.dispose);
    await opened.site.supSettings.set({ syncSourceLocation: bundle });
    expect((await syncAndWait(opened.site)).error).toBeNull();
    await opened.site.close();
    const site = await opened.reopen({ runJobs: false });
    const port = await freePort();
    const args = [
      'serve',
      '--port',
      String(port),
      '--no-console',
      ...siteArgs(site.database.config, site.folders.data),
    ];
    let serve: CliRun | null = null;
    const startServe = async () => {
      const started = Date.now();
      serve = startCli(cli.path, args);
      await outputMatching(serve, ready);
      return Date.now() - started;
    };
    cleanup.push(() => void serve?.child.kill('SIGKILL'));
    await startServe();
    const stateFolder = mkdtempSync(join(tmpdir(), 'patchbay-fault-fleet-'));
    cleanup.push(() => rmSync(stateFolder, { recursive: true, force: true }));
    const fleet = new Fleet(await loadFleetCatalog(site.database, 300), {
      siteUrl: `http://127.0.0.1:${port}`,
      clients,
      acceleration: 1,
      seed,
      concurrency: 32,
      stateFile: new FleetStateFile(stateFolder),
    });
    await fleet.join();
    return { opened, site, fleet, startServe, serve: () => serve! };
  }

  /** Reports until every batch is confirmed, as the clients' next cycles would. */
  async function reportUntilConfirmed(fleet: Fleet): Promise<number> {
    for (let round = 1; round <= 5; round += 1) {
      const before = fleet.status().batchesAccepted;
      await fleet.reportAll();
      fleet.saveState();
      if (fleet.status().batchesAccepted === before) return round;
    }
    return 5;
  }

  it(`stores every batch once, loses none, and answers at once after a restart, ${trialCount} seeded trials`, async () => {
    const { random, seed } = faultRandom(`ingest on ${engine}`);
    const figures: string[] = [];
    let reportMs = 0;
    for (let trial = 0; trial <= trialCount; trial += 1) {
      // Trial 0 is the clean run that measures how long one burst of reports takes.
      const { opened, site, fleet, startServe, serve } = await freshSite(seed + trial);
      fleet.scanAll();
      const burst = Date.now();
      const delay = trial === 0 ? null : Math.floor(random() * reportMs);
      const kill = delay === null ? null : setTimeout(() => serve().child.kill('SIGKILL'), delay);
      await fleet.reportAll();
      if (kill) clearTimeout(kill);
      if (trial === 0) reportMs = Date.now() - burst;
      const killed = serve().child.signalCode === 'SIGKILL';
      const acceptedBeforeKill = fleet.status().batchesAccepted;
      let restartMs = 0;
      if (trial > 0) {
        if (!killed) {
          serve().child.kill('SIGKILL');
          await serve().done;
        }
        expect(await integrityProblems(site)).toEqual([]);
        restartMs = await startServe();
        expect(restartMs).toBeLessThan(15_000);
      }
      const rounds = await reportUntilConfirmed(fleet);
      // A second cycle on the restarted site, so what it took after the kill is checked too.
      fleet.scanAll();
      await reportUntilConfirmed(fleet);

      expect(fleet.status().batchesRefused).toBe(0);
      const stored = await site.database.db
        .selectFrom('state_message_batch')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      // Nothing doubled: one stored batch per batch the fleet made and had confirmed.
      expect(Number(stored.n)).toBe(fleet.status().batchesAccepted);
      // Nothing lost: every state the fleet knows it reported is the site's.
      const comparison = await fleet.ledger.compareWith(site.database);
      expect(comparison.differences).toEqual([]);
      expect(comparison.matching).toBe(fleet.ledger.stateCount);

      serve().child.kill('SIGTERM');
      await serve().done;
      expect(await stuckWork(site)).toEqual({ running: [], inProgress: [] });
      // The live counters equal a full recount.
      await site.close();
      const counter = await opened.reopen();
      expect(await summarizeAndWait(counter)).toMatchObject({
        correctedUpdates: 0,
        correctedGroups: 0,
      });
      expect(await integrityProblems(counter)).toEqual([]);
      figures.push(
        trial === 0
          ? `clean run: one burst of ${clients} batches in ${reportMs} ms`
          : `trial ${trial}: killed ${delay} ms into the burst (${killed ? 'mid-burst' : 'after it'}), ${acceptedBeforeKill} batches confirmed before, restart answered in ${restartMs} ms, ${rounds} cycles to confirm all, ${fleet.status().batchesAccepted} batches stored once (${fleet.status().batchesAlreadyStored} of them sent again after a lost answer)`,
      );
      for (const step of cleanup.splice(0).reverse()) await step();
    }
    console.log(`ingest on ${engine}:\n${figures.join('\n')}`);
  }, 600_000);
});
