import { CatalogChanges } from '../../../shared/contract/catalog';
import { migrations } from '../db/migrations';
import { PermanentJobError } from '../jobs/job-handler';
import type { UpdateRecord } from '../catalog/update-record';
import { fetchSource } from './fetch-source';
import type { SyncPayload, SyncSourceContext } from './sync-payload';

/** The parent catalog version this site last synchronized, kept in site settings. */
export const upstreamVersionKey = 'sync.upstreamCatalogVersion';

/**
 * The upstream site source: a child site syncs from its parent's `patchbay serve`, taking only
 * the updates changed since the parent catalog version it last took (spec §2.4: children sync
 * from their parent, incrementally). A parent running a newer schema than this site knows is
 * refused, since its records may carry fields this version would silently drop.
 */
export async function readUpstreamSiteSource(
  location: string,
  sinceVersion: number,
  context: SyncSourceContext,
): Promise<SyncPayload> {
  if (!/^https?:\/\//i.test(location.trim()))
    throw new PermanentJobError(
      `The upstream site location "${location}" is not an http(s) URL of a parent site's patchbay serve.`,
    );
  const base = location.trim().replace(/\/?$/, '/');
  const knownSchemas = new Set(migrations.map((migration) => migration.id));
  const records: UpdateRecord[] = [];
  let afterCiId = 0;
  let pages = 0;
  for (;;) {
    context.signal.throwIfAborted();
    const page = await callParent(base, { sinceVersion, afterCiId, limit: 500 }, context.signal);
    if (pages === 0) {
      if (!knownSchemas.has(page.schemaVersion))
        throw new PermanentJobError(
          `The upstream site ${page.siteCode} at ${base} runs a newer Patchbay (${page.productVersion}, schema ${page.schemaVersion}) than this site; upgrade this site first.`,
        );
      context.log(
        `Synchronizing with parent site ${page.siteCode} at ${base}: its catalog version is ${page.catalogVersion}, this site has ${sinceVersion}`,
      );
    }
    pages += 1;
    records.push(...(page.records as UpdateRecord[]));
    context.progress(records.length, 0);
    if (page.nextAfterCiId === null) {
      const changed = new Set(records.map((record) => record.updateId));
      context.log(
        `Successfully synced site with parent ${page.siteCode}, version ${page.catalogVersion}`,
      );
      return {
        kind: 'snapshot',
        sourceLabel: `Parent site ${page.siteCode} (${base})`,
        records,
        upstreamCatalogVersion: page.catalogVersion,
        unchangedUpdateIds: (page.updateIds ?? []).filter((id) => !changed.has(id)),
      };
    }
    afterCiId = page.nextAfterCiId;
  }
}

async function callParent(
  base: string,
  input: { sinceVersion: number; afterCiId: number; limit: number },
  signal: AbortSignal,
): Promise<CatalogChanges> {
  const url = `${base}api/catalog.changes`;
  const response = await fetchSource(url, signal, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  }).catch((error: unknown) => {
    throw new Error(`The upstream site: ${(error as Error).message}`, { cause: error });
  });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new PermanentJobError(
      `The upstream site ${url} did not answer with JSON (HTTP ${response.status}).`,
    );
  }
  const envelope = body as { ok?: boolean; value?: unknown; error?: { message?: string } };
  if (envelope.ok !== true)
    throw new Error(
      `The upstream site ${url} refused the request: ${envelope.error?.message ?? `HTTP ${response.status}`}`,
    );
  const parsed = CatalogChanges.safeParse(envelope.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PermanentJobError(
      `The upstream site ${url} sent a catalog page this site cannot read: ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  return parsed.data;
}
