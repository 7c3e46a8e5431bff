import { sql, type Transaction } from 'kysely';
import type { SiteSchema } from '../db/schema-types';
import { recordHash } from './record-hash';
import { productId, severityValue, type UpdateRecord } from './update-record';

export interface CatalogWriteResult {
  added: number;
  changed: number;
  unchanged: number;
  /** Updates no longer in the source: removed, or expired where something still uses them. */
  removed: number;
  expiredMissing: number;
}

const batchSize = 1000;

/**
 * Writes a full catalog snapshot into the site database inside the caller's transaction, so a
 * failure anywhere leaves the catalog exactly as it was. Unchanged updates (same record hash) are
 * skipped unless `isFull`. Content file rows keep their ids when their file is unchanged, because
 * deployment packages point at them.
 */
export async function writeCatalog(
  trx: Transaction<SiteSchema>,
  records: UpdateRecord[],
  options: {
    isFull: boolean;
    now: string;
    catalogVersion: number;
    classificationIds: Map<string, string>;
    maxRuntimeFor: (r: UpdateRecord) => number;
    /** Updates the source still has but did not resend (an incremental upstream sync). */
    keepUpdateIds?: ReadonlySet<string>;
  },
  onProgress: (done: number, total: number) => void,
): Promise<CatalogWriteResult> {
  const existing = new Map<string, { ciId: number; hash: string }>();
  for (const row of await trx
    .selectFrom('software_update')
    .select(['ci_id', 'update_id', 'record_hash'])
    // The demo updates come from the demo content source, not from any sync source: a sync
    // neither removes nor expires them.
    .where('source', '!=', 'demo-content')
    .execute()) {
    existing.set(row.update_id, { ciId: row.ci_id, hash: row.record_hash });
  }
  await upsertProducts(trx, records, options.now);
  await upsertCves(trx, records);

  const result: CatalogWriteResult = {
    added: 0,
    changed: 0,
    unchanged: 0,
    removed: 0,
    expiredMissing: 0,
  };
  const pending: Array<{ record: UpdateRecord; hash: string; ciId: number | null }> = [];
  const seen = new Set<string>();
  for (const record of records) {
    seen.add(record.updateId);
    const hash = recordHash(record);
    const before = existing.get(record.updateId);
    if (before && before.hash === hash && !options.isFull) result.unchanged += 1;
    else pending.push({ record, hash, ciId: before?.ciId ?? null });
  }

  let done = result.unchanged;
  for (let start = 0; start < pending.length; start += batchSize) {
    const batch = pending.slice(start, start + batchSize);
    const rows = batch.map(({ record, hash }) => ({
      update_id: record.updateId,
      revision: record.revision,
      article_id: record.articleId,
      bulletin_id: record.bulletinId,
      title: record.title,
      description: record.description,
      classification_id: options.classificationIds.get(record.classification)!,
      vendor: record.vendor,
      severity: severityValue[record.severity] ?? 0,
      date_released: record.dateReleased,
      date_revised: record.dateRevised,
      date_created: options.now,
      date_last_modified: options.now,
      size: record.size,
      architecture: record.architecture,
      restart_behavior: record.restartBehavior,
      information_url: record.informationUrl,
      max_execution_minutes: options.maxRuntimeFor(record),
      is_metadata_only: record.contentFiles.length === 0 ? 1 : 0,
      has_license_terms: record.hasLicenseTerms ? 1 : 0,
      license_terms: record.licenseTerms,
      catalog_version: options.catalogVersion,
      record_hash: hash,
    }));
    const written = await trx
      .insertInto('software_update')
      .values(rows)
      .onConflict((conflict) =>
        conflict.column('update_id').doUpdateSet((eb) => ({
          revision: eb.ref('excluded.revision'),
          article_id: eb.ref('excluded.article_id'),
          bulletin_id: eb.ref('excluded.bulletin_id'),
          title: eb.ref('excluded.title'),
          description: eb.ref('excluded.description'),
          classification_id: eb.ref('excluded.classification_id'),
          vendor: eb.ref('excluded.vendor'),
          severity: eb.ref('excluded.severity'),
          date_released: eb.ref('excluded.date_released'),
          date_revised: eb.ref('excluded.date_revised'),
          date_last_modified: eb.ref('excluded.date_last_modified'),
          size: eb.ref('excluded.size'),
          architecture: eb.ref('excluded.architecture'),
          restart_behavior: eb.ref('excluded.restart_behavior'),
          information_url: eb.ref('excluded.information_url'),
          is_metadata_only: eb.ref('excluded.is_metadata_only'),
          has_license_terms: eb.ref('excluded.has_license_terms'),
          license_terms: eb.ref('excluded.license_terms'),
          catalog_version: eb.ref('excluded.catalog_version'),
          record_hash: eb.ref('excluded.record_hash'),
          // A revision that comes back from the source is no longer expired for being missing.
          is_expired: 0,
          expired_at: null,
        })),
      )
      .returning(['ci_id', 'update_id'])
      .execute();
    const ciIds = new Map(written.map((row) => [row.update_id, row.ci_id]));
    // Only updates that existed before have children to replace; a first import skips the
    // deletes and lookups entirely (half the statements of a batch).
    const existingIds: number[] = [];
    for (const item of batch) {
      if (item.ciId === null) result.added += 1;
      else {
        result.changed += 1;
        existingIds.push(item.ciId);
      }
      item.ciId = ciIds.get(item.record.updateId)!;
    }
    await replaceChildren(trx, batch as Array<{ record: UpdateRecord; ciId: number }>, existingIds);
    // Every listed update has a compliance row (zeros until clients report), so the list joins
    // it without NULLs and sorts Required or Percent Compliant through an index.
    await trx
      .insertInto('update_compliance_summary')
      .values(batch.map((item) => ({ ci_id: item.ciId! })))
      .onConflict((conflict) => conflict.column('ci_id').doNothing())
      .execute();
    done += batch.length;
    onProgress(done, records.length);
    // better-sqlite3 answers synchronously, so a run of awaits never reaches the event loop:
    // yield after each batch so consoles' requests (lists, Cancel) are served meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
  }

  const missing = [...existing.entries()]
    .filter(([updateId]) => !seen.has(updateId) && !options.keepUpdateIds?.has(updateId))
    .map(([, value]) => value.ciId);
  for (let start = 0; start < missing.length; start += batchSize) {
    const ids = missing.slice(start, start + batchSize);
    const referenced = new Set(
      (
        await sql<{ ci_id: number }>`
          SELECT ci_id FROM software_update_group_member WHERE ci_id IN (${sql.join(ids)})
          UNION SELECT ci_id FROM deployment_update WHERE ci_id IN (${sql.join(ids)})
          UNION SELECT ci_id FROM deployment_package_content WHERE ci_id IN (${sql.join(ids)})`.execute(
          trx,
        )
      ).rows.map((row) => Number(row.ci_id)),
    );
    const expire = ids.filter((id) => referenced.has(id));
    const remove = ids.filter((id) => !referenced.has(id));
    if (expire.length > 0) {
      await trx
        .updateTable('software_update')
        .set({ is_expired: 1, expired_at: options.now })
        .where('ci_id', 'in', expire)
        .where('is_expired', '=', 0)
        .execute();
    }
    if (remove.length > 0)
      await trx.deleteFrom('software_update').where('ci_id', 'in', remove).execute();
    result.expiredMissing += expire.length;
    result.removed += remove.length;
  }
  return result;
}

