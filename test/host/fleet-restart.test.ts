import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Fleet, type FleetOptions } from '../../src/main/host/fleet/fleet';
import { loadFleetCatalog } from '../../src/main/host/fleet/fleet-catalog';
import { FleetStateFile } from '../../src/main/host/fleet/fleet-state-file';
import { startSiteServer } from '../../src/main/host/server/site-server';
import { openComplianceSite } from '../support/compliance-site';
import { engines } from '../support/engines';

const clients = 40;

describe.each(engines)('a restarted fleet on %s', (engine) => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setup() {
    const opened = await openComplianceSite(engine);
    cleanup.push(opened.dispose);
    const folder = mkdtempSync(join(tmpdir(), 'patchbay-fleet-state-'));
    cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
    const catalog = await loadFleetCatalog(opened.site.database, 300);
    const stateFile = new FleetStateFile(folder);
    const fleetOn = (siteUrl: string, more: Partial<FleetOptions> = {}) =>
      new Fleet(catalog, { siteUrl, clients, acceleration: 1, seed: 7, stateFile, ...more });
    const count = async (table: 'client' | 'state_message_batch') =>
      Number(
        (
          await opened.site.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { ...opened, stateFile, fleetOn, count };
  }

  it('keeps its devices: the same identities from its state file, and by hardware id without it', async () => {
    const { site, server, fleetOn, count, stateFile } = await setup();
    const first = fleetOn(server.url);
    await first.join();
    expect(await count('client')).toBe(clients);
    const saved = stateFile.read(7)!;
    expect(Object.keys(saved.clients)).toHaveLength(clients);

    // Restarted with its state file: no device registers again.
    const restarted = fleetOn(server.url);
    await restarted.join();
    expect(restarted.status().registered).toBe(clients);
    expect(await count('client')).toBe(clients);
    const again = stateFile.read(7)!;
    expect(again.clients).toEqual(saved.clients);

    // The state file lost: every device registers, and the site finds each by its hardware id.
    const amnesiac = fleetOn(server.url, { stateFile: undefined });
    await amnesiac.join();
    expect(await count('client')).toBe(clients);
    amnesiac.scanAll();
    await amnesiac.reportAll();
    expect(amnesiac.status().batchesRefused).toBe(0);
    expect((await amnesiac.ledger.compareWith(site.database)).differences).toEqual([]);
  }, 120_000);

  it('sends a batch whose answer was lost again under its own id: stored once, nothing lost', async () => {
    const { site, server, fleetOn, count, stateFile } = await setup();
    const fleet = fleetOn(server.url);
    await fleet.join();
    fleet.scanAll();
    // The site goes away: every batch is made, saved with its id, and stays unsent.
    await server.close();
    await fleet.reportAll();
    expect(fleet.status().batchesAccepted).toBe(0);
    const saved = stateFile.read(7)!;
    const unsent = Object.values(saved.clients).map((client) => client.unsent);
    expect(unsent.every((batch) => batch !== null && batch.messages.length > 0)).toBe(true);

    // The site comes back having stored some of them (their answers were lost), and the fleet
    // restarts from its state file: those go again under the same ids and are stored once.
    const back = await startSiteServer(site);
    cleanup.push(() => back.close());
    const stored = Object.values(saved.clients).slice(0, 10);
    for (const client of stored)
      await site.managementPoint.postStateMessages(
        { smsGuid: client.smsGuid, key: client.clientKey },
        client.unsent!,
      );
    const restarted = fleetOn(back.url);
    await restarted.join();
    await restarted.reportAll();
    expect(restarted.status().batchesRefused).toBe(0);
    expect(restarted.status().batchesAccepted).toBe(clients);
    expect(restarted.status().batchesAlreadyStored).toBe(stored.length);
    expect(await count('state_message_batch')).toBe(clients);
    const batchIds = (
      await site.database.db.selectFrom('state_message_batch').select('batch_id').execute()
    ).map((row) => row.batch_id);
    expect(new Set(batchIds)).toEqual(new Set(unsent.map((batch) => batch!.batchId)));
    expect((await restarted.ledger.compareWith(site.database)).differences).toEqual([]);
    const after = stateFile.read(7)!;
    expect(Object.values(after.clients).every((client) => client.unsent === null)).toBe(true);
  }, 120_000);
});

describe("the fleet's batch journal", () => {
  it('replays made minus done, skips a line a kill cut short, and compacts to the unconfirmed', () => {
    const folder = mkdtempSync(join(tmpdir(), 'patchbay-fleet-journal-'));
    try {
      const file = new FleetStateFile(folder);
      const batch = (id: string) => ({
        batchId: id,
        messages: [{ topicType: 501 as const, stateId: 3, time: '2026-12-06T00:00:00.000Z' }],
      });
      file.writeIdentities({
        version: 1,
        siteUrl: 'http://127.0.0.1:8530',
        seed: 3,
        clients: {
          'PC-00001': { smsGuid: 'GUID:1', clientKey: 'k1', unsent: null },
          'PC-00002': { smsGuid: 'GUID:2', clientKey: 'k2', unsent: null },
        },
      });
      file.recordMade([
        { name: 'PC-00001', batch: batch('b-1') },
        { name: 'PC-00002', batch: batch('b-2') },
      ]);
      file.recordDone(['b-1']);
      appendFileSync(file.journalPath, '{"made":{"name":"PC-00001","batchId":"b-3","mess');
      const state = file.read(3)!;
      expect(state.clients['PC-00001']?.unsent).toBeNull();
      expect(state.clients['PC-00002']?.unsent?.batchId).toBe('b-2');
      expect(file.read(4)).toBeNull();
      file.compact([{ name: 'PC-00002', batch: state.clients['PC-00002']!.unsent! }]);
      expect(readFileSync(file.journalPath, 'utf8').trim().split('\n')).toHaveLength(1);
      expect(file.read(3)!.clients['PC-00002']?.unsent?.batchId).toBe('b-2');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
