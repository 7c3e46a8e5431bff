import type { SiteHandlers } from '../api/handlers';
import type { SiteDatabase } from '../db/open-database';
import { latestSchemaVersion } from '../db/migrate';
import { readSetting } from '../sync/site-settings-store';
import { catalogVersionKey } from '../sync/sync-job';
import { productVersion } from '../version';
import { readAllUpdateIds, readCatalogPage } from './catalog-reader';

/** The parent side of the upstream-site source. */
export function createCatalogHandlers(deps: {
  database: SiteDatabase;
  siteCode: string;
}): Pick<SiteHandlers, 'catalog.changes'> {
  return {
    'catalog.changes': async ({ sinceVersion, afterCiId, limit }) => {
      const db = deps.database.read;
      const catalogVersion = await readSetting(db, catalogVersionKey, 0);
      const page = await readCatalogPage(db, { sinceVersion, afterCiId, limit });
      const isLast = page.records.length < limit;
      return {
        siteCode: deps.siteCode,
        productVersion,
        schemaVersion: latestSchemaVersion(),
        catalogVersion,
        records: page.records,
        nextAfterCiId: isLast ? null : page.lastCiId,
        updateIds: isLast ? await readAllUpdateIds(db) : null,
      };
    },
  };
}
