import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodOutput, SiteEvent, SiteMethod } from '../../src/shared/contract';
import { SiteError } from '../../src/shared/errors';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import { dispatchCall } from '../../src/main/site/api/dispatch';
import type { Site } from '../../src/main/site/site';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { syncAndWait } from '../support/sync-helpers';
import { openTestSite } from '../support/test-site';

describe.each(engines)('Software update groups on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  /** A site with the records synchronized, and the events it publishes from then on. */
  async function siteWith(records: UpdateRecord[], classifications?: string[]) {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    dispose = opened.dispose;
    const site = opened.site;
    await site.supSettings.set({
      syncSourceLocation: bundleOf(records),
      ...(classifications ? { classifications } : {}),
    });
    const job = await syncAndWait(site);
    expect(job.error).toBeNull();
    const events: SiteEvent[] = [];
    site.events.subscribe((event) => events.push(event));
    return { site, events };
  }

  /** Through the site boundary, as consoles call it: input parsed, errors as SiteError. */
  async function call<M extends SiteMethod>(
    site: Site,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>> {
    const result = await dispatchCall(site.handlers, method, input, {
      user: 'CONTOSO\\admin',
      transport: 'test',
    });
    if (!result.ok) throw SiteError.fromData(result.error);
    return result.value as MethodOutput<M>;
  }

  async function ciIdsOf(site: Site, records: UpdateRecord[]): Promise<number[]> {
    const rows = await site.database.db
      .selectFrom('software_update')
      .select(['ci_id', 'update_id'])
      .where(
        'update_id',
        'in',
        records.map((record) => record.updateId),
      )
      .execute();
    return records.map((record) => rows.find((row) => row.update_id === record.updateId)!.ci_id);
  }

  async function auditOf(site: Site) {
    return site.database.db
      .selectFrom('audit_log')
      .select(['user_name', 'action', 'object_type', 'object_name'])
      .where('object_type', '=', 'SoftwareUpdateGroup')
      .orderBy('id')
      .execute();
  }

  async function deployToAllSystems(site: Site, groupId: number): Promise<void> {
    const collection = await site.database.db
      .selectFrom('collection')
      .select('id')
      .where('collection_id', '=', 'SMS00001')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await site.database.db
      .insertInto('deployment')
      .values({
        assignment_unique_id: `{${groupId}-deployment}`,
        name: `Group ${groupId} to All Systems`,
        assignment_type: 5,
        group_id: groupId,
        collection_id: collection.id,
        purpose: 'Required',
        available_at: now,
        user_experience: '{}',
        alerts: '{}',
        download_settings: '{}',
        created_at: now,
        created_by: 'test',
        modified_at: now,
        modified_by: 'test',
      })
      .execute();
  }

  it('creates a group from a selection with its unique id, Created By, an audit row and an event', async () => {
    const records = [makeRecord('a'), makeRecord('b'), makeRecord('c')];
    const { site, events } = await siteWith(records);
    const [a, b] = await ciIdsOf(site, records);
    const created = await call(site, 'groups.create', {
      name: 'Pilot 2024-01',
      description: 'January patches for the pilot ring',
      ciIds: [a!, b!],
    });
    expect(created).toMatchObject({
      name: 'Pilot 2024-01',
      description: 'January patches for the pilot ring',
      createdBy: 'CONTOSO\\admin',
      numberOfUpdates: 2,
      numberOfExpired: 0,
      isDeployed: false,
      isDownloaded: false,
      collectionsDeployed: 0,
      percentCompliant: 0,
      icon: 'normal',
      // Nothing is downloaded yet: the members' content is in no deployment package.
      isContentMissing: true,
    });
    expect(created.warning).toBeUndefined();
    expect(created.ciUniqueId).toMatch(/^ScopeId_PS1\/AuthList_[0-9A-F-]{36}$/);
    expect(await call(site, 'groups.memberIds', { id: created.id })).toEqual([a, b].sort());
    const list = await call(site, 'groups.list', {});
    expect(list.rows.map((row) => row.name)).toEqual(['Pilot 2024-01']);
    expect(list.total).toBe(1);
    expect(await auditOf(site)).toEqual([
      {
        user_name: 'CONTOSO\\admin',
        action: 'Create software update group',
        object_type: 'SoftwareUpdateGroup',
        object_name: 'Pilot 2024-01',
      },
    ]);
    expect(events).toContainEqual({ type: 'data.changed', topics: ['softwareUpdateGroups'] });

    const empty = await call(site, 'groups.create', { name: 'Empty' });
    expect(empty).toMatchObject({ numberOfUpdates: 0, isDownloaded: false, icon: 'normal' });
  });

  it('refuses a duplicate name, whatever its case, in a sentence naming it', async () => {
    const { site } = await siteWith([makeRecord('a')]);
    const first = await call(site, 'groups.create', { name: 'Pilot' });
    await expect(call(site, 'groups.create', { name: 'pilot' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'name: a software update group named "pilot" already exists; choose another name.',
    });
    await call(site, 'groups.create', { name: 'Broad' });
    await expect(call(site, 'groups.update', { id: first.id, name: 'Broad' })).rejects.toThrow(
      /"Broad" already exists/,
    );
    await expect(call(site, 'groups.create', { name: '  ' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'name: a software update group needs a name.',
    });
    const renamed = await call(site, 'groups.update', {
      id: first.id,
      name: 'Pilot ring',
      description: 'first wave',
    });
    expect(renamed).toMatchObject({ name: 'Pilot ring', description: 'first wave' });
    expect((await call(site, 'groups.list', { filter: { text: 'WAVE' } })).rows).toHaveLength(1);
  });

  it('edits membership both ways in one call and reports all, some or none per group', async () => {
    const records = [makeRecord('a'), makeRecord('b'), makeRecord('c')];
    const { site, events } = await siteWith(records);
    const [a, b, c] = (await ciIdsOf(site, records)) as [number, number, number];
    const pilot = await call(site, 'groups.create', { name: 'Pilot', ciIds: [a] });
    const broad = await call(site, 'groups.create', { name: 'Broad', ciIds: [a, b] });
    const other = await call(site, 'groups.create', { name: 'Other' });

    expect(await call(site, 'groups.membershipOf', { ciIds: [a, b] })).toEqual([
      { groupId: broad.id, name: 'Broad', state: 'all' },
      { groupId: other.id, name: 'Other', state: 'none' },
      { groupId: pilot.id, name: 'Pilot', state: 'some' },
    ]);

    events.length = 0;
    // The dialog: Pilot and Other checked, Broad unchecked, for the selection [b, c].
    const result = await call(site, 'groups.setMembership', {
      groupIds: [pilot.id, other.id],
      add: [b, c],
      uncheckedGroupIds: [broad.id],
    });
    expect(result.groups).toEqual([
      { id: broad.id, name: 'Broad', added: 0, removed: 1, numberOfUpdates: 1 },
      { id: other.id, name: 'Other', added: 2, removed: 0, numberOfUpdates: 2 },
      { id: pilot.id, name: 'Pilot', added: 2, removed: 0, numberOfUpdates: 3 },
    ]);
    expect(await call(site, 'groups.memberIds', { id: broad.id })).toEqual([a]);
    expect(await call(site, 'groups.memberIds', { id: pilot.id })).toEqual([a, b, c].sort());
    expect(events).toContainEqual({
      type: 'data.changed',
      topics: ['softwareUpdateGroups', 'softwareUpdates'],
    });

    // Remove-CMSoftwareUpdateFromGroup; removing what is not there changes nothing.
    const removed = await call(site, 'groups.setMembership', {
      groupIds: [pilot.id],
      remove: [a, b],
    });
    expect(removed.groups[0]).toMatchObject({ removed: 2, numberOfUpdates: 1 });
    const again = await call(site, 'groups.setMembership', { groupIds: [pilot.id], remove: [a] });
    expect(again.groups[0]).toMatchObject({ removed: 0, numberOfUpdates: 1 });

    const members = await call(site, 'updates.list', { filter: { groupId: pilot.id } });
    expect(members.rows.map((row) => row.ciId)).toEqual([c]);
    const actions = (await auditOf(site)).map((row) => `${row.action}: ${row.object_name}`);
    expect(actions.filter((action) => action.startsWith('Edit'))).toEqual([
      'Edit software update group membership: Broad',
      'Edit software update group membership: Other',
      'Edit software update group membership: Pilot',
      'Edit software update group membership: Pilot',
    ]);
  });

  it('refuses feature updates and unknown updates, and changes nothing', async () => {
    const records = [
      makeRecord('a'),
      makeRecord('windows-11-23h2', { classification: 'Upgrades', title: 'Windows 11, 23H2' }),
    ];
    const { site } = await siteWith(records, ['Security Updates', 'Upgrades']);
    const [a, upgrade] = (await ciIdsOf(site, records)) as [number, number];
    const pilot = await call(site, 'groups.create', { name: 'Pilot' });
    await expect(
      call(site, 'groups.setMembership', { groupIds: [pilot.id], add: [a, upgrade] }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message:
        'add: "Windows 11, 23H2" is a feature update (Upgrades), and feature updates cannot be in a software update group.',
    });
    await expect(
      call(site, 'groups.create', { name: 'Features', ciIds: [upgrade] }),
    ).rejects.toThrow(/feature updates cannot be in a software update group/);
    await expect(
      call(site, 'groups.setMembership', { groupIds: [pilot.id], add: [999_999] }),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: 'add: software update 999999 does not exist.',
    });
    expect(await call(site, 'groups.memberIds', { id: pilot.id })).toEqual([]);
    expect((await call(site, 'groups.list', {})).total).toBe(1);
  });

  it('counts expired and superseded members and shows the icon in the precedence of §3.3', async () => {
    const old = makeRecord('old', { dateReleased: '2023-12-12T00:00:00.000Z' });
    const recent = makeRecord('recent', {
      dateReleased: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      supersedes: [{ updateId: old.updateId, articleId: old.articleId, title: old.title }],
    });
    const gone = makeRecord('gone');
    const records = [old, recent, gone];
    const { site } = await siteWith(records);
    const [oldId, recentId, goneId] = (await ciIdsOf(site, records)) as [number, number, number];
    const normal = await call(site, 'groups.create', { name: 'Normal', ciIds: [recentId] });
    const mixed = await call(site, 'groups.create', {
      name: 'Mixed',
      ciIds: [oldId, recentId, goneId],
    });
    expect(normal.icon).toBe('normal');
    expect(mixed).toMatchObject({
      icon: 'superseded',
      containsSuperseded: true,
      containsExpired: false,
      numberOfUpdates: 3,
    });

    // Gone from the source while a group holds it: expired, not deleted.
    await site.supSettings.set({ syncSourceLocation: bundleOf([old, recent]) });
    await syncAndWait(site);
    expect(await call(site, 'groups.get', { id: mixed.id })).toMatchObject({
      icon: 'expired',
      containsExpired: true,
      containsSuperseded: true,
      numberOfExpired: 1,
      numberOfUpdates: 3,
    });

    await site.database.db
      .updateTable('software_update')
      .set({ is_invalid: 1 })
      .where('ci_id', '=', recentId)
      .execute();
    await site.database.db
      .updateTable('software_update')
      .set({ is_content_provisioned: 1 })
      .where('ci_id', 'in', [oldId, recentId, goneId])
      .execute();
    const list = await call(site, 'groups.list', {
      sort: { column: 'numberOfUpdates', direction: 'desc' },
    });
    expect(
      list.rows.map((row) => [row.name, row.icon, row.isDownloaded, row.isContentMissing]),
    ).toEqual([
      ['Mixed', 'invalid', true, false],
      ['Normal', 'invalid', true, false],
    ]);
  });

  it('refuses to delete a deployed group in one sentence, deletes an undeployed one, and deploys added updates', async () => {
    const records = [makeRecord('a'), makeRecord('b')];
    const { site } = await siteWith(records);
    const [a, b] = (await ciIdsOf(site, records)) as [number, number];
    const deployed = await call(site, 'groups.create', { name: 'Deployed', ciIds: [a] });
    const spare = await call(site, 'groups.create', { name: 'Spare' });
    await deployToAllSystems(site, deployed.id);
    expect(await call(site, 'groups.get', { id: deployed.id })).toMatchObject({
      isDeployed: true,
      collectionsDeployed: 1,
    });

    // Adding an update to a deployed group deploys it (§5.1).
    await call(site, 'groups.setMembership', { groupIds: [deployed.id], add: [b] });
    const flags = await site.database.db
      .selectFrom('software_update')
      .select('is_deployed')
      .where('ci_id', '=', b)
      .executeTakeFirstOrThrow();
    expect(flags.is_deployed).toBe(1);

    await expect(
      call(site, 'groups.delete', { ids: [spare.id, deployed.id] }),
    ).rejects.toMatchObject({
      code: 'refused',
      message: `The software update group "Deployed" is deployed by deployment "Group ${deployed.id} to All Systems"; delete it first.`,
    });
    expect((await call(site, 'groups.list', {})).total).toBe(2);

    expect(await call(site, 'groups.delete', { ids: [spare.id] })).toEqual({ deleted: 1 });
    expect((await call(site, 'groups.list', {})).rows.map((row) => row.name)).toEqual(['Deployed']);
    expect((await auditOf(site)).map((row) => `${row.action}: ${row.object_name}`)).toEqual([
      'Create software update group: Deployed',
      'Create software update group: Spare',
      'Edit software update group membership: Deployed',
      'Delete software update group: Spare',
    ]);
  });

  it('warns when a group passes the 1,000 updates a deployment can hold', async () => {
    const records = Array.from({ length: 1001 }, (_, index) =>
      makeRecord(`bulk-${index}`, { articleId: String(5_100_000 + index) }),
    );
    const { site } = await siteWith(records);
    const ciIds = await ciIdsOf(site, records);
    const full = await call(site, 'groups.create', {
      name: 'Just full',
      ciIds: ciIds.slice(0, 1000),
    });
    expect(full.warning).toBeUndefined();
    const result = await call(site, 'groups.setMembership', {
      groupIds: [full.id],
      add: [ciIds[1000]!],
    });
    expect(result.groups[0]!.warning).toBe(
      'This group has 1,001 updates; a deployment can hold at most 1,000.',
    );
    const big = await call(site, 'groups.create', { name: 'Everything', ciIds });
    expect(big).toMatchObject({
      numberOfUpdates: 1001,
      warning: 'This group has 1,001 updates; a deployment can hold at most 1,000.',
    });
    await call(site, 'groups.create', { name: 'Small', ciIds: [ciIds[0]!] });
    // Sorted on the count, paged on the site: equal counts fall back to the id, newest first.
    const sort = { column: 'numberOfUpdates', direction: 'desc' } as const;
    const page = await call(site, 'groups.list', { sort, page: { size: 2 } });
    expect(page.rows.map((row) => row.name)).toEqual(['Everything', 'Just full']);
    const next = await call(site, 'groups.list', {
      sort,
      page: { size: 2, after: page.nextCursor! },
    });
    expect(next.rows.map((row) => row.name)).toEqual(['Small']);
    expect(next.nextCursor).toBeNull();
  }, 60_000);
});