export async function upsertProducts(
  trx: Transaction<SiteSchema>,
  records: Array<Pick<UpdateRecord, 'products'>>,
  now: string,
) {
  const products = new Map<string, { vendor: string; family: string; name: string }>();
  for (const record of records)
    for (const product of record.products) products.set(productId(product), product);
  const rows = [...products].map(([id, p]) => ({
    id,
    vendor: p.vendor,
    family: p.family,
    name: p.name,
    first_seen_at: now,
  }));
  for (let start = 0; start < rows.length; start += batchSize) {
    await trx
      .insertInto('product')
      .values(rows.slice(start, start + batchSize))
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }
}

export async function upsertCves(
  trx: Transaction<SiteSchema>,
  records: Array<Pick<UpdateRecord, 'cves'>>,
) {
  const cves = new Map<string, UpdateRecord['cves'][number]>();
  for (const record of records) for (const cve of record.cves) cves.set(cve.id, cve);
  const rows = [...cves.values()].map((cve) => ({
    id: cve.id,
    title: cve.title,
    severity: cve.severity,
    impact: cve.impact,
    cvss_base: cve.cvssBase,
    cvss_vector: cve.cvssVector,
    is_exploited: cve.isExploited ? 1 : 0,
    is_publicly_disclosed: cve.isPubliclyDisclosed ? 1 : 0,
    published_at: cve.publishedAt,
    revised_at: cve.revisedAt,
  }));
  for (let start = 0; start < rows.length; start += batchSize) {
    await trx
      .insertInto('cve')
      .values(rows.slice(start, start + batchSize))
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          severity: eb.ref('excluded.severity'),
          impact: eb.ref('excluded.impact'),
          cvss_base: eb.ref('excluded.cvss_base'),
          cvss_vector: eb.ref('excluded.cvss_vector'),
          is_exploited: eb.ref('excluded.is_exploited'),
          is_publicly_disclosed: eb.ref('excluded.is_publicly_disclosed'),
          revised_at: eb.ref('excluded.revised_at'),
        })),
      )
      .execute();
  }
}

