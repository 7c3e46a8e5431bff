import { afterEach, describe, expect, it } from 'vitest';
import { Fleet } from '../../src/main/host/fleet/fleet';
import { loadFleetCatalog } from '../../src/main/host/fleet/fleet-catalog';
import { makeRecord } from '../support/catalog-fixtures';
import { openComplianceSite, summarizeAndWait } from '../support/compliance-site';
import { engines } from '../support/engines';

const server2022 = { vendor: 'Microsoft', family: 'Windows', name: 'Windows Server 2022' };
const office = { vendor: 'Microsoft', family: 'Office', name: 'Microsoft 365 Apps' };
const clients = Number(process.env.PATCHBAY_FLEET_TEST_CLIENTS ?? 10_000);

describe.each(engines)('patchbay fleet against the management point on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  it(`loses nothing when ${clients} clients post at once: the site's states equal the fleet's ledger`, async () => {
    const records = [
      makeRecord('cu-old', { dateReleased: '2024-03-12T00:00:00.000Z' }),
      makeRecord('cu-new', { dateReleased: '2024-09-10T00:00:00.000Z' }),
      makeRecord('server-cu', { products: [server2022], dateReleased: '2024-08-13T00:00:00.000Z' }),
      makeRecord('office', { products: [office], dateReleased: '2024-09-03T00:00:00.000Z' }),
    ];
    const opened = await openComplianceSite(engine, records);
    dispose = opened.dispose;
    const { site, server } = opened;
    const catalog = await loadFleetCatalog(site.database, 300);
    expect(catalog.workstationSystems).toEqual(['Windows 11']);
    expect(catalog.serverSystems).toEqual(['Windows Server 2022']);
    const fleet = new Fleet(catalog, {
      siteUrl: server.url,
      clients,
      acceleration: 1,
      seed: 42,
      scanFailureRate: 0.02,
      concurrency: 64,
    });
    await fleet.join();

    expect(fleet.status().registered).toBe(clients);

    for (let round = 1; round <= 2; round += 1) {
      fleet.scanAll();
      await fleet.reportAll();

      const status = fleet.status();
      expect(status.batchesRefused).toBe(0);
      const comparison = await fleet.ledger.compareWith(site.database);
      expect(comparison.differences).toEqual([]);
      expect(comparison.matching).toBe(fleet.ledger.stateCount);
    }
    expect(fleet.status().failedScans).toBeGreaterThan(0);
    // The live counters add up to the ledger's states, and a recount changes nothing.
    const sums = await site.database.db
      .selectFrom('update_compliance_summary')
      .select((eb) => [
        eb.fn.sum<number>('num_required').as('required'),
        eb.fn.sum<number>('num_installed').as('installed'),
        eb.fn.sum<number>('num_not_required').as('notRequired'),
        eb.fn.sum<number>('num_unknown').as('unknown'),
      ])
      .executeTakeFirstOrThrow();
    expect(
      Number(sums.required) +
        Number(sums.installed) +
        Number(sums.notRequired) +
        Number(sums.unknown),
    ).toBe(fleet.ledger.stateCount);
    expect(await summarizeAndWait(site)).toMatchObject({ correctedUpdates: 0, correctedGroups: 0 });
  }, 600_000);
});
