import { afterEach, describe, expect, it } from 'vitest';
import type { Site } from '../../src/main/site/site';
import { defaultClientSettings } from '../../src/shared/compliance/client-settings';
import { call, openComplianceSite, refusalOf } from '../support/compliance-site';
import { makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';

const windows11 = { osName: 'Windows 11', products: ['Windows 11'] };

describe.each(engines)('Custom client settings on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  async function setUp() {
    const opened = await openComplianceSite(engine, [makeRecord('only')]);
    dispose = opened.dispose;
    const { site, mp } = opened;
    const ws1 = await mp.register({ name: 'ws-1', ...windows11 });
    const ws2 = await mp.register({ name: 'ws-2', ...windows11 });
    const ws3 = await mp.register({ name: 'ws-3', ...windows11 });
    const collectionOf = async (name: string, clientIds: number[]) => {
      const created = await call(site, 'collections.create', { name });
      for (const clientId of clientIds)
        await call(site, 'collections.addRule', {
          id: created.id,
          rule: { kind: 'direct', clientId },
        });
      return created;
    };
    return { site, ws1, ws2, ws3, collectionOf };
  }

  const resultant = (site: Site, clientId: number) =>
    call(site, 'clientSettings.resultant', { clientId });

  it('resolves each setting from the highest-priority settings deployed to a collection of the device, else the default', async () => {
    const { site, ws1, ws2, ws3, collectionOf } = await setUp();
    const pilot = await collectionOf('Pilot', [ws1.clientId, ws2.clientId]);
    const servers = await collectionOf('Late ring', [ws2.clientId]);
    const fast = await call(site, 'clientSettings.create', {
      name: 'Fast restarts',
      settings: { restartAfterDeadlineMinutes: 60, scanScheduleDays: 1 },
    });
    const slow = await call(site, 'clientSettings.create', {
      name: 'Quiet reporting',
      description: 'Fewer state messages',
      settings: { restartAfterDeadlineMinutes: 30, stateMessageReportingCycleMinutes: 5 },
    });
    expect([fast.priority, slow.priority]).toEqual([1, 2]);
    await call(site, 'clientSettings.deploy', { id: fast.id, collectionIds: [pilot.id] });
    await call(site, 'clientSettings.deploy', { id: slow.id, collectionIds: [servers.id] });

    const both = await resultant(site, ws2.clientId);
    expect(both.settings.restartAfterDeadlineMinutes).toBe(60);
    expect(both.sources.restartAfterDeadlineMinutes).toMatchObject({
      sourceName: 'Fast restarts',
      sourcePriority: 1,
    });
    expect(both.settings.stateMessageReportingCycleMinutes).toBe(5);
    expect(both.sources.stateMessageReportingCycleMinutes!.sourceName).toBe('Quiet reporting');
    expect(both.settings.reevaluationScheduleDays).toBe(7);
    expect(both.sources.reevaluationScheduleDays).toMatchObject({
      sourceName: 'Default Client Settings',
      sourcePriority: 10_000,
    });
    expect(await site.clientSettings.effectiveFor(ws2.clientId)).toEqual(both.settings);

    const onlyPilot = await site.clientSettings.effectiveFor(ws1.clientId);
    expect(onlyPilot).toMatchObject({ restartAfterDeadlineMinutes: 60, scanScheduleDays: 1 });
    expect(onlyPilot.stateMessageReportingCycleMinutes).toBe(15);
    expect(await site.clientSettings.effectiveFor(ws3.clientId)).toEqual(defaultClientSettings);

    // Increase Priority on the second object puts it first for what both configure.
    const reordered = await call(site, 'clientSettings.setPriority', {
      id: slow.id,
      change: 'increase',
    });
    expect(reordered.map((s) => [s.name, s.priority])).toEqual([
      ['Quiet reporting', 1],
      ['Fast restarts', 2],
      ['Default Client Settings', 10_000],
    ]);
    expect((await site.clientSettings.effectiveFor(ws2.clientId)).restartAfterDeadlineMinutes).toBe(
      30,
    );

    // Leaving the collection takes the settings deployed to it away.
    const [rule] = await call(site, 'collections.rules', { id: servers.id });
    await call(site, 'collections.removeRule', { id: servers.id, ruleId: rule!.id });
    const after = await resultant(site, ws2.clientId);
    expect(after.settings.restartAfterDeadlineMinutes).toBe(60);
    expect(after.settings.stateMessageReportingCycleMinutes).toBe(15);

    // Changing the default moves only what no custom object configures.
    const defaults = reordered.find((s) => s.isDefault)!;
    await call(site, 'clientSettings.update', {
      id: defaults.id,
      settings: { restartAfterDeadlineMinutes: 120, reevaluationScheduleDays: 3 },
    });
    expect(await site.clientSettings.get()).toMatchObject({
      restartAfterDeadlineMinutes: 120,
      reevaluationScheduleDays: 3,
      scanScheduleDays: 7,
    });
    expect(await site.clientSettings.effectiveFor(ws1.clientId)).toMatchObject({
      restartAfterDeadlineMinutes: 60,
      reevaluationScheduleDays: 3,
    });

    // Undeploy, then the device is back on the default.
    await call(site, 'clientSettings.undeploy', { id: fast.id, collectionIds: [pilot.id] });
    expect((await site.clientSettings.effectiveFor(ws1.clientId)).restartAfterDeadlineMinutes).toBe(
      120,
    );
    const audit = await site.database.db
      .selectFrom('audit_log')
      .select(['action', 'object_name', 'user_name'])
      .where('object_type', '=', 'ClientSettings')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'Create client settings',
      'Create client settings',
      'Deploy client settings',
      'Deploy client settings',
      'Change client settings priority',
      'Modify client settings',
      'Remove client settings deployment',
    ]);
    expect(audit[0]).toMatchObject({ object_name: 'Fast restarts', user_name: 'CONTOSO\\admin' });
  });

  it('keeps priorities unique and without gaps, and refuses what ConfigMgr refuses in a sentence', async () => {
    const { site, collectionOf, ws1 } = await setUp();
    const first = await call(site, 'clientSettings.create', { name: 'First' });
    const second = await call(site, 'clientSettings.create', { name: 'Second' });
    const top = await call(site, 'clientSettings.create', { name: 'Top', priority: 1 });
    const names = async () =>
      (await call(site, 'clientSettings.list', {})).map((s) => `${s.priority} ${s.name}`);
    expect(top.priority).toBe(1);
    expect(await names()).toEqual([
      '1 Top',
      '2 First',
      '3 Second',
      '10000 Default Client Settings',
    ]);
    expect(
      (
        await refusalOf(
          call(site, 'clientSettings.setPriority', { id: top.id, change: 'increase' }),
        )
      ).message,
    ).toBe('"Top" already has the highest priority (1).');
    expect(
      (
        await refusalOf(
          call(site, 'clientSettings.setPriority', { id: second.id, change: 'decrease' }),
        )
      ).message,
    ).toBe(
      '"Second" already has the lowest priority of the custom client settings; the Default Client Settings are always last.',
    );
    await call(site, 'clientSettings.setPriority', { id: second.id, change: 1 });
    expect(await names()).toEqual([
      '1 Second',
      '2 Top',
      '3 First',
      '10000 Default Client Settings',
    ]);
    await call(site, 'clientSettings.delete', { id: top.id });
    expect(await names()).toEqual(['1 Second', '2 First', '10000 Default Client Settings']);

    const defaults = (await call(site, 'clientSettings.list', {})).find((s) => s.isDefault)!;
    expect(
      (await refusalOf(call(site, 'clientSettings.delete', { id: defaults.id }))).message,
    ).toBe('The Default Client Settings apply to every client; they cannot be deleted.');
    const pilot = await collectionOf('Pilot', [ws1.clientId]);
    expect(
      (
        await refusalOf(
          call(site, 'clientSettings.deploy', { id: defaults.id, collectionIds: [pilot.id] }),
        )
      ).message,
    ).toBe(
      'The Default Client Settings apply to every client; they cannot be deployed to collections.',
    );
    expect(
      (await refusalOf(call(site, 'clientSettings.update', { id: defaults.id, name: 'Mine' })))
        .message,
    ).toBe('The Default Client Settings apply to every client; they cannot be renamed.');
    expect((await refusalOf(call(site, 'clientSettings.create', { name: 'first' }))).message).toBe(
      'name: client settings named "first" already exist; choose another name.',
    );
    expect(
      (
        await refusalOf(
          call(site, 'clientSettings.create', {
            name: 'Too long',
            settings: { restartAfterDeadlineMinutes: 20_161 },
          }),
        )
      ).message,
    ).toMatch(/^settings\.restartAfterDeadlineMinutes: .*20160/);
    expect(
      (
        await refusalOf(
          call(site, 'clientSettings.create', {
            name: 'Day period',
            settings: { otherDeploymentsPeriod: { every: 24, unit: 'hours' } },
          }),
        )
      ).message,
    ).toBe('settings.otherDeploymentsPeriod: the period is 1–23 hours or 1–365 days.');
    expect(
      (
        await refusalOf(
          call(site, 'clientSettings.create', {
            name: 'Countdown',
            settings: { restartAfterDeadlineMinutes: 60, restartFinalCountdownMinutes: 60 },
          }),
        )
      ).message,
    ).toBe(
      'restartFinalCountdownMinutes: the final countdown (60 minutes) must be shorter than the time after the deadline before a device gets restarted (60 minutes).',
    );
    expect(
      (
        await refusalOf(
          call(site, 'clientSettings.create', {
            name: 'Grace',
            settings: { enforcementGracePeriodHours: 121 },
          }),
        )
      ).message,
    ).toMatch(/^settings\.enforcementGracePeriodHours: /);
    expect(await names()).toEqual(['1 Second', '2 First', '10000 Default Client Settings']);

    // Restart intervals longer than a maintenance window of a deployed-to collection warn.
    await call(site, 'maintenanceWindows.create', {
      collectionId: pilot.id,
      name: 'Lunch',
      schedule: {
        kind: 'custom',
        start: '2026-11-01T12:00',
        isUtc: true,
        recurrence: { pattern: 'interval', every: 1, unit: 'days' },
      },
      durationMinutes: 60,
    });
    const deployed = await call(site, 'clientSettings.update', {
      id: first.id,
      settings: { restartAfterDeadlineMinutes: 90, restartFinalCountdownMinutes: 15 },
    });
    expect(deployed.warnings).toEqual([]);
    const warned = await call(site, 'clientSettings.deploy', {
      id: first.id,
      collectionIds: [pilot.id],
    });
    expect(warned.warnings).toEqual([
      'The time after the deadline before a restart (90 minutes) is not shorter than the maintenance window "Lunch" of Pilot (60 minutes); all restart intervals must be shorter than the shortest maintenance window.',
    ]);
    // The device's resultant settings include the default's reminder (240 minutes) too.
    const device = await resultant(site, ws1.clientId);
    expect(device.warnings).toHaveLength(2);
    expect(device.warnings[1]).toMatch(/^The reminder frequency \(240 minutes\)/);
  });
});
