import { resolve } from 'node:path';
import type { SiteDatabase } from '../db/open-database';
import { writeCatalogBundle } from './bundle/write-catalog-bundle';
import { readCatalogPage } from './catalog-reader';
import type { UpdateRecord } from './update-record';

/**
 * `patchbay catalog export`: the site's catalog as a bundle another (disconnected) site can
 * synchronize from — the WSUSUtil export/import workflow of spec §2.3.1.
 */
export async function exportCatalog(
  site: SiteDatabase,
  folder: string,
  siteCode: string,
): Promise<{ folder: string; updates: number; parts: number }> {
  const records: UpdateRecord[] = [];
  let afterCiId = 0;
  for (;;) {
    const page = await readCatalogPage(site.db, { sinceVersion: -1, afterCiId, limit: 1000 });
    records.push(...page.records);
    if (page.lastCiId === null || page.records.length < 1000) break;
    afterCiId = page.lastCiId;
  }
  // Stable bytes for the same catalog: sorted by update id, stamped with the newest revision.
  records.sort((a, b) => a.updateId.localeCompare(b.updateId));
  const createdAt = records.reduce(
    (latest, record) => (record.dateRevised > latest ? record.dateRevised : latest),
    '1970-01-01T00:00:00.000Z',
  );
  const target = resolve(folder);
  const manifest = writeCatalogBundle(target, records, { createdAt, sourceSite: siteCode });
  return { folder: target, updates: records.length, parts: manifest.parts.length };
}
