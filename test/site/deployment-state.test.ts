import { afterEach, describe, expect, it } from 'vitest';
import type { ClientRegistrationResult as ClientIdentity } from '../../src/shared/contract/clients';
import { readDeploymentCounters } from '../../src/main/site/deployments/deployment-counters';
import { replayEnforcementMessages } from '../../src/main/site/deployments/deployment-state-ingest';
import { call } from '../support/compliance-site';
import { deployTo, insertDeploymentRow, openStatusSite } from '../support/deployment-status-site';
import { engines } from '../support/engines';

// Client times in the past: the site keeps no time later than it received it.
const at = (minute: number) => new Date(Date.UTC(2026, 0, 7, 8, minute)).toISOString();
describe.each(engines)('Deployment state messages on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  async function setUp(clientCount: number) {
    const opened = await openStatusSite(engine, clientCount);
    dispose = opened.dispose;
    return opened;
  }

  const stateOf = async (
    site: Awaited<ReturnType<typeof setUp>>['site'],
    deploymentId: number,
    clientId: number,
  ) =>
    site.database.db
      .selectFrom('client_deployment_state')
      .select(['topic_type', 'state_id', 'error_code', 'state_time'])
      .where('deployment_id', '=', deploymentId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();

  it('keeps the latest state per client, never replacing a newer one with an older message, and counts a replayed batch once', async () => {
    const { site, mp, clients, collectionId, catalog, ciIdOf } = await setUp(3);
    const deployment = await deployTo(site, collectionId, [ciIdOf(catalog[0]!)]);
    const [first, second] = clients as [ClientIdentity, ClientIdentity];
    const topicId = deployment.uniqueId.toLowerCase();
    await mp.postStateMessages(first, {
      batchId: 'ws1-batch-1',
      messages: [
        { topicType: 301, topicId, stateId: 7, time: at(1) },
        { topicType: 301, topicId, stateId: 4, time: at(5) },
        // Older than the install in the same batch: not the client's state.
        { topicType: 301, topicId, stateId: 1, time: at(3) },
      ],
    });
    expect(await stateOf(site, deployment.id, first.clientId)).toMatchObject({
      topic_type: 301,
      state_id: 4,
      state_time: at(5),
    });
    // A later batch carrying an older message (sent late) leaves the newer state.
    await mp.postStateMessages(first, {
      batchId: 'ws1-batch-2',
      messages: [{ topicType: 301, topicId, stateId: 6, errorCode: 0x80070643, time: at(4) }],
    });
    expect(await stateOf(site, deployment.id, first.clientId)).toMatchObject({ state_id: 4 });

    const failed = {
      batchId: 'ws2-batch-1',
      messages: [
        { topicType: 301 as const, topicId, stateId: 6, errorCode: 0x80240022, time: at(6) },
      ],
    };
    expect((await mp.postStateMessages(second, failed)).isNew).toBe(true);
    expect((await mp.postStateMessages(second, failed)).isNew).toBe(false);
    expect(await stateOf(site, deployment.id, second.clientId)).toMatchObject({
      topic_type: 301,
      state_id: 6,
      error_code: 0x80240022 | 0,
    });

    const counters = (await readDeploymentCounters(site.database, [deployment.id], at(10))).get(
      deployment.id,
    )!;
    expect(counters).toEqual({
      numberTargeted: 3,
      numberSuccess: 1,
      numberInProgress: 0,
      numberErrors: 1,
      numberOther: 0,
      numberUnknown: 1,
      summarizationTime: at(10),
    });
    // Known topics are applied, not kept for a replay.
    const kept = await site.database.db
      .selectFrom('client_enforcement_message')
      .select('topic_id')
      .execute();
    expect(kept).toEqual([]);
  });

  it('keeps the client order of messages from a clock running ahead of the site, stamped no later than receipt', async () => {
    const { site, mp, clients, collectionId, catalog, ciIdOf } = await setUp(1);
    const deployment = await deployTo(site, collectionId, [ciIdOf(catalog[0]!)]);
    const [client] = clients as [ClientIdentity];
    const topicId = deployment.uniqueId;
    const ahead = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const before = Date.now();
    await mp.postStateMessages(client, {
      batchId: 'ahead-batch-1',
      // Listed out of order, all later than the site's clock (an accelerated fleet).
      messages: [
        { topicType: 301, topicId, stateId: 4, time: ahead(3) },
        { topicType: 301, topicId, stateId: 7, time: ahead(1) },
        { topicType: 301, topicId, stateId: 1, time: ahead(2) },
      ],
    });
    const state = await stateOf(site, deployment.id, client.clientId);
    expect(state).toMatchObject({ topic_type: 301, state_id: 4 });
    expect(Date.parse(state!.state_time)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(state!.state_time)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('keeps messages for a deployment the site does not have yet and replays them when it is created', async () => {
    const { site, mp, clients, collectionId, catalog, ciIdOf } = await setUp(2);
    const uniqueId = '{6B3F1C2A-0D4E-4F5A-9B8C-7E6D5C4B3A21}';
    const [first, second] = clients as [ClientIdentity, ClientIdentity];
    await mp.postStateMessages(first, {
      batchId: 'early-ws1',
      messages: [
        { topicType: 302, topicId: uniqueId, stateId: 2, time: at(1) },
        { topicType: 301, topicId: uniqueId, stateId: 7, time: at(2) },
      ],
    });
    await mp.postStateMessages(second, {
      batchId: 'early-ws2',
      messages: [
        { topicType: 301, topicId: uniqueId, stateId: 9, errorCode: -2145107934, time: at(2) },
      ],
    });
    expect(
      await site.database.db.selectFrom('client_enforcement_message').select('topic_id').execute(),
    ).toHaveLength(3);

    const deployment = await insertDeploymentRow(site, {
      name: 'Created later',
      collectionId,
      ciIds: [ciIdOf(catalog[1]!)],
      uniqueId,
    });
    const replayed = await site.database.db
      .transaction()
      .execute((trx) => replayEnforcementMessages(trx, deployment.id, uniqueId));
    expect(replayed).toBe(2);
    expect(await stateOf(site, deployment.id, first.clientId)).toMatchObject({
      topic_type: 301,
      state_id: 7,
    });
    expect(await stateOf(site, deployment.id, second.clientId)).toMatchObject({
      state_id: 9,
      error_code: -2145107934,
    });
    expect(
      await site.database.db.selectFrom('client_enforcement_message').select('topic_id').execute(),
    ).toEqual([]);
    const counters = (await readDeploymentCounters(site.database, [deployment.id], at(3))).get(
      deployment.id,
    )!;
    expect([counters.numberInProgress, counters.numberErrors, counters.numberUnknown]).toEqual([
      1, 1, 0,
    ]);
  });

  it('counts a client Compliant when its detection states say every update of the deployment is installed or not required', async () => {
    const { site, mp, clients, collectionId, catalog, ciIdOf } = await setUp(3);
    const [january, february] = catalog as [(typeof catalog)[0], (typeof catalog)[0]];
    const deployment = await deployTo(site, collectionId, [ciIdOf(january), ciIdOf(february)]);
    const [first, second, third] = clients as [ClientIdentity, ClientIdentity, ClientIdentity];
    await mp.postStateMessages(first, {
      batchId: 'scan-ws1',
      messages: [
        { topicType: 500, updateId: january.updateId, stateId: 3, time: at(1) },
        { topicType: 500, updateId: february.updateId, stateId: 1, time: at(1) },
      ],
    });
    // One update still required: not compliant.
    await mp.postStateMessages(second, {
      batchId: 'scan-ws2',
      messages: [
        { topicType: 500, updateId: january.updateId, stateId: 3, time: at(1) },
        { topicType: 500, updateId: february.updateId, stateId: 2, time: at(1) },
      ],
    });
    // A failure newer than the scan stays an error.
    await mp.postStateMessages(third, {
      batchId: 'scan-ws3',
      messages: [
        { topicType: 500, updateId: january.updateId, stateId: 3, time: at(1) },
        { topicType: 500, updateId: february.updateId, stateId: 3, time: at(1) },
        {
          topicType: 301,
          topicId: deployment.uniqueId,
          stateId: 6,
          errorCode: 0x80070643,
          time: at(2),
        },
      ],
    });
    expect(await stateOf(site, deployment.id, first.clientId)).toMatchObject({
      topic_type: 300,
      state_id: 1,
      state_time: at(1),
    });
    expect(await stateOf(site, deployment.id, second.clientId)).toBeUndefined();
    const counters = (await readDeploymentCounters(site.database, [deployment.id], at(3))).get(
      deployment.id,
    )!;
    expect(counters).toMatchObject({
      numberTargeted: 3,
      numberSuccess: 1,
      numberErrors: 1,
      numberUnknown: 1,
    });
    expect(
      counters.numberSuccess +
        counters.numberInProgress +
        counters.numberErrors +
        counters.numberOther +
        counters.numberUnknown,
    ).toBe(counters.numberTargeted);
  });

  it('shows View Status: the five categories in tab order with sub-states, and Asset Details with error meanings and the cap sentence', async () => {
    const { site, mp, clients, collectionId, catalog, ciIdOf } = await setUp(5);
    const deployment = await deployTo(site, collectionId, [ciIdOf(catalog[0]!)]);
    const send = (index: number, stateId: number, errorCode = 0) =>
      mp.postStateMessages(clients[index]!, {
        batchId: `status-${index}`,
        messages: [
          { topicType: 301, topicId: deployment.uniqueId, stateId, errorCode, time: at(index) },
        ],
      });
    await send(0, 4);
    await send(1, 7);
    await send(2, 6, 0x80070643);
    await send(3, 9, 0x80246007);
    const status = await call(site, 'deployments.status', { id: deployment.id });
    expect(status.deployment).toMatchObject({
      id: deployment.id,
      numberTargeted: 5,
      numberSuccess: 1,
      numberInProgress: 1,
      numberErrors: 2,
      numberOther: 0,
      numberUnknown: 1,
      compliancePercent: 20,
    });
    expect(status.categories.map((c) => [c.category, c.count])).toEqual([
      ['Compliant', 1],
      ['InProgress', 1],
      ['Error', 2],
      ['RequirementsNotMet', 0],
      ['Unknown', 1],
    ]);
    expect(status.categories[2]!.subStates).toEqual([
      { key: '301-6', label: 'Failed to install update(s)', count: 1 },
      { key: '301-9', label: 'Failed to download update(s)', count: 1 },
    ]);
    expect(status.categories[4]!.subStates).toEqual([
      { key: 'none', label: 'No status message received', count: 1 },
    ]);

    const errors = await call(site, 'deployments.assets', { id: deployment.id, category: 'Error' });
    expect(errors.total).toBe(2);
    expect(errors.cappedMessage).toBeNull();
    expect(
      errors.rows.map((row) => [row.deviceName, row.errorCodeHex, row.errorDescription]),
    ).toEqual([
      ['WS-003', '0x80070643', 'ERROR_INSTALL_FAILURE: Fatal error during installation.'],
      ['WS-004', '0x80246007', 'WU_E_DM_NOTDOWNLOADED: The update has not been downloaded.'],
    ]);
    expect(errors.rows[0]).toMatchObject({
      category: 'Error',
      subStateLabel: 'Failed to install update(s)',
      lastMessageKey: '301-6',
      statusTime: at(2),
      errorCode: 0x80070643 | 0,
    });
    const downloads = await call(site, 'deployments.assets', {
      id: deployment.id,
      category: 'Error',
      subStateKey: '301-9',
    });
    expect(downloads.rows.map((row) => row.deviceName)).toEqual(['WS-004']);
    const unknown = await call(site, 'deployments.assets', {
      id: deployment.id,
      category: 'Unknown',
    });
    expect(unknown.rows).toMatchObject([
      { deviceName: 'WS-005', statusTime: null, errorCodeHex: '', lastMessageKey: 'none' },
    ]);

    // The cap: with a limit below the category's size, the rest is said in a sentence.
    await send(4, 4);
    const capped = await call(site, 'deployments.assets', {
      id: deployment.id,
      category: 'Compliant',
      limit: 1,
    });
    expect(capped.rows).toHaveLength(1);
    expect(capped.total).toBe(2);
    expect(capped.cappedMessage).toBe(
      'View Status shows the first 1 of 2 assets in this category; use reports to see them all.',
    );
    const wrong = await call(site, 'deployments.assets', {
      id: deployment.id,
      category: 'Error',
      subStateKey: 'downloading',
    }).catch((error: unknown) => error);
    expect(wrong).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('subStateKey'),
    });
  });
});
