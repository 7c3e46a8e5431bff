import { afterEach, describe, expect, it } from 'vitest';
import type { SiteEvent } from '../../src/shared/contract';
import type { ClientIdentity } from '../../src/main/host/fleet/management-point-client';
import { SiteError } from '../../src/shared/errors';
import { call, openComplianceSite } from '../support/compliance-site';
import { engines } from '../support/engines';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 8, minute)).toISOString();
const workstation = {
  name: 'ws-001',
  domain: 'CONTOSO',
  osName: 'Windows 11',
  osBuild: '10.0.22631',
  products: ['Windows 11'],
};

describe.each(engines)('The management point on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  async function setUp() {
    const opened = await openComplianceSite(engine);
    dispose = opened.dispose;
    return opened;
  }

  async function failure(promise: Promise<unknown>): Promise<SiteError> {
    const error = await promise.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SiteError);
    return error as SiteError;
  }

  it('registers a client over HTTP, keeps only the hash of its key, and places it in its collections', async () => {
    const { site, mp } = await setUp();
    const registered = await mp.register(workstation);
    expect(registered.smsGuid).toMatch(/^GUID:[0-9A-F-]{36}$/);
    expect(registered.clientKey.length).toBeGreaterThanOrEqual(40);
    const row = await site.database.db.selectFrom('client').selectAll().executeTakeFirstOrThrow();
    expect(row.name).toBe('WS-001');
    expect(row.auth_key_hash).not.toContain(registered.clientKey);
    expect(JSON.stringify(row)).not.toContain(registered.clientKey);
    const collections = await call(site, 'collections.list', {});
    const count = (name: string) => collections.find((c) => c.name === name)!.memberCount;
    expect([count('All Systems'), count('All Workstations'), count('All Servers')]).toEqual([
      1, 1, 0,
    ]);

    const policy = await mp.policy(registered);
    expect(policy.siteCode).toBe('PS1');
    expect(policy.clientSettings.scanScheduleDays).toBe(7);
    expect(policy.clientSettings.stateMessageReportingCycleMinutes).toBe(15);
    expect(policy.deployments).toEqual([]);
    const device = await call(site, 'devices.get', { id: registered.clientId });
    expect(device.lastPolicyRequestAt).not.toBeNull();

    const wrong = await failure(mp.policy({ ...registered, clientKey: 'not-the-key' }));
    expect(wrong.message).toBe(
      `The key sent for client ${registered.smsGuid} is not the one it was issued.`,
    );
  });

  it('moves the update and group counters in the same transaction as the batch, and tells consoles', async () => {
    const { site, mp, catalog, ciIdOf } = await setUp();
    const [january, february, dotnet] = catalog as [
      (typeof catalog)[0],
      (typeof catalog)[0],
      (typeof catalog)[0],
    ];
    const group = await call(site, 'groups.create', {
      name: 'Patch Tuesday',
      ciIds: [ciIdOf(january), ciIdOf(february)],
    });
    const first = await mp.register(workstation);
    const second = await mp.register({ ...workstation, name: 'ws-002' });
    const events: SiteEvent[] = [];
    site.events.subscribe((event) => events.push(event));

    const before = await call(site, 'compliance.update', { ciId: ciIdOf(january) });
    expect(before).toMatchObject({
      required: 0,
      installed: 0,
      unknown: 2,
      total: 2,
      percentCompliant: 0,
    });

    const result = await mp.postStateMessages(first, {
      batchId: 'batch-ws1-0001',
      messages: [
        { topicType: 501, stateId: 3, time: at(1) },
        { topicType: 500, updateId: january.updateId, stateId: 3, time: at(1) },
        { topicType: 500, updateId: february.updateId, stateId: 1, time: at(1) },
        { topicType: 500, updateId: dotnet.updateId, stateId: 2, time: at(1) },
      ],
    });
    expect(result).toEqual({ batchId: 'batch-ws1-0001', isNew: true, messageCount: 4 });
    expect(await call(site, 'compliance.update', { ciId: ciIdOf(january) })).toMatchObject({
      required: 0,
      installed: 1,
      notRequired: 0,
      unknown: 1,
      total: 2,
      percentCompliant: 50,
    });
    expect(await call(site, 'compliance.group', { groupId: group.id })).toMatchObject({
      compliant: 1,
      nonCompliant: 0,
      unknown: 1,
      percentCompliant: 50,
    });
    const list = await call(site, 'updates.list', {
      filter: { criteria: [] },
      sort: { column: 'required', direction: 'desc' },
    });
    expect(list.rows[0]).toMatchObject({ ciId: ciIdOf(dotnet), required: 1, unknown: 1, total: 2 });

    // The second client reports February required: the group turns non-compliant for it.
    await mp.postStateMessages(second, {
      batchId: 'batch-ws2-0001',
      messages: [
        { topicType: 500, updateId: january.updateId, stateId: 3, time: at(2) },
        { topicType: 500, updateId: february.updateId, stateId: 2, time: at(2) },
      ],
    });
    expect(await call(site, 'compliance.group', { groupId: group.id })).toMatchObject({
      compliant: 1,
      nonCompliant: 1,
      unknown: 0,
    });
    const groups = await call(site, 'groups.list', {});
    expect(groups.rows[0]!.percentCompliant).toBe(50);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(events).toContainEqual({
      type: 'data.changed',
      topics: expect.arrayContaining(['compliance', 'softwareUpdates']),
    });

    const device = await call(site, 'compliance.device', { clientId: first.clientId });
    expect(device.lastScanState).toBe('Completed');
    expect(device.updates.map((u) => u.state).sort()).toEqual([
      'Installed',
      'Not Required',
      'Required',
    ]);
  });

  it('refuses a malformed, unauthenticated, stale or unknown-update batch whole, and counts a replay once', async () => {
    const { site, mp, catalog, ciIdOf } = await setUp();
    const [january, february] = catalog as [(typeof catalog)[0], (typeof catalog)[0]];
    const client = await mp.register(workstation);
    const counters = () => call(site, 'compliance.update', { ciId: ciIdOf(january) });
    const batch = {
      batchId: 'batch-0000001',
      messages: [
        { topicType: 500 as const, updateId: january.updateId, stateId: 2, time: at(10) },
        { topicType: 500 as const, updateId: february.updateId, stateId: 2, time: at(10) },
      ],
    };
    await mp.postStateMessages(client, batch);
    const replay = await mp.postStateMessages(client, batch);
    expect(replay.isNew).toBe(false);
    expect(await counters()).toMatchObject({ required: 1, unknown: 0 });
    const held = await counters();

    const malformed = await failure(
      mp.postStateMessages(client, {
        batchId: 'batch-bad-01',
        messages: [{ topicType: 500, updateId: january.updateId, stateId: 7, time: at(11) }],
      } as never),
    );
    expect(malformed.code).toBe('invalid-input');
    expect(malformed.message).toMatch(/^messages\.0\.stateId: /);

    const stranger: ClientIdentity = {
      smsGuid: 'GUID:00000000-0000-0000-0000-000000000000',
      clientKey: 'x',
    };
    const unknownClient = await failure(
      mp.postStateMessages(stranger, { ...batch, batchId: 'batch-0000002' }),
    );
    expect(unknownClient.message).toBe(
      'Client GUID:00000000-0000-0000-0000-000000000000 is not registered with this site; register first.',
    );
    const wrongKey = await failure(
      mp.postStateMessages(
        { ...client, clientKey: 'guess' },
        { ...batch, batchId: 'batch-0000003' },
      ),
    );
    expect(wrongKey.code).toBe('refused');

    // Installed for January would be fine, but February's state is older than the one held.
    const stale = await failure(
      mp.postStateMessages(client, {
        batchId: 'batch-0000004',
        messages: [
          { topicType: 500, updateId: january.updateId, stateId: 3, time: at(12) },
          { topicType: 500, updateId: february.updateId, stateId: 3, time: at(5) },
        ],
      }),
    );
    expect(stale.message).toContain('is stale: update');
    const unknownUpdate = await failure(
      mp.postStateMessages(client, {
        batchId: 'batch-0000005',
        messages: [
          { topicType: 500, updateId: january.updateId, stateId: 3, time: at(12) },
          {
            topicType: 500,
            updateId: '11111111-2222-3333-4444-555555555555',
            stateId: 3,
            time: at(12),
          },
        ],
      }),
    );
    expect(unknownUpdate.message).toBe(
      'Batch batch-0000005 names update 11111111-2222-3333-4444-555555555555, which this site does not know.',
    );
    expect(await counters()).toEqual(held);
    const batches = await site.database.db
      .selectFrom('state_message_batch')
      .select('batch_id')
      .execute();
    expect(batches.map((row) => row.batch_id)).toEqual(['batch-0000001']);
  });

  it('keeps no time later than the site received it, whatever the client clock says', async () => {
    const { site, mp, catalog } = await setUp();
    const client = await mp.register(workstation);
    // The demo fleet's clock runs 60× real time: its "now" is hours ahead of the site's.
    const ahead = new Date(Date.now() + 3 * 3600_000).toISOString();
    const earlier = new Date(Date.now() - 3600_000).toISOString();
    await mp.postStateMessages(client, {
      batchId: 'batch-ahead-0001',
      messages: [
        { topicType: 501, stateId: 3, time: ahead },
        { topicType: 500, updateId: catalog[0]!.updateId, stateId: 2, time: ahead },
        { topicType: 500, updateId: catalog[1]!.updateId, stateId: 2, time: earlier },
      ],
    });
    const after = Date.now();
    const device = await call(site, 'compliance.device', { clientId: client.clientId });
    expect(Date.parse(device.lastScanAt!)).toBeLessThanOrEqual(after);
    expect(Date.parse(device.lastScanAt!)).toBeGreaterThan(after - 60_000);
    const times = device.updates.map((update) => update.stateTime);
    expect(times.every((time) => Date.parse(time!) <= after)).toBe(true);
    // A time before receipt is the client's own.
    expect(times).toContain(earlier);
    const listed = await call(site, 'devices.get', { id: client.clientId });
    expect(Date.parse(listed.lastScanAt!)).toBeLessThanOrEqual(after);
  });

  it('says why every Unknown is unknown', async () => {
    const { site, mp, catalog, ciIdOf } = await setUp();
    const [january, february] = catalog as [(typeof catalog)[0], (typeof catalog)[0]];
    const never = await mp.register({ ...workstation, name: 'never' });
    const failed = await mp.register({ ...workstation, name: 'failed' });
    const reported = await mp.register({ ...workstation, name: 'reported' });
    await mp.postStateMessages(failed, {
      batchId: 'batch-failed-1',
      messages: [{ topicType: 501, stateId: 5, errorCode: '0x80244022', time: at(3) }],
    });
    await mp.postStateMessages(reported, {
      batchId: 'batch-reported-1',
      messages: [
        { topicType: 501, stateId: 3, time: new Date().toISOString() },
        { topicType: 500, updateId: february.updateId, stateId: 1, time: new Date().toISOString() },
      ],
    });
    const unknown = await call(site, 'compliance.unknownDevices', { ciId: ciIdOf(january) });
    expect(unknown.total).toBe(3);
    expect(unknown.rows.map((row) => [row.name, row.reason, row.detail])).toEqual([
      ['FAILED', 'scan failed', `The last scan failed with error 0x80244022 at ${at(3)}.`],
      ['NEVER', 'never scanned', 'The client has not completed a scan yet.'],
      [
        'REPORTED',
        'no state received for this update',
        expect.stringContaining('sent no state for this update'),
      ],
    ]);
    expect(never.clientId).toBeGreaterThan(0);
  });
});
