import type { SoftwareUpdateDetails } from '../../../shared/contract/software-updates';
import { SiteError } from '../../../shared/errors';
import type { SiteDatabase } from '../db/open-database';
import { articleDigits } from './update-criteria-sql';
import { productsOf, rowColumns, toRow, type Row } from './software-update-list';

/** Everything the Properties dialog (§3.7) and the details pane show for one update. */
export async function readSoftwareUpdate(
  site: SiteDatabase,
  ciId: number,
): Promise<SoftwareUpdateDetails> {
  const db = site.read;
  const row = (await db
    .selectFrom('software_update as u')
    .innerJoin('update_classification as c', 'c.id', 'u.classification_id')
    .innerJoin('update_compliance_summary as s', 's.ci_id', 'u.ci_id')
    .selectAll('u')
    .select(rowColumns)
    .where('u.ci_id', '=', ciId)
    .executeTakeFirst()) as Row | undefined;
  if (!row) throw new SiteError('not-found', `Software update ${ciId} does not exist.`);
  const [products, languages, cves, supersedes, supersededBy, files] = await Promise.all([
    productsOf(site, [ciId]),
    db
      .selectFrom('software_update_language')
      .select('language_code')
      .where('ci_id', '=', ciId)
      .execute(),
    db
      .selectFrom('software_update_cve as sc')
      .innerJoin('cve', 'cve.id', 'sc.cve_id')
      .selectAll('cve')
      .where('sc.ci_id', '=', ciId)
      .orderBy('cve.id')
      .execute(),
    db
      .selectFrom('update_supersedence as link')
      .leftJoin('software_update as old', (join) =>
        join.on((eb) =>
          eb.or([
            eb('old.update_id', '=', eb.ref('link.superseded_update_id')),
            eb.and([
              eb('link.superseded_update_id', 'is', null),
              eb('old.article_id', '=', eb.ref('link.superseded_article_id')),
            ]),
          ]),
        ),
      )
      .select([
        'link.superseded_article_id',
        'link.superseded_title',
        'old.ci_id',
        'old.title',
        'old.article_id',
      ])
      .where('link.superseding_ci_id', '=', ciId)
      .execute(),
    db
      .selectFrom('update_supersedence as link')
      .innerJoin('software_update as newer', 'newer.ci_id', 'link.superseding_ci_id')
      .select(['newer.ci_id', 'newer.title', 'newer.article_id'])
      .where((eb) =>
        eb.or([
          eb('link.superseded_update_id', '=', row.update_id),
          eb.and([
            eb('link.superseded_update_id', 'is', null),
            eb('link.superseded_article_id', '=', articleDigits(row.article_id)),
          ]),
        ]),
      )
      .execute(),
    db.selectFrom('content_file').selectAll().where('ci_id', '=', ciId).orderBy('id').execute(),
  ]);
  return {
    ...toRow(row, products.get(ciId) ?? ''),
    description: row.description,
    informationUrl: row.information_url,
    restartBehavior: row.restart_behavior,
    architecture: row.architecture,
    languages: languages.map((l) => l.language_code),
    licenseTerms: row.license_terms,
    cves: cves.map((cve) => ({
      id: cve.id,
      title: cve.title,
      severity: cve.severity,
      impact: cve.impact,
      cvssBase: cve.cvss_base,
      isExploited: cve.is_exploited === 1,
      isPubliclyDisclosed: cve.is_publicly_disclosed === 1,
    })),
    supersedes: supersedes.map((link) => ({
      articleId: link.article_id ?? link.superseded_article_id ?? '',
      title: link.title ?? link.superseded_title,
      ciId: link.ci_id ?? null,
    })),
    supersededBy: supersededBy.map((newer) => ({
      articleId: newer.article_id,
      title: newer.title,
      ciId: newer.ci_id,
    })),
    contentFiles: files.map((file) => ({
      fileName: file.file_name,
      url: file.url,
      size: Number(file.size),
      sha1: file.sha1,
      sha256: file.sha256,
      language: file.language_code,
    })),
    summarizedAt: row.summarized_at,
  };
}
