import { afterEach, describe, expect, it } from 'vitest';
import type { Site } from '../../src/main/site/site';
import { call, openComplianceSite, refusalOf } from '../support/compliance-site';
import { makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';

const windows11 = { osName: 'Windows 11', products: ['Windows 11'] };
const server2022 = {
  osName: 'Windows Server 2022',
  isServer: true,
  products: ['Windows Server 2022'],
};

function dailyAt(time: string) {
  return {
    kind: 'custom' as const,
    start: `2026-11-01T${time}`,
    isUtc: true,
    recurrence: { pattern: 'interval' as const, every: 1, unit: 'days' as const },
  };
}

describe.each(engines)('Device collections and maintenance windows on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  async function setUp() {
    const opened = await openComplianceSite(engine, [makeRecord('only')]);
    dispose = opened.dispose;
    return opened;
  }

  const named = async (site: Site, name: string) =>
    (await call(site, 'collections.list', {})).find((collection) => collection.name === name)!;

  it('deletes a collection with its rules and windows, and refuses built-ins and collections others depend on', async () => {
    const { site } = await setUp();
    const allSystems = await named(site, 'All Systems');
    expect((await named(site, 'All Workstations')).limitingCollectionId).toBe(
      allSystems.collectionId,
    );
    const ring = await call(site, 'collections.create', { name: 'Ring 1' });
    const pilot = await call(site, 'collections.create', {
      name: 'Pilot',
      limitingCollectionId: ring.id,
    });
    const wave = await call(site, 'collections.create', { name: 'Wave' });
    await call(site, 'collections.addRule', {
      id: wave.id,
      rule: { kind: 'include', collectionId: pilot.id },
    });
    await call(site, 'maintenanceWindows.create', {
      collectionId: pilot.id,
      name: 'Nightly',
      schedule: dailyAt('02:00'),
      durationMinutes: 120,
    });
    expect(
      (await refusalOf(call(site, 'collections.delete', { ids: [allSystems.id] }))).message,
    ).toBe('"All Systems" is a built-in collection and cannot be deleted.');
    expect((await refusalOf(call(site, 'collections.delete', { ids: [ring.id] }))).message).toBe(
      '"Ring 1" is the limiting collection of "Pilot"; change or delete that collection first.',
    );
    expect((await refusalOf(call(site, 'collections.delete', { ids: [pilot.id] }))).message).toBe(
      '"Pilot" is named by an include rule of "Wave"; remove that rule first.',
    );
    expect(await call(site, 'collections.delete', { ids: [wave.id, pilot.id, ring.id] })).toEqual({
      deleted: 3,
    });
    expect((await call(site, 'collections.list', {})).map((c) => c.name)).not.toContain('Pilot');
    expect(await call(site, 'maintenanceWindows.list', {})).toEqual([]);
  });

  it('seeds the built-in collections and evaluates rules incrementally within the limiting collection', async () => {
    const { site, mp } = await setUp();
    const builtIns = await call(site, 'collections.list', {});
    expect(builtIns.map((c) => [c.collectionId, c.name])).toEqual([
      ['SMSDM003', 'All Desktop and Server Clients'],
      ['SMS000SS', 'All Servers'],
      ['SMS00001', 'All Systems'],
      ['SMS000WS', 'All Workstations'],
    ]);
    const ws1 = await mp.register({ name: 'ws-1', ...windows11 });
    const sv1 = await mp.register({ name: 'sv-1', ...server2022 });
    const workstations = await named(site, 'All Workstations');
    const pilot = await call(site, 'collections.create', {
      name: 'Pilot',
      limitingCollectionId: workstations.id,
    });
    expect(pilot.collectionId).toMatch(/^PS1[0-9A-F]{5}$/);
    expect(pilot.limitingCollectionId).toBe('SMS000WS');

    // A direct rule for a server stays empty: the server is outside the limiting collection.
    await call(site, 'collections.addRule', {
      id: pilot.id,
      rule: { kind: 'direct', clientId: sv1.clientId },
    });
    const withQuery = await call(site, 'collections.addRule', {
      id: pilot.id,
      rule: {
        kind: 'query',
        name: 'Windows 11 devices',
        query: { conditions: [{ property: 'product', operator: 'equals', value: 'windows 11' }] },
      },
    });
    expect(withQuery.memberCount).toBe(1);
    expect(await call(site, 'collections.memberIds', { id: pilot.id })).toEqual([ws1.clientId]);

    // A client registering later joins without re-evaluating anything else.
    const ws2 = await mp.register({ name: 'ws-2', ...windows11 });
    expect(await call(site, 'collections.memberIds', { id: pilot.id })).toEqual([
      ws1.clientId,
      ws2.clientId,
    ]);

    const ring = await call(site, 'collections.create', { name: 'Ring 1' });
    await call(site, 'collections.addRule', {
      id: ring.id,
      rule: { kind: 'include', collectionId: pilot.id },
    });
    const excluded = await call(site, 'collections.create', { name: 'Excluded' });
    await call(site, 'collections.addRule', {
      id: excluded.id,
      rule: { kind: 'direct', clientId: ws2.clientId },
    });
    const ringNow = await call(site, 'collections.addRule', {
      id: ring.id,
      rule: { kind: 'exclude', collectionId: excluded.id },
    });
    expect(ringNow.memberCount).toBe(1);
    expect(await call(site, 'collections.memberIds', { id: ring.id })).toEqual([ws1.clientId]);
    const members = await call(site, 'devices.list', { filter: { collectionId: ring.id } });
    expect(members.rows.map((device) => device.name)).toEqual(['WS-1']);

    const cycle = await refusalOf(
      call(site, 'collections.addRule', {
        id: pilot.id,
        rule: { kind: 'include', collectionId: ring.id },
      }),
    );
    expect(cycle.message).toMatch(
      /^rule\.collectionId: the rule would make Pilot depend on itself/,
    );
    expect(await call(site, 'collections.rules', { id: pilot.id })).toHaveLength(2);
    const builtIn = await refusalOf(
      call(site, 'collections.addRule', {
        id: workstations.id,
        rule: { kind: 'direct', clientId: sv1.clientId },
      }),
    );
    expect(builtIn.message).toBe(
      'All Workstations is a built-in collection; its members are defined by the site.',
    );
  });

  it('lists the rule that defines each built-in collection, which no one can remove', async () => {
    const { site, mp } = await setUp();
    await mp.register({ name: 'ws-1', ...windows11 });
    await mp.register({ name: 'sv-1', ...server2022 });
    const rulesOf = async (name: string) =>
      call(site, 'collections.rules', { id: (await named(site, name)).id });
    expect(await rulesOf('All Systems')).toEqual([
      {
        id: 0,
        kind: 'query',
        name: 'All Systems: every client registered with this site',
        clientId: null,
        collectionId: null,
        query: null,
      },
    ]);
    const [servers] = await rulesOf('All Servers');
    expect(servers?.query).toEqual({
      conditions: [{ property: 'isServer', operator: 'equals', value: 'true' }],
    });
    // The rule shown is the rule applied.
    expect((await named(site, 'All Servers')).memberCount).toBe(1);
    expect((await named(site, 'All Workstations')).memberCount).toBe(1);
    expect((await named(site, 'All Systems')).memberCount).toBe(2);
    const refused = await refusalOf(
      call(site, 'collections.removeRule', {
        id: (await named(site, 'All Systems')).id,
        ruleId: 0,
      }),
    );
    expect(refused.message).toContain('built-in');
  });

  it("shows a device's effective windows merged across its collections, not on All Systems, under 24 hours", async () => {
    const { site, mp } = await setUp();
    const ws = await mp.register({ name: 'ws-1', ...windows11 });
    const allSystems = await named(site, 'All Systems');
    const workstations = await named(site, 'All Workstations');
    const desktops = await named(site, 'All Desktop and Server Clients');
    const onAllSystems = await refusalOf(
      call(site, 'maintenanceWindows.create', {
        collectionId: allSystems.id,
        name: 'Nightly',
        schedule: dailyAt('02:00'),
        durationMinutes: 60,
      }),
    );
    expect(onAllSystems.message).toBe(
      'collectionId: All Systems cannot have maintenance windows; set them on another collection.',
    );
    const tooLong = await refusalOf(
      call(site, 'maintenanceWindows.create', {
        collectionId: workstations.id,
        name: 'All day',
        schedule: dailyAt('00:00'),
        durationMinutes: 1440,
      }),
    );
    expect(tooLong.message).toBe(
      'durationMinutes: a maintenance window must be shorter than 24 hours.',
    );
    await call(site, 'maintenanceWindows.create', {
      collectionId: workstations.id,
      name: 'Workstations nightly',
      schedule: dailyAt('02:00'),
      durationMinutes: 60,
    });
    await call(site, 'maintenanceWindows.create', {
      collectionId: desktops.id,
      name: 'Clients nightly',
      schedule: dailyAt('02:30'),
      durationMinutes: 60,
    });
    expect((await call(site, 'maintenanceWindows.list', {})).map((w) => w.name)).toEqual([
      'Clients nightly',
      'Workstations nightly',
    ]);
    const effective = await call(site, 'maintenanceWindows.effective', {
      clientId: ws.clientId,
      from: '2026-11-02T00:00:00.000Z',
      to: '2026-11-04T00:00:00.000Z',
    });
    expect(effective).toEqual([
      { start: '2026-11-02T02:00:00.000Z', end: '2026-11-02T03:30:00.000Z' },
      { start: '2026-11-03T02:00:00.000Z', end: '2026-11-03T03:30:00.000Z' },
    ]);
  });
  it('changes name, comment, limiting collection and schedule in Properties, refusing built-ins, duplicate names and cycles', async () => {
    const { site, mp } = await setUp();
    const ws1 = await mp.register({ name: 'ws-1', ...windows11 });
    await mp.register({ name: 'sv-1', ...server2022 });
    const ring = await call(site, 'collections.create', { name: 'Ring 1' });
    expect(ring.refreshEveryDays).toBe(7);
    const pilot = await call(site, 'collections.create', { name: 'Pilot' });
    await call(site, 'collections.addRule', {
      id: pilot.id,
      rule: {
        kind: 'query',
        name: 'Everything',
        query: { conditions: [{ property: 'name', operator: 'contains', value: '-' }] },
      },
    });
    expect((await named(site, 'Pilot')).memberCount).toBe(2);
    const workstations = await named(site, 'All Workstations');
    const changed = await call(site, 'collections.update', {
      id: pilot.id,
      name: 'Pilot workstations',
      comment: 'First ring',
      limitingCollectionId: workstations.id,
      refreshEveryDays: 1,
    });
    expect(changed).toMatchObject({
      name: 'Pilot workstations',
      comment: 'First ring',
      limitingCollectionId: 'SMS000WS',
      refreshEveryDays: 1,
      memberCount: 1,
    });
    expect(await call(site, 'collections.memberIds', { id: pilot.id })).toEqual([ws1.clientId]);
    expect(
      (await call(site, 'collections.update', { id: pilot.id, refreshEveryDays: null }))
        .refreshEveryDays,
    ).toBeNull();

    expect(
      (await refusalOf(call(site, 'collections.update', { id: workstations.id, comment: 'x' })))
        .message,
    ).toBe(
      'All Workstations is a built-in collection; its name, comment, limiting collection and schedule are set by the site.',
    );
    expect(
      (
        await refusalOf(
          call(site, 'collections.update', { id: ring.id, name: 'pilot WORKSTATIONS' }),
        )
      ).message,
    ).toBe(
      'name: a device collection named "pilot WORKSTATIONS" already exists; choose another name.',
    );
    await call(site, 'collections.update', { id: ring.id, limitingCollectionId: pilot.id });
    const cycle = await refusalOf(
      call(site, 'collections.update', { id: pilot.id, limitingCollectionId: ring.id }),
    );
    expect(cycle.message).toMatch(
      /^limitingCollectionId: limiting Pilot workstations to Ring 1 would make it depend on itself/,
    );
    expect((await named(site, 'Pilot workstations')).limitingCollectionId).toBe('SMS000WS');
    expect(
      (
        await refusalOf(
          call(site, 'collections.update', { id: ring.id, limitingCollectionId: ring.id }),
        )
      ).message,
    ).toBe('limitingCollectionId: Ring 1 cannot be its own limiting collection.');
    expect(
      (await refusalOf(call(site, 'collections.update', { id: ring.id, refreshEveryDays: 0 })))
        .message,
    ).toMatch(/^refreshEveryDays: /);
    const audit = await site.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'Collection')
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('updates membership on demand and on its schedule, counting members added and removed', async () => {
    const { site, mp } = await setUp();
    const ws1 = await mp.register({ name: 'ws-1', ...windows11 });
    const ws2 = await mp.register({ name: 'ws-2', ...windows11 });
    const elevens = await call(site, 'collections.create', { name: 'Windows 11' });
    await call(site, 'collections.addRule', {
      id: elevens.id,
      rule: {
        kind: 'query',
        name: 'Windows 11',
        query: { conditions: [{ property: 'osName', operator: 'equals', value: 'Windows 11' }] },
      },
    });
    const nothingNew = await call(site, 'collections.updateMembership', { id: elevens.id });
    expect([nothingNew.added, nothingNew.removed, nothingNew.collection.memberCount]).toEqual([
      0, 0, 2,
    ]);
    expect(nothingNew.collection.lastRefreshedAt).not.toBeNull();

    // Inventory moved on (hardware inventory rewrote the OS) without a registration.
    await site.database.db
      .updateTable('client')
      .set({ os_name: 'Windows 10' })
      .where('id', '=', ws1.clientId)
      .execute();
    const moved = await call(site, 'collections.updateMembership', { id: elevens.id });
    expect([moved.added, moved.removed, moved.collection.memberCount]).toEqual([0, 1, 1]);
    expect(await call(site, 'collections.memberIds', { id: elevens.id })).toEqual([ws2.clientId]);
    const messages = await call(site, 'statusMessages.list', {
      filter: { component: 'SMS_COLLECTION_EVALUATOR' },
    });
    expect(messages.rows[0]!.message).toBe(
      `Update Membership of collection "Windows 11" (${elevens.collectionId}) added 0 and removed 1 member(s); it has 1.`,
    );

    // The schedule: not due within its 7 days, due after them.
    expect(await site.collectionRefreshScheduler.check()).toEqual([]);
    await site.database.db
      .updateTable('client')
      .set({ os_name: 'Windows 11' })
      .where('id', '=', ws1.clientId)
      .execute();
    await site.database.db
      .updateTable('collection')
      .set({ last_refreshed_at: new Date(Date.now() - 8 * 86_400_000).toISOString() })
      .where('id', '=', elevens.id)
      .execute();
    const due = await site.collectionRefreshScheduler.check();
    expect(due).toContain(elevens.id);
    expect(await call(site, 'collections.memberIds', { id: elevens.id })).toEqual([
      ws1.clientId,
      ws2.clientId,
    ]);
    const scheduled = await call(site, 'statusMessages.list', {
      filter: { component: 'SMS_COLLECTION_EVALUATOR' },
    });
    expect(scheduled.rows[0]!.message).toMatch(
      /^The scheduled full update of collection "Windows 11" .* added 1 and removed 0 member\(s\); it has 2\.$/,
    );
    // Every collection created at the site's start is due too (8 days had not passed): none.
    expect(due).toEqual([elevens.id]);
  });
});