/** Products, languages, CVEs and supersedence of changed updates are replaced wholesale. */
async function replaceChildren(
  trx: Transaction<SiteSchema>,
  batch: Array<{ record: UpdateRecord; ciId: number }>,
  existingIds: number[],
) {
  if (existingIds.length > 0) {
    for (const table of [
      'software_update_product',
      'software_update_language',
      'software_update_cve',
    ] as const) {
      await trx.deleteFrom(table).where('ci_id', 'in', existingIds).execute();
    }
    await trx
      .deleteFrom('update_supersedence')
      .where('superseding_ci_id', 'in', existingIds)
      .execute();
  }
  const products = batch.flatMap(({ record, ciId }) =>
    [...new Set(record.products.map(productId))].map((product_id) => ({ ci_id: ciId, product_id })),
  );
  const languages = batch.flatMap(({ record, ciId }) =>
    [...new Set(record.languages)].map((language_code) => ({ ci_id: ciId, language_code })),
  );
  const cves = batch.flatMap(({ record, ciId }) =>
    [...new Set(record.cves.map((cve) => cve.id))].map((cve_id) => ({ ci_id: ciId, cve_id })),
  );
  const supersedes = batch.flatMap(({ record, ciId }) =>
    record.supersedes.map((s) => ({
      superseding_ci_id: ciId,
      superseded_update_id: s.updateId,
      superseded_article_id: s.articleId,
      superseded_title: s.title,
    })),
  );
  await insertChunked(trx, 'software_update_product', products);
  await insertChunked(trx, 'software_update_language', languages);
  await insertChunked(trx, 'software_update_cve', cves);
  await insertChunked(trx, 'update_supersedence', supersedes);
  await syncContentFiles(trx, batch, existingIds);
}

async function syncContentFiles(
  trx: Transaction<SiteSchema>,
  batch: Array<{ record: UpdateRecord; ciId: number }>,
  existingIds: number[],
) {
  const current =
    existingIds.length === 0
      ? []
      : await trx
          .selectFrom('content_file')
          .select(['id', 'ci_id', 'file_name', 'sha1', 'url'])
          .where('ci_id', 'in', existingIds)
          .execute();
  const byKey = new Map(
    current.map((row) => [`${row.ci_id}|${row.file_name}|${row.sha1}|${row.url}`, row.id]),
  );
  const keep = new Set<number>();
  const inserts: Array<Record<string, unknown>> = [];
  for (const { record, ciId } of batch) {
    for (const file of record.contentFiles) {
      const id = byKey.get(`${ciId}|${file.fileName}|${file.sha1}|${file.url}`);
      if (id !== undefined) {
        keep.add(id);
        continue;
      }
      inserts.push({
        ci_id: ciId,
        file_name: file.fileName,
        url: file.url,
        size: file.size,
        sha1: file.sha1,
        sha256: file.sha256,
        language_code: file.language,
      });
    }
  }
  const stale = current.filter((row) => !keep.has(row.id)).map((row) => row.id);
  if (stale.length > 0) {
    // A file still held by a package stays (the package's copy is the content); others go.
    const held = new Set(
      (
        await trx
          .selectFrom('deployment_package_content')
          .select('content_file_id')
          .where('content_file_id', 'in', stale)
          .execute()
      ).map((row) => row.content_file_id),
    );
    const removable = stale.filter((id) => !held.has(id));
    if (removable.length > 0)
      await trx.deleteFrom('content_file').where('id', 'in', removable).execute();
  }
  await insertChunked(trx, 'content_file', inserts);
}

async function insertChunked<T extends keyof SiteSchema>(
  trx: Transaction<SiteSchema>,
  table: T,
  rows: unknown[],
) {
  for (let start = 0; start < rows.length; start += batchSize) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + batchSize) as never)
      .execute();
  }
}
