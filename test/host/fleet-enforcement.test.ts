import { afterEach, describe, expect, it } from 'vitest';
import { installFailureCodes } from '../../src/shared/deployments/error-codes';
import { Fleet } from '../../src/main/host/fleet/fleet';
import { loadFleetCatalog } from '../../src/main/host/fleet/fleet-catalog';
import { call } from '../support/compliance-site';
import { engines } from '../support/engines';
import { categoriesOf, deployDemo, openFleetSite, runFleetUntil } from '../support/fleet-site';

describe.each(engines)('the fleet enforces a Required deployment on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  it('downloads the demo content from the DP, installs at the deadline, and the five categories add up with error codes', async () => {
    const opened = await openFleetSite(engine);
    dispose = opened.dispose;
    const { site, server, allSystems, demoIds } = opened;
    const fleet = new Fleet(await loadFleetCatalog(site.database, 300), {
      siteUrl: server.url,
      clients: 80,
      acceleration: 3600,
      seed: 12,
      installFailureRate: 0.15,
      // Failed scans fail evaluations (302/3): kept out so every error is an install's.
      scanFailureRate: 0,
    });
    await fleet.join();
    const deployment = await deployDemo(site, demoIds, allSystems, {
      scheduling: { timeBasedOn: 'Utc', availableTime: 'asap', deadlineTime: 'asap' },
    });
    const settled = async () => {
      const now = await call(site, 'deployments.get', { id: deployment.id });
      return now.numberSuccess + now.numberErrors === now.numberTargeted;
    };
    expect(await runFleetUntil(fleet, settled, 60_000)).toBe(true);

    const counters = await call(site, 'deployments.get', { id: deployment.id });
    expect(counters.numberTargeted).toBe(80);
    expect(
      counters.numberSuccess +
        counters.numberInProgress +
        counters.numberErrors +
        counters.numberOther +
        counters.numberUnknown,
    ).toBe(80);
    expect(counters.numberErrors).toBeGreaterThan(0);
    const status = fleet.status();
    expect(status.enforcement.installs).toBeGreaterThan(20);
    // A failed install waits for the next re-evaluation (7 days), so every failure still shows.
    expect(status.enforcement.installFailures).toBe(counters.numberErrors);
    // Real bytes from the site's DP, verified against the policy's SHA-256.
    const packaged = await site.database.db
      .selectFrom('deployment_package_content')
      .select((eb) => eb.fn.sum<number>('size').as('bytes'))
      .where('package_id', '=', deployment.packageId!)
      .executeTakeFirstOrThrow();
    expect(status.downloads.bytesFromDistributionPoints).toBeGreaterThanOrEqual(
      Number(packaged.bytes),
    );
    expect(status.downloads.failures).toBe(0);
    const { errorCodes } = await categoriesOf(site, deployment.id);
    expect(errorCodes.length).toBe(counters.numberErrors);
    for (const code of errorCodes) expect(installFailureCodes).toContain(code);
    // The demo product runs on a realistic share of the fleet, and its installs are reported.
    const withDemo = await site.database.db
      .selectFrom('client')
      .select('id')
      .where('products', 'like', '%Patchbay Demo%')
      .execute();
    expect(withDemo.length).toBeGreaterThan(80 * 0.5);
    expect(withDemo.length).toBeLessThan(80 * 0.9);
    const installed = await site.database.db
      .selectFrom('client_update_state')
      .select('client_id')
      .distinct()
      .where('ci_id', 'in', demoIds)
      .where('state', '=', 3)
      .execute();
    expect(installed.length).toBe(counters.numberSuccess - (80 - withDemo.length));
  }, 120_000);

  it('withdraws a disabled deployment at the next policy poll and reports a failed download when no DP holds the content', async () => {
    const opened = await openFleetSite(engine);
    dispose = opened.dispose;
    const { site, server, allSystems, demoIds } = opened;
    const fleet = new Fleet(await loadFleetCatalog(site.database, 300), {
      siteUrl: server.url,
      clients: 20,
      acceleration: 3600,
      seed: 3,
      installFailureRate: 0,
      scanFailureRate: 0,
      isEnforcementKept: true,
    });
    await fleet.join();
    const small = demoIds.slice(2, 3);
    const deployment = await deployDemo(site, small, allSystems, {
      scheduling: { timeBasedOn: 'Utc', availableTime: 'asap', deadlineTime: '2099-01-01T00:00' },
    });
    // The DP loses the package: the policy names no location any more.
    await site.database.db
      .updateTable('package_distribution')
      .set({ state: 'Failed' })
      .where('package_id', '=', deployment.packageId!)
      .execute();
    const log = fleet.ledger.enforcementMessages!;
    const downloadFailures = () =>
      log.filter((message) => message.topicType === 301 && message.stateId === 9);
    // Each client that needs the update fails, and retries an hour later.
    const retried = () => {
      const perClient = new Map<string, number>();
      for (const message of downloadFailures())
        perClient.set(message.smsGuid, (perClient.get(message.smsGuid) ?? 0) + 1);
      return [...perClient.values()].some((count) => count >= 2);
    };
    expect(await runFleetUntil(fleet, retried, 30_000)).toBe(true);
    const { errorCodes } = await categoriesOf(site, deployment.id);
    expect(errorCodes.length).toBeGreaterThan(0);
    // 0x87D00607: content not found on any distribution point.
    expect(new Set(errorCodes)).toEqual(new Set([0x87d00607 | 0]));

    await call(site, 'deployments.setEnabled', { ids: [deployment.id], isEnabled: false });
    await fleet.pollPolicyAll();
    // Messages of a reporting cycle already under way may still arrive; nothing the clients do
    // after the withdrawal (in fleet time) may concern the deployment.
    const withdrawnAt = fleet.fleetNow();
    await runFleetUntil(fleet, () => false, 2500);
    expect(log.filter((message) => Date.parse(message.time) > withdrawnAt)).toEqual([]);
    expect(fleet.status().policyPolls).toBeGreaterThan(40);
  }, 120_000);
});
