import { sql, type Kysely } from 'kysely';
import type { SiteSchema } from '../db/schema-types';
import { batches } from './member-rows';

/**
 * Adding an update to a deployed group deploys it to the group's deployments, and removing it
 * takes it out of them (spec §5.1): the deployments' update lists follow the membership, and the
 * updates' Deployed flag follows the deployments, in the caller's transaction.
 */
export async function followMembershipInDeployments(
  trx: Kysely<SiteSchema>,
  groupId: number,
  added: number[],
  removed: number[],
): Promise<void> {
  if (added.length === 0 && removed.length === 0) return;
  const deployments = await trx
    .selectFrom('deployment')
    .select('id')
    .where('group_id', '=', groupId)
    .execute();
  if (deployments.length === 0) return;
  const deploymentIds = deployments.map((row) => row.id);
  const rows = deploymentIds.flatMap((id) => added.map((ci) => ({ deployment_id: id, ci_id: ci })));
  for (const batch of batches(rows)) {
    await trx
      .insertInto('deployment_update')
      .values(batch)
      .onConflict((conflict) => conflict.columns(['deployment_id', 'ci_id']).doNothing())
      .execute();
  }
  for (const batch of batches(removed)) {
    await trx
      .deleteFrom('deployment_update')
      .where('deployment_id', 'in', deploymentIds)
      .where('ci_id', 'in', batch)
      .execute();
  }
  await refreshDeployedFlags(trx, [...added, ...removed]);
}

/** An update is Deployed while any deployment holds it (group or selected updates). */
export async function refreshDeployedFlags(
  trx: Kysely<SiteSchema>,
  ciIds: number[],
): Promise<void> {
  for (const batch of batches(ciIds)) {
    await trx
      .updateTable('software_update')
      .set({
        is_deployed: sql<number>`CASE WHEN EXISTS (SELECT 1 FROM deployment_update du WHERE du.ci_id = software_update.ci_id) THEN 1 ELSE 0 END`,
      })
      .where('ci_id', 'in', batch)
      .execute();
  }
}
