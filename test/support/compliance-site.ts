import type { MethodInput, MethodOutput, SiteMethod } from '../../src/shared/contract';
import { SiteError } from '../../src/shared/errors';
import { dispatchCall } from '../../src/main/site/api/dispatch';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { Site } from '../../src/main/site/site';
import {
  startSiteServer,
  type SiteServer,
  type SiteServerOptions,
} from '../../src/main/host/server/site-server';
import { ManagementPointClient } from '../../src/main/host/fleet/management-point-client';
import { bundleOf, makeRecord } from './catalog-fixtures';
import type { EngineName } from './engines';
import { syncAndWait } from './sync-helpers';
import { jobEnd, openTestSite } from './test-site';

/** Through the site boundary, as consoles call it: input parsed, errors as SiteError. */
export async function call<M extends SiteMethod>(
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

/**
 * A site with a small synchronized catalog, served over loopback HTTP like `patchbay serve`, and
 * a management point client talking to it.
 */
export async function openComplianceSite(
  engine: EngineName,
  records?: UpdateRecord[],
  serverOptions: SiteServerOptions = {},
) {
  const opened = await openTestSite(engine, { bundledCatalogFolder: null });
  const site = opened.site;
  const catalog =
    records ?? ['cu-2024-01', 'cu-2024-02', 'dotnet', 'edge', 'defender'].map((n) => makeRecord(n));
  await site.supSettings.set({ syncSourceLocation: bundleOf(catalog) });
  const job = await syncAndWait(site);
  if (job.error) throw new Error(`sync failed: ${job.error}`);
  const server: SiteServer = await startSiteServer(site, serverOptions);
  const mp = new ManagementPointClient(server.url);
  const ciIds = new Map<string, number>();
  for (const row of await site.database.db
    .selectFrom('software_update')
    .select(['ci_id', 'update_id'])
    .execute())
    ciIds.set(row.update_id, row.ci_id);
  return {
    site,
    server,
    mp,
    catalog,
    ciIdOf: (record: UpdateRecord) => ciIds.get(record.updateId)!,
    dispose: async () => {
      await server.close();
      await opened.dispose();
    },
  };
}

/** Waits for a summarization job and returns its result. */
export async function summarizeAndWait(site: Site) {
  const { jobId } = await call(site, 'compliance.runSummarization', {});
  const job = await jobEnd(site, jobId, 30_000);
  if (job.state !== 'succeeded') throw new Error(`summarization ${job.state}: ${job.error}`);
  return job.result as {
    updates: number;
    groups: number;
    correctedUpdates: number;
    correctedGroups: number;
  };
}

/** The SiteError a refused call ends with; fails the test when the call succeeds. */
export async function refusalOf(promise: Promise<unknown>): Promise<SiteError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SiteError))
    throw new Error(`Expected a SiteError, got ${error === null ? 'success' : String(error)}.`);
  return error;
}
