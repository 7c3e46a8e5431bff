import type { Kysely } from 'kysely';
import type { SiteSchema } from '../db/schema-types';
import type { DistributionDependencies } from './package-distribution';
import type { AcquiredFile } from './file-acquisition';
import type { PlannedUpdate } from './download-plan';
import { contentTopic } from './distribution-points';
import { refreshDownloadedFlags } from './package-rows';

/**
 * Records the files of the fully acquired updates in the package, in one transaction with the
 * content version (spec §6.1: 1 at creation, 2 after the first download, +1 on each later change;
 * unchanged when nothing new arrived) and the updates' Downloaded flags, so the red arrows go
 * exactly when the files are there.
 */
export async function commitDownloadedContent(
  deps: DistributionDependencies,
  packageId: number,
  updates: PlannedUpdate[],
  acquired: Map<number, AcquiredFile[]>,
): Promise<{ sourceVersion: number; filesAdded: number }> {
  const now = deps.clock.now().toISOString();
  const result = await deps.site.db
    .transaction()
    .execute((trx) => writeDownloadedContent(trx, packageId, updates, acquired, now));
  deps.events.publish({
    type: 'data.changed',
    topics: [contentTopic, 'softwareUpdates', 'softwareUpdateGroups'],
  });
  return result;
}

/**
 * The rows of `commitDownloadedContent` in the caller's transaction: the rule engine commits the
 * content of a run with its group and deployments, all or nothing (§8.1).
 */
export async function writeDownloadedContent(
  trx: Kysely<SiteSchema>,
  packageId: number,
  updates: PlannedUpdate[],
  acquired: Map<number, AcquiredFile[]>,
  now: string,
): Promise<{ sourceVersion: number; filesAdded: number }> {
  const current = await trx
    .selectFrom('deployment_package')
    .select('content_version')
    .where('id', '=', packageId)
    .executeTakeFirstOrThrow();
  const rows = updates.flatMap((update) =>
    (acquired.get(update.ciId) ?? []).map((file) => ({
      package_id: packageId,
      content_file_id: file.file.contentFileId,
      ci_id: update.ciId,
      relative_path: file.relativePath,
      sha256: file.sha256,
      size: file.size,
      content_version: current.content_version + 1,
      added_at: now,
    })),
  );
  let added = 0;
  for (let start = 0; start < rows.length; start += 500) {
    const written = await trx
      .insertInto('deployment_package_content')
      .values(rows.slice(start, start + 500))
      .onConflict((conflict) => conflict.columns(['package_id', 'content_file_id']).doNothing())
      .returning('content_file_id')
      .execute();
    added += written.length;
  }
  if (added === 0) return { sourceVersion: current.content_version, filesAdded: 0 };
  const sourceVersion = current.content_version + 1;
  await trx
    .updateTable('deployment_package')
    .set({ content_version: sourceVersion, source_date: now, modified_at: now })
    .where('id', '=', packageId)
    .execute();
  await refreshDownloadedFlags(
    trx,
    updates.map((update) => update.ciId),
  );
  return { sourceVersion, filesAdded: added };
}
