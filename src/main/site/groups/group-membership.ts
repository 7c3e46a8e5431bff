import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  GroupMembershipChange,
  GroupMembershipResult,
  GroupMembershipState,
} from '../../../shared/contract/update-groups';
import { SiteError } from '../../../shared/errors';
import type { SiteDatabase } from '../db/open-database';
import { followMembershipInDeployments } from './deployed-members';
import { writeGroupAudit } from './group-audit';
import { recomputeGroups } from '../compliance/group-compliance';
import { groupsTopic, type GroupServices } from './group-changes';
import { groupSizeWarning } from './group-warning';
import { deployedGroupSizeWarning } from '../deployments/deployment-holders';
import { addMembers, countMembers, removeMembers } from './member-rows';
import { checkUpdatesCanJoin } from './member-updates';

type Change = z.output<typeof GroupMembershipChange>;
type Result = z.output<typeof GroupMembershipResult>;

function checkDisjoint(first: number[], second: number[], field: string, what: string) {
  const both = first.find((id) => second.includes(id));
  if (both !== undefined)
    throw new SiteError(
      'invalid-input',
      `${field}: ${what} ${both} cannot be both added and removed.`,
    );
}

/**
 * Edit Membership and Add-/Remove-CMSoftwareUpdate(To|From)Group: every group's change lands in
 * one transaction with its audit row, or none does.
 */
export async function setMembership(
  services: GroupServices,
  change: Change,
  user: string,
): Promise<Result> {
  const { site, events, clock } = services;
  const now = clock.now().toISOString();
  const checked = [...new Set(change.groupIds)];
  const unchecked = [...new Set(change.uncheckedGroupIds)];
  const remove = [...new Set(change.remove)];
  checkDisjoint(unchecked, checked, 'uncheckedGroupIds', 'software update group');
  checkDisjoint(remove, change.add, 'remove', 'software update');
  const result = await site.db.transaction().execute(async (trx) => {
    const groups = await trx
      .selectFrom('software_update_group')
      .select(['id', 'name'])
      .where('id', 'in', [...checked, ...unchecked])
      .orderBy('name')
      .execute();
    const missing = [...checked, ...unchecked].find((id) => !groups.some((g) => g.id === id));
    if (missing !== undefined)
      throw new SiteError(
        'not-found',
        `groupIds: software update group ${missing} does not exist.`,
      );
    const add = await checkUpdatesCanJoin(trx, change.add, 'add');
    const entries: Result['groups'] = [];
    for (const group of groups) {
      const isChecked = checked.includes(group.id);
      const added = isChecked ? await addMembers(trx, group.id, add, now) : [];
      const removed = await removeMembers(trx, group.id, isChecked ? remove : add);
      if (added.length > 0 || removed.length > 0) {
        await trx
          .updateTable('software_update_group')
          .set({ modified_at: now, modified_by: user })
          .where('id', '=', group.id)
          .execute();
        await followMembershipInDeployments(trx, group.id, added, removed);
        // Compliance with the group depends on its members: recount it with them.
        await recomputeGroups(trx, [group.id], null);
        await writeGroupAudit(trx, {
          time: now,
          user,
          action: 'Edit software update group membership',
          group,
          details: { added, removed },
        });
      }
      const numberOfUpdates = await countMembers(trx, group.id);
      const warning = await deployedGroupSizeWarning(
        trx,
        group.id,
        groupSizeWarning(numberOfUpdates),
      );
      entries.push({
        id: group.id,
        name: group.name,
        added: added.length,
        removed: removed.length,
        numberOfUpdates,
        ...(warning ? { warning } : {}),
      });
    }
    return { groups: entries };
  });
  if (result.groups.some((group) => group.added > 0 || group.removed > 0))
    events.publish({ type: 'data.changed', topics: [groupsTopic, 'softwareUpdates'] });
  return result;
}

/** Show Members, and the checked state Edit Membership starts from. */
export async function memberIds(site: SiteDatabase, id: number): Promise<number[]> {
  const group = await site.read
    .selectFrom('software_update_group')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!group) throw new SiteError('not-found', `id: software update group ${id} does not exist.`);
  const rows = await site.read
    .selectFrom('software_update_group_member')
    .select('ci_id')
    .where('group_id', '=', id)
    .orderBy('ci_id')
    .execute();
  return rows.map((row) => row.ci_id);
}

/**
 * The Edit Membership dialog lists every group: checked when it holds all the selected updates,
 * indeterminate when it holds some.
 */
export async function membershipOf(
  site: SiteDatabase,
  ciIds: number[],
): Promise<Array<{ groupId: number; name: string; state: GroupMembershipState }>> {
  const ids = [...new Set(ciIds)];
  const rows = await site.read
    .selectFrom('software_update_group as g')
    .leftJoin('software_update_group_member as m', (join) =>
      join.onRef('m.group_id', '=', 'g.id').on('m.ci_id', 'in', ids),
    )
    .select(['g.id', 'g.name', sql<number>`COUNT(m.ci_id)`.as('held')])
    .groupBy(['g.id', 'g.name'])
    .orderBy('g.name')
    .execute();
  return rows.map((row) => {
    const held = Number(row.held);
    const state: GroupMembershipState = held === 0 ? 'none' : held === ids.length ? 'all' : 'some';
    return { groupId: row.id, name: row.name, state };
  });
}
