import type { Kysely } from 'kysely';
import type { SiteSchema } from '../db/schema-types';
import { severityName, type UpdateRecord } from './update-record';

const pageSize = 1000;

/**
 * Reads the site's catalog back as update records, page by page in ci_id order: what a parent
 * site serves its children and what `patchbay catalog export` writes. `sinceVersion` keeps only
 * updates changed by a later sync, for a child's incremental sync.
 */
export async function readCatalogPage(
  db: Kysely<SiteSchema>,
  options: { sinceVersion: number; afterCiId: number; limit?: number },
): Promise<{ records: UpdateRecord[]; lastCiId: number | null }> {
  const rows = await db
    .selectFrom('software_update as u')
    .innerJoin('update_classification as c', 'c.id', 'u.classification_id')
    .selectAll('u')
    .select('c.name as classification_name')
    .where('u.catalog_version', '>', options.sinceVersion)
    .where('u.ci_id', '>', options.afterCiId)
    .orderBy('u.ci_id')
    .limit(options.limit ?? pageSize)
    .execute();
  if (rows.length === 0) return { records: [], lastCiId: null };
  const ids = rows.map((row) => row.ci_id);
  const [products, languages, cves, supersedes, files] = await Promise.all([
    db
      .selectFrom('software_update_product as sp')
      .innerJoin('product as p', 'p.id', 'sp.product_id')
      .select(['sp.ci_id', 'p.vendor', 'p.family', 'p.name'])
      .where('sp.ci_id', 'in', ids)
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('software_update_language')
      .selectAll()
      .where('ci_id', 'in', ids)
      .orderBy('language_code')
      .execute(),
    db
      .selectFrom('software_update_cve as sc')
      .innerJoin('cve', 'cve.id', 'sc.cve_id')
      .selectAll('cve')
      .select('sc.ci_id')
      .where('sc.ci_id', 'in', ids)
      .orderBy('cve.id')
      .execute(),
    db
      .selectFrom('update_supersedence')
      .selectAll()
      .where('superseding_ci_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db.selectFrom('content_file').selectAll().where('ci_id', 'in', ids).orderBy('id').execute(),
  ]);
  const group = <T extends Record<string, unknown>>(items: T[], key: keyof T) => {
    const map = new Map<number, T[]>();
    for (const item of items) {
      const id = Number(item[key]);
      map.set(id, [...(map.get(id) ?? []), item]);
    }
    return map;
  };
  const productsBy = group(products, 'ci_id');
  const languagesBy = group(languages, 'ci_id');
  const cvesBy = group(cves, 'ci_id');
  const supersedesBy = group(supersedes, 'superseding_ci_id');
  const filesBy = group(files, 'ci_id');
  const records = rows.map((row): UpdateRecord => ({
    updateId: row.update_id,
    revision: row.revision,
    articleId: row.article_id,
    bulletinId: row.bulletin_id,
    title: row.title,
    description: row.description,
    classification: row.classification_name,
    vendor: row.vendor,
    products: (productsBy.get(row.ci_id) ?? []).map((p) => ({
      vendor: p.vendor,
      family: p.family,
      name: p.name,
    })),
    severity: severityName[row.severity] ?? '',
    cves: (cvesBy.get(row.ci_id) ?? []).map((cve) => ({
      id: cve.id,
      title: cve.title,
      severity: cve.severity,
      impact: cve.impact,
      cvssBase: cve.cvss_base,
      cvssVector: cve.cvss_vector,
      isExploited: cve.is_exploited === 1,
      isPubliclyDisclosed: cve.is_publicly_disclosed === 1,
      publishedAt: cve.published_at,
      revisedAt: cve.revised_at,
    })),
    dateReleased: row.date_released,
    dateRevised: row.date_revised,
    size: Number(row.size),
    languages: (languagesBy.get(row.ci_id) ?? []).map((l) => l.language_code),
    supersedes: (supersedesBy.get(row.ci_id) ?? []).map((s) => ({
      updateId: s.superseded_update_id,
      articleId: s.superseded_article_id,
      title: s.superseded_title,
    })),
    restartBehavior: row.restart_behavior,
    architecture: row.architecture,
    informationUrl: row.information_url,
    hasLicenseTerms: row.has_license_terms === 1,
    licenseTerms: row.license_terms,
    contentFiles: (filesBy.get(row.ci_id) ?? []).map((f) => ({
      fileName: f.file_name,
      url: f.url,
      size: Number(f.size),
      sha1: f.sha1,
      sha256: f.sha256,
      language: f.language_code,
    })),
  }));
  return { records, lastCiId: rows[rows.length - 1]!.ci_id };
}

/** Every update id the site has, for a child to tell "unchanged" from "gone". */
export async function readAllUpdateIds(db: Kysely<SiteSchema>): Promise<string[]> {
  const rows = await db
    .selectFrom('software_update')
    .select('update_id')
    .orderBy('update_id')
    .execute();
  return rows.map((row) => row.update_id);
}
