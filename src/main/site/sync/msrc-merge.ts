import type { Transaction } from 'kysely';
import type { SiteSchema } from '../db/schema-types';
import { upsertCves } from '../catalog/catalog-writer';
import { severityValue } from '../catalog/update-record';
import type { MsrcRemediation } from './sync-payload';

/** KB numbers compare as digits: MSRC writes "5034441", catalogs "KB5034441". */
export function articleDigits(articleId: string): string {
  return articleId.replace(/^kb/i, '').trim();
}

/**
 * Merges MSRC security data onto the updates of the site's catalog that carry the same KB:
 * MSRC severity, CVEs, supersedence by KB and restart behaviour. MSRC documents know nothing of
 * update GUIDs, sizes or files, so a KB the catalog lacks is counted and left alone.
 */
export async function mergeMsrcRemediations(
  trx: Transaction<SiteSchema>,
  remediations: MsrcRemediation[],
  now: string,
  catalogVersion: number,
): Promise<{ changed: number; notInCatalog: number }> {
  const byArticle = new Map<string, number[]>();
  for (const row of await trx
    .selectFrom('software_update')
    .select(['ci_id', 'article_id'])
    .execute()) {
    const key = articleDigits(row.article_id);
    byArticle.set(key, [...(byArticle.get(key) ?? []), row.ci_id]);
  }
  await upsertCves(
    trx,
    remediations.map((remediation) => ({ cves: remediation.cves })),
  );
  let changed = 0;
  let notInCatalog = 0;
  for (const remediation of remediations) {
    const ciIds = byArticle.get(articleDigits(remediation.articleId));
    if (!ciIds) {
      notInCatalog += 1;
      continue;
    }
    changed += ciIds.length;
    const values: Record<string, string | number> = {
      date_last_modified: now,
      catalog_version: catalogVersion,
    };
    if (remediation.severity) values.severity = severityValue[remediation.severity] ?? 0;
    if (remediation.restartBehavior) values.restart_behavior = remediation.restartBehavior;
    await trx.updateTable('software_update').set(values).where('ci_id', 'in', ciIds).execute();
    const links = ciIds.flatMap((ciId) =>
      remediation.cves.map((cve) => ({ ci_id: ciId, cve_id: cve.id })),
    );
    if (links.length > 0)
      await trx
        .insertInto('software_update_cve')
        .values(links)
        .onConflict((conflict) => conflict.columns(['ci_id', 'cve_id']).doNothing())
        .execute();
    for (const ciId of ciIds) {
      const known = new Set(
        (
          await trx
            .selectFrom('update_supersedence')
            .select('superseded_article_id')
            .where('superseding_ci_id', '=', ciId)
            .execute()
        ).map((row) => articleDigits(row.superseded_article_id ?? '')),
      );
      const added = remediation.supersedesArticleIds
        .map(articleDigits)
        .filter((kb) => kb !== '' && !known.has(kb));
      if (added.length > 0)
        await trx
          .insertInto('update_supersedence')
          .values(
            added.map((kb) => ({
              superseding_ci_id: ciId,
              superseded_update_id: null,
              superseded_article_id: kb,
              superseded_title: `KB${kb}`,
            })),
          )
          .execute();
    }
  }
  return { changed, notInCatalog };
}
