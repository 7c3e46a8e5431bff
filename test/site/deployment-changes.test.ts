import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../support/compliance-site';
import { deploy, deploymentOf, isDeployed, openDeploymentSite } from '../support/deployment-site';
import { engines } from '../support/engines';

describe.each(engines)('Changing deployments on %s', (engine) => {
  let cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });
  async function open() {
    const opened = await openDeploymentSite(engine);
    cleanup.push(opened.dispose);
    return opened;
  }

  it('changes settings in Properties, keeps the purpose, re-checks the rules on the merged settings and audits who changed what', async () => {
    const { site, catalogIds, allSystems } = await open();
    const id = await deploy(
      site,
      deploymentOf(catalogIds, allSystems, {
        general: { name: 'Ring 1', collectionId: allSystems },
        scheduling: { availableTime: '2027-01-05T10:00', deadlineTime: '2027-01-12T10:00' },
      }),
    );
    await expect(
      call(site, 'deployments.update', { id, deploymentSettings: { purpose: 'Available' } }),
    ).rejects.toMatchObject({
      code: 'refused',
      message:
        'deploymentSettings.purpose: the type of deployment cannot be changed after it is created (it is Required).',
    });
    // The deadline alone moved before the stored available time: refused on the merged settings.
    await expect(
      call(site, 'deployments.update', { id, scheduling: { deadlineTime: '2027-01-01T00:00' } }),
    ).rejects.toMatchObject({
      message:
        'scheduling.deadlineTime: the installation deadline cannot be before the software available time.',
    });
    const changed = await call(site, 'deployments.update', {
      id,
      name: 'Ring 1 (servers)',
      scheduling: { deadlineTime: '2027-01-20T02:00' },
      userExperience: { isRestartSuppressedOnServers: true },
    });
    expect(changed).toMatchObject({
      name: 'Ring 1 (servers)',
      startTime: '2027-01-05T10:00:00',
      enforcementDeadline: '2027-01-20T02:00:00',
      modifiedBy: 'CONTOSO\\admin',
    });
    expect(changed.settings.userExperience).toMatchObject({
      isRestartSuppressedOnServers: true,
      isWriteFilterCommitted: true,
    });
    const [audit] = (await call(site, 'statusMessages.list', { filter: { messageIds: [30197] } }))
      .rows;
    expect(audit?.message).toBe(
      `User "CONTOSO\\admin" modified updates assignment ${id} ("Ring 1 (servers)"): changed = name, scheduling.deadlineTime, userExperience.isRestartSuppressedOnServers.`,
    );
    expect(audit?.component).toBe('SMS_PROVIDER');
  });

  it('enables, disables and deletes; deleting clears Deployed and lets the group and collection go', async () => {
    const { site, catalogIds, allSystems } = await open();
    const collection = await call(site, 'collections.create', { name: 'Pilot devices' });
    const group = await call(site, 'groups.create', {
      name: 'Pilot updates',
      ciIds: catalogIds.slice(0, 2),
    });
    const byGroup = await deploy(site, {
      selection: { groupId: group.id },
      general: { name: 'Pilot', collectionId: collection.id },
    });
    const single = await deploy(
      site,
      deploymentOf(catalogIds.slice(0, 1), allSystems, {
        general: { name: 'One update', collectionId: allSystems },
      }),
    );
    expect(
      await call(site, 'deployments.setEnabled', { ids: [byGroup, single], isEnabled: false }),
    ).toEqual({ changed: 2 });
    expect(
      await call(site, 'deployments.setEnabled', { ids: [byGroup], isEnabled: false }),
    ).toEqual({ changed: 0 });
    expect((await call(site, 'deployments.get', { id: byGroup })).isEnabled).toBe(false);
    await call(site, 'deployments.setEnabled', { ids: [byGroup], isEnabled: true });
    expect((await call(site, 'deployments.get', { id: byGroup })).isEnabled).toBe(true);

    await expect(call(site, 'groups.delete', { ids: [group.id] })).rejects.toMatchObject({
      code: 'refused',
      message:
        'The software update group "Pilot updates" is deployed by deployment "Pilot"; delete it first.',
    });
    await expect(call(site, 'collections.delete', { ids: [collection.id] })).rejects.toMatchObject({
      code: 'refused',
      message: '"Pilot devices" is the target of deployment "Pilot"; delete it first.',
    });
    // A group deployment follows the group: an added update is deployed, a removed one is not.
    await call(site, 'groups.setMembership', {
      groupIds: [group.id],
      add: [catalogIds[2]!],
      remove: [catalogIds[1]!],
    });
    expect((await call(site, 'deployments.get', { id: byGroup })).ciIds).toEqual([
      catalogIds[0],
      catalogIds[2],
    ]);
    expect(await isDeployed(site, catalogIds[2]!)).toBe(true);
    expect(await isDeployed(site, catalogIds[1]!)).toBe(false);

    expect(await call(site, 'deployments.delete', { ids: [byGroup] })).toEqual({ deleted: 1 });
    // Still held by the other deployment.
    expect(await isDeployed(site, catalogIds[0]!)).toBe(true);
    expect(await isDeployed(site, catalogIds[2]!)).toBe(false);
    expect((await call(site, 'groups.get', { id: group.id })).isDeployed).toBe(false);
    const deleted = await call(site, 'statusMessages.list', { filter: { messageIds: [30198] } });
    expect(deleted.rows[0]?.message).toBe(
      `User "CONTOSO\\admin" deleted updates assignment ${byGroup} ("Pilot").`,
    );
    expect(await call(site, 'groups.delete', { ids: [group.id] })).toEqual({ deleted: 1 });
    expect(await call(site, 'collections.delete', { ids: [collection.id] })).toEqual({
      deleted: 1,
    });
    await expect(call(site, 'deployments.delete', { ids: [byGroup] })).rejects.toMatchObject({
      code: 'not-found',
      message: `ids: deployment ${byGroup} does not exist.`,
    });
  });

  it('lists deployments filtered, sorted and paged, with the counters of each row', async () => {
    const { site, catalogIds, allSystems } = await open();
    const group = await call(site, 'groups.create', {
      name: 'Monthly',
      ciIds: catalogIds.slice(0, 2),
    });
    await deploy(site, {
      selection: { groupId: group.id },
      general: { name: 'B monthly', collectionId: allSystems },
    });
    await deploy(
      site,
      deploymentOf(catalogIds.slice(2), allSystems, {
        general: { name: 'A single', collectionId: allSystems },
        deploymentSettings: { purpose: 'Available' },
        scheduling: { deadlineTime: null },
      }),
    );
    await deploy(
      site,
      deploymentOf(catalogIds.slice(0, 1), allSystems, {
        general: { name: 'C first', collectionId: allSystems },
      }),
    );
    const names = async (input: Parameters<typeof call<'deployments.list'>>[2]) =>
      (await call(site, 'deployments.list', input)).rows.map((row) => row.name);
    expect(await names({})).toEqual(['A single', 'B monthly', 'C first']);
    expect(await names({ filter: { groupId: group.id } })).toEqual(['B monthly']);
    expect(await names({ filter: { ciId: catalogIds[0]! } })).toEqual(['B monthly', 'C first']);
    expect(await names({ filter: { text: 'MONTH' } })).toEqual(['B monthly']);
    expect(await names({ sort: { column: 'enforcementDeadline', direction: 'asc' } })).toEqual([
      'A single',
      'B monthly',
      'C first',
    ]);
    const page = await call(site, 'deployments.list', {
      sort: { column: 'name', direction: 'desc' },
      page: { size: 2 },
    });
    expect(page.rows.map((row) => row.name)).toEqual(['C first', 'B monthly']);
    const next = await call(site, 'deployments.list', {
      sort: { column: 'name', direction: 'desc' },
      page: { size: 2, after: page.nextCursor! },
    });
    expect(next.rows.map((row) => row.name)).toEqual(['A single']);
    expect(page.rows[1]).toMatchObject({
      softwareName: 'Monthly',
      numberTargeted: 0,
      numberUnknown: 0,
      compliancePercent: 0,
      containsExpiredUpdates: false,
    });
  });

  it('saves, lists and deletes deployment templates with the parts they hold', async () => {
    const { site, allSystems } = await open();
    const template = await call(site, 'deploymentTemplates.create', {
      name: "Servers' nightly",
      parts: ['scheduling', 'userExperience', 'collection'],
      settings: { userExperience: { isRestartSuppressedOnServers: true } },
      collectionId: allSystems,
    });
    expect(template).toMatchObject({ name: "Servers' nightly", collectionId: allSystems });
    expect(template.settings.userExperience.isRestartSuppressedOnServers).toBe(true);
    await expect(
      call(site, 'deploymentTemplates.create', {
        name: "SERVERS' NIGHTLY",
        parts: ['alerts'],
        settings: {},
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/^name: /) });
    await expect(
      call(site, 'deploymentTemplates.create', {
        name: 'Bad/name',
        parts: ['alerts'],
        settings: {},
      }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^name: use letters/),
    });
    expect((await call(site, 'deploymentTemplates.list', {})).map((each) => each.name)).toEqual([
      "Servers' nightly",
    ]);
    expect(await call(site, 'deploymentTemplates.delete', { ids: [template.id] })).toEqual({
      deleted: 1,
    });
    expect(await call(site, 'deploymentTemplates.list', {})).toEqual([]);
  });
});
