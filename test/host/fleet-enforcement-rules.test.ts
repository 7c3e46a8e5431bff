import { afterEach, describe, expect, it } from 'vitest';
import { Fleet } from '../../src/main/host/fleet/fleet';
import { loadFleetCatalog } from '../../src/main/host/fleet/fleet-catalog';
import type { EnforcementRecord } from '../../src/main/host/fleet/fleet-ledger';
import type { Site } from '../../src/main/site/site';
import { call } from '../support/compliance-site';
import { engines } from '../support/engines';
import { deployDemo, openFleetSite, runFleetUntil } from '../support/fleet-site';

const minute = 60_000;
/** "2026-12-08T02:00" for an instant, as the wizard writes a time. */
const wallClock = (at: number) => new Date(at).toISOString().slice(0, 16);
const installsOf = (log: EnforcementRecord[], topicId: string) =>
  log.filter((m) => m.topicId === topicId && m.topicType === 301 && m.stateId === 1);

/** Two rings of the fleet's devices, each a collection with direct members. */
async function rings(site: Site, names: [string, string]) {
  const clients = await site.database.db.selectFrom('client').select('id').orderBy('id').execute();
  const ids: number[] = [];
  for (const [index, name] of names.entries()) {
    const collection = await call(site, 'collections.create', { name });
    for (const client of clients.filter((_, i) => i % 2 === index))
      await call(site, 'collections.addRule', {
        id: collection.id,
        rule: { kind: 'direct', clientId: client.id },
      });
    ids.push(collection.id);
  }
  return ids as [number, number];
}

/** Every client with the demo product has reached one of the final states for a deployment. */
function settledFor(log: EnforcementRecord[], topicId: string, finals: number[], expected: number) {
  return () => {
    const done = new Set(
      log
        .filter((m) => m.topicId === topicId && m.topicType === 301 && finals.includes(m.stateId))
        .map((m) => m.smsGuid),
    );
    return done.size >= expected;
  };
}

async function demoClientsOf(site: Site, collectionId: number) {
  const rows = await site.database.db
    .selectFrom('client as c')
    .innerJoin('collection_member as m', 'm.client_id', 'c.id')
    .select(['c.sms_guid', 'c.is_server', 'c.time_zone_offset_minutes'])
    .where('m.collection_id', '=', collectionId)
    .where('c.products', 'like', '%Patchbay Demo%')
    .execute();
  return rows;
}

