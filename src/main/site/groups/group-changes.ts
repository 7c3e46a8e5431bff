import type { z } from 'zod';
import type {
  GroupChange,
  GroupCreate,
  SoftwareUpdateGroupResult,
} from '../../../shared/contract/update-groups';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import { writeGroupAudit } from './group-audit';
import { recomputeGroups } from '../compliance/group-compliance';
import { readGroup } from './group-list';
import { asNameConflict, checkNameFree } from './group-names';
import { newGroupUniqueId } from './group-unique-id';
import { addMembers } from './member-rows';
import { checkUpdatesCanJoin } from './member-updates';
import { deploymentsHolding } from '../deployments/deployment-holders';

export interface GroupServices {
  site: SiteDatabase;
  events: SiteEvents;
  clock: Clock;
  siteCode: string;
}

/** Lists of groups in every console refresh on this topic. */
export const groupsTopic = 'softwareUpdateGroups';

/** Create Software Update Group (§5.2): the name, a description and the selected updates. */
export async function createGroup(
  services: GroupServices,
  input: z.output<typeof GroupCreate>,
  user: string,
): Promise<SoftwareUpdateGroupResult> {
  const { site, events, clock } = services;
  const now = clock.now().toISOString();
  const id = await site.db
    .transaction()
    .execute(async (trx) => {
      await checkNameFree(trx, input.name, null);
      const ciIds = await checkUpdatesCanJoin(trx, input.ciIds, 'ciIds');
      const row = await trx
        .insertInto('software_update_group')
        .values({
          ci_unique_id: newGroupUniqueId(services.siteCode),
          name: input.name,
          description: input.description,
          created_at: now,
          created_by: user,
          modified_at: now,
          modified_by: user,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await addMembers(trx, row.id, ciIds, now);
      await recomputeGroups(trx, [row.id], null);
      await writeGroupAudit(trx, {
        time: now,
        user,
        action: 'Create software update group',
        group: { id: row.id, name: input.name },
        details: { description: input.description, ciIds },
      });
      return row.id;
    })
    .catch((error: unknown) => {
      throw asNameConflict(error, input.name);
    });
  events.publish({ type: 'data.changed', topics: [groupsTopic] });
  return readGroup(site.db, id);
}

/** Group Properties, General tab: Name and Description. */
export async function updateGroup(
  services: GroupServices,
  change: z.output<typeof GroupChange>,
  user: string,
): Promise<SoftwareUpdateGroupResult> {
  const { site, events, clock } = services;
  const now = clock.now().toISOString();
  const isChanged = await site.db
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom('software_update_group')
        .select(['name', 'description'])
        .where('id', '=', change.id)
        .executeTakeFirst();
      if (!before)
        throw new SiteError('not-found', `id: software update group ${change.id} does not exist.`);
      const after = {
        name: change.name ?? before.name,
        description: change.description ?? before.description,
      };
      if (after.name === before.name && after.description === before.description) return false;
      if (after.name !== before.name) await checkNameFree(trx, after.name, change.id);
      await trx
        .updateTable('software_update_group')
        .set({ ...after, modified_at: now, modified_by: user })
        .where('id', '=', change.id)
        .execute();
      await writeGroupAudit(trx, {
        time: now,
        user,
        action: 'Change software update group properties',
        group: { id: change.id, name: after.name },
        details: { before, after },
      });
      return true;
    })
    .catch((error: unknown) => {
      throw asNameConflict(error, change.name ?? '');
    });
  if (isChanged) events.publish({ type: 'data.changed', topics: [groupsTopic] });
  return readGroup(site.db, change.id);
}

/**
 * Delete (Remove-CMSoftwareUpdateGroup). A deployed group is refused as a whole request, so a
 * selection that mixes deployed and undeployed groups deletes nothing and says which one is in
 * the way.
 */
export async function deleteGroups(
  services: GroupServices,
  ids: number[],
  user: string,
): Promise<{ deleted: number }> {
  const { site, events, clock } = services;
  const now = clock.now().toISOString();
  const unique = [...new Set(ids)];
  const deleted = await site.db.transaction().execute(async (trx) => {
    const groups = await trx
      .selectFrom('software_update_group')
      .select(['id', 'name', 'ci_unique_id'])
      .where('id', 'in', unique)
      .execute();
    const missing = unique.find((id) => !groups.some((group) => group.id === id));
    if (missing !== undefined)
      throw new SiteError('not-found', `ids: software update group ${missing} does not exist.`);
    const deployed = await deploymentsHolding(trx, 'group_id', unique);
    if (deployed) {
      const name = groups.find((group) => group.id === deployed.holderId)?.name;
      throw new SiteError(
        'refused',
        `The software update group "${name}" is deployed by ${deployed.sentence}.`,
      );
    }
    await trx.deleteFrom('software_update_group').where('id', 'in', unique).execute();
    for (const group of groups) {
      await writeGroupAudit(trx, {
        time: now,
        user,
        action: 'Delete software update group',
        group,
        details: { ciUniqueId: group.ci_unique_id },
      });
    }
    return groups.length;
  });
  events.publish({ type: 'data.changed', topics: [groupsTopic] });
  return { deleted };
}
