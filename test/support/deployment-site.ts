import type { MethodInput } from '../../src/shared/contract';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { Site } from '../../src/main/site/site';
import { bundleOf, makeRecord } from './catalog-fixtures';
import { call } from './compliance-site';
import type { EngineName } from './engines';
import { syncAndWait } from './sync-helpers';
import { openTestSite } from './test-site';

/** A record whose one file lives at a loopback port nothing listens on: its download fails. */
export function unreachableRecord(name: string): UpdateRecord {
  const record = makeRecord(name);
  return {
    ...record,
    contentFiles: record.contentFiles.map((file) => ({
      ...file,
      url: `http://127.0.0.1:9/${file.fileName}`,
    })),
  };
}

/**
 * A site with a synchronized catalog (files nobody can download) and, when asked, the demo
 * updates whose files the loopback demo source serves; downloads run fast for tests.
 */
export async function openDeploymentSite(
  engine: EngineName,
  options: { records?: UpdateRecord[]; demo?: boolean } = {},
) {
  const opened = await openTestSite(engine, {
    bundledCatalogFolder: null,
    content: { attempts: 2, backoffMs: 10, concurrency: 2, demoBytesPerSecond: 0 },
  });
  const { site } = opened;
  const records = options.records ?? ['alpha', 'bravo', 'charlie'].map(unreachableRecord);
  await site.supSettings.set({ syncSourceLocation: bundleOf(records) });
  const job = await syncAndWait(site);
  if (job.error) throw new Error(`sync failed: ${job.error}`);
  if (options.demo) await call(site, 'content.addDemo', {});
  const rows = await site.database.db
    .selectFrom('software_update')
    .select(['ci_id', 'update_id', 'source'])
    .orderBy('title')
    .execute();
  const allSystems = await site.database.db
    .selectFrom('collection')
    .select('id')
    .where('collection_id', '=', 'SMS00001')
    .executeTakeFirstOrThrow();
  return {
    ...opened,
    allSystems: allSystems.id,
    ciIdOf: (record: UpdateRecord) => rows.find((row) => row.update_id === record.updateId)!.ci_id,
    catalogIds: rows.filter((row) => row.source !== 'demo-content').map((row) => row.ci_id),
    demoIds: rows.filter((row) => row.source === 'demo-content').map((row) => row.ci_id),
  };
}

export type DeploymentRequest = MethodInput<'deployments.create'>;

/** A deployment of the given updates to a collection with the wizard's defaults. */
export function deploymentOf(
  ciIds: number[],
  collectionId: number,
  more: Partial<DeploymentRequest> = {},
): DeploymentRequest {
  return { selection: { ciIds }, general: { collectionId }, ...more };
}

export async function isDeployed(site: Site, ciId: number): Promise<boolean> {
  const row = await site.database.db
    .selectFrom('software_update')
    .select('is_deployed')
    .where('ci_id', '=', ciId)
    .executeTakeFirstOrThrow();
  return row.is_deployed === 1;
}