describe.each(engines)('enforcement rules in the fleet on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  async function openWithFleet(clients: number, acceleration: number) {
    const opened = await openFleetSite(engine);
    dispose = opened.dispose;
    const fleet = new Fleet(await loadFleetCatalog(opened.site.database, 300), {
      siteUrl: opened.server.url,
      clients,
      // Real time while the site is set up; the test's pace once the deployments exist.
      acceleration: 1,
      seed: 5,
      installFailureRate: 0,
      scanFailureRate: 0,
      // Fewer polls keep each tick short, so steps run close to their fleet time.
      policyCycleMinutes: 240,
      isEnforcementKept: true,
    });
    await fleet.join();
    // Machine Policy Retrieval on every client, then the test's pace.
    const go = async () => {
      await fleet.pollPolicyAll();
      fleet.setAcceleration(acceleration);
    };
    return { ...opened, fleet, go, log: fleet.ledger.enforcementMessages! };
  }

  it('installs only inside the maintenance window, unless the deployment allows installing outside it at the deadline', async () => {
    const { site, fleet, go, log, demoIds } = await openWithFleet(30, 1800);
    const [strict, allowed] = await rings(site, ['Ring strict', 'Ring allowed']);
    const start = fleet.fleetNow();
    const deadline = Math.ceil((start + 60 * minute) / minute) * minute;
    const windowStart = Math.ceil((start + 180 * minute) / minute) * minute;
    const windowEnd = windowStart + 120 * minute;
    for (const collectionId of [strict, allowed])
      await call(site, 'maintenanceWindows.create', {
        collectionId,
        name: 'Patch night',
        schedule: {
          kind: 'custom',
          start: wallClock(windowStart),
          isUtc: true,
          recurrence: { pattern: 'none' },
        },
        durationMinutes: 120,
        applyTo: 'SoftwareUpdatesOnly',
      });
    const scheduling = {
      timeBasedOn: 'Utc' as const,
      availableTime: 'asap' as const,
      deadlineTime: wallClock(deadline),
    };
    const small = demoIds.slice(2, 3);
    const inWindow = await deployDemo(site, small, strict, { scheduling });
    const outside = await deployDemo(site, small, allowed, {
      scheduling,
      userExperience: { isInstallOutsideMaintenanceWindow: true },
    });
    const strictDevices = await demoClientsOf(site, strict);
    const allowedDevices = await demoClientsOf(site, allowed);
    const strictId = inWindow.assignmentUniqueId;
    const allowedId = outside.assignmentUniqueId;
    await go();
    const finals = [4, 5];
    const settled = () =>
      settledFor(log, strictId, finals, strictDevices.length)() &&
      settledFor(log, allowedId, finals, allowedDevices.length)();
    expect(await runFleetUntil(fleet, settled, 60_000)).toBe(true);

    const strictInstalls = installsOf(log, strictId);
    expect(strictInstalls.length).toBe(strictDevices.length);
    for (const install of strictInstalls) {
      expect(Date.parse(install.time)).toBeGreaterThanOrEqual(windowStart);
      expect(Date.parse(install.time)).toBeLessThan(windowEnd);
    }
    // Meanwhile they said they were waiting for the window (301/10).
    const waiting = log.filter((m) => m.topicId === strictId && m.stateId === 10);
    expect(waiting.length).toBe(strictDevices.length);
    for (const message of waiting) expect(Date.parse(message.time)).toBeLessThan(windowStart);

    const allowedInstalls = installsOf(log, allowedId);
    expect(allowedInstalls.length).toBe(allowedDevices.length);
    for (const install of allowedInstalls) {
      expect(Date.parse(install.time)).toBeGreaterThanOrEqual(deadline);
      expect(Date.parse(install.time)).toBeLessThan(windowStart);
    }
    expect(fleet.status().enforcement.outsideWindowInstalls).toBe(allowedDevices.length);
  }, 120_000);

  it('falls a Client local time deadline at each device’s own clock, and a UTC deadline at one instant', async () => {
    const { site, fleet, go, log, demoIds } = await openWithFleet(40, 7200);
    const [local, utc] = await rings(site, ['Ring local', 'Ring UTC']);
    // Twelve hours ahead on the wall clock: after now in every zone from UTC-08:00 to +10:00.
    const wall = Math.ceil((fleet.fleetNow() + 12 * 60 * minute) / minute) * minute;
    const small = demoIds.slice(2, 3);
    const localDeployment = await deployDemo(site, small, local, {
      scheduling: {
        timeBasedOn: 'LocalTime',
        availableTime: 'asap',
        deadlineTime: wallClock(wall),
      },
    });
    const utcDeployment = await deployDemo(site, small, utc, {
      scheduling: { timeBasedOn: 'Utc', availableTime: 'asap', deadlineTime: wallClock(wall) },
    });
    await go();
    const localDevices = await demoClientsOf(site, local);
    const utcDevices = await demoClientsOf(site, utc);
    const settled = () =>
      settledFor(log, localDeployment.assignmentUniqueId, [4, 5], localDevices.length)() &&
      settledFor(log, utcDeployment.assignmentUniqueId, [4, 5], utcDevices.length)();
    expect(await runFleetUntil(fleet, settled, 60_000)).toBe(true);

    const offsets = new Map(localDevices.map((d) => [d.sms_guid, d.time_zone_offset_minutes!]));
    expect(new Set(offsets.values()).size).toBeGreaterThan(2);
    // A step runs at the first tick after its time: a tick lags at most about a fleet hour.
    const slack = 60 * minute;
    for (const install of installsOf(log, localDeployment.assignmentUniqueId)) {
      const deviceDeadline = wall - offsets.get(install.smsGuid)! * minute;
      expect(Date.parse(install.time)).toBeGreaterThanOrEqual(deviceDeadline);
      expect(Date.parse(install.time)).toBeLessThan(deviceDeadline + slack);
    }
    // Spread over the zones: from UTC+10:00 (first) to UTC-08:00 (last), hours apart.
    const localTimes = installsOf(log, localDeployment.assignmentUniqueId).map((m) =>
      Date.parse(m.time),
    );
    expect(localTimes.length).toBe(localDevices.length);
    const zones = [...new Set(offsets.values())];
    const expectedSpread = (Math.max(...zones) - Math.min(...zones)) * minute;
    expect(Math.max(...localTimes) - Math.min(...localTimes)).toBeGreaterThan(
      expectedSpread - slack,
    );
    const utcInstalls = installsOf(log, utcDeployment.assignmentUniqueId);
    expect(utcInstalls.length).toBe(utcDevices.length);
    for (const install of utcInstalls) {
      expect(Date.parse(install.time)).toBeGreaterThanOrEqual(wall);
      expect(Date.parse(install.time)).toBeLessThan(wall + slack);
    }
  }, 120_000);

  it('leaves servers Pending system restart when the deployment suppresses their restart, while workstations restart and comply', async () => {
    const { site, fleet, go, log, demoIds, allSystems } = await openWithFleet(60, 3600);
    const deployment = await deployDemo(site, demoIds.slice(2, 3), allSystems, {
      scheduling: { timeBasedOn: 'Utc', availableTime: 'asap', deadlineTime: 'asap' },
      userExperience: { isRestartSuppressedOnServers: true },
    });
    await go();
    const devices = await demoClientsOf(site, allSystems);
    const id = deployment.assignmentUniqueId;
    expect(await runFleetUntil(fleet, settledFor(log, id, [4, 5], devices.length), 60_000)).toBe(
      true,
    );
    const servers = new Set(devices.filter((d) => d.is_server === 1).map((d) => d.sms_guid));
    expect(servers.size).toBeGreaterThan(0);
    const final = new Map<string, number>();
    for (const m of log)
      if (m.topicId === id && m.topicType === 301) final.set(m.smsGuid, m.stateId);
    for (const device of devices)
      expect([device.sms_guid, final.get(device.sms_guid)]).toEqual([
        device.sms_guid,
        servers.has(device.sms_guid) ? 5 : 4,
      ]);
    // Restarted workstations went through 301/2; suppressed servers never did.
    const restarted = new Set(
      log
        .filter((m) => m.topicId === id && m.topicType === 301 && m.stateId === 2)
        .map((m) => m.smsGuid),
    );
    for (const server of servers) expect(restarted.has(server)).toBe(false);
    expect(restarted.size).toBe(devices.length - servers.size);
    const state = await site.database.db
      .selectFrom('client_deployment_state as s')
      .innerJoin('client as c', 'c.id', 's.client_id')
      .select(['c.sms_guid', 's.topic_type', 's.state_id'])
      .where('s.deployment_id', '=', deployment.id)
      .where('c.is_server', '=', 1)
      .execute();
    for (const row of state.filter((r) => servers.has(r.sms_guid)))
      expect([row.topic_type, row.state_id]).toEqual([301, 5]);
  }, 120_000);
});
