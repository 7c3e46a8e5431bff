import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { CatalogManifest } from '../../src/shared/catalog/catalog-bundle';
import type { DateDisagreement, JoinResult } from './join-sources';
import { titleMonthTolerance, wsusClassifications } from './join-sources';
import { compareText } from './products';
import { catalogSources, sha256OfFile } from './sources';

/** COUNTS.md: what the bundle holds, for the release note and for review of a rebuild's diff. */
export function writeCounts(folder: string, joined: JoinResult, manifest: CatalogManifest) {
  const records = joined.records;
  const byClassification = new Map(wsusClassifications.map((name) => [name, 0]));
  for (const record of records)
    byClassification.set(
      record.classification,
      (byClassification.get(record.classification) ?? 0) + 1,
    );
  const byFamily = tally(records, (record) => [
    ...new Set(record.products.map((product) => product.family)),
  ]);
  const byProduct = tally(records, (record) => [
    ...new Set(record.products.map((product) => `${product.family} > ${product.name}`)),
  ]);
  const bytes = manifest.parts.reduce((total, part) => total + part.bytes, 0);
  const lines = [
    '# Bundled catalog: counts',
    '',
    'Written by `npm run catalog:build`; do not edit. An update counts once in each product family and product it applies to.',
    '',
    '| | |',
    '|---|---|',
    `| Updates (one revision each) | ${records.length} |`,
    `| Content files | ${manifest.counts.contentFiles} |`,
    `| Distinct CVEs and advisories | ${manifest.counts.cves} |`,
    `| Updates with at least one CVE | ${records.filter((record) => record.cves.length > 0).length} |`,
    `| Supersedence links | ${records.reduce((total, record) => total + record.supersedes.length, 0)} |`,
    `| From the WSUS exports / the Update Catalog | ${joined.wsusUpdates} / ${joined.catalogUpdates} |`,
    `| MSRC KBs left out (no update GUID in any source) | ${joined.msrcOnlyArticles} |`,
    `| Release dates corrected from MSRC (see NOTICE.md) | ${joined.dateDisagreements.filter((entry) => entry.decision === 'msrc').length} |`,
    `| Supersedence links dropped or narrowed as backwards in time | ${joined.changedLinks.length} |`,
    `| Catalog date (newest revision) | ${manifest.createdAt} |`,
    `| Bundle size | ${bytes} bytes in ${manifest.parts.length} parts |`,
    '',
    '## Per classification',
    '',
    ...table(['Classification', 'Updates'], [...byClassification]),
    '',
    '## Per product family',
    '',
    ...table(['Product family', 'Updates'], byFamily),
    '',
    '## Per product',
    '',
    ...table(['Product', 'Updates'], byProduct),
    '',
  ];
  writeFileSync(join(folder, 'COUNTS.md'), lines.join('\n'));
}

/** NOTICE.md: where every record comes from, under which licence, and what the build decided. */
export function writeNotice(folder: string, dataFolder: string, joined: JoinResult) {
  const lines = [
    '# Bundled catalog: sources and licences',
    '',
    'Written by `npm run catalog:build`. Every record in this bundle is public Microsoft update metadata; nothing is synthetic. The repositories below only collected it.',
    '',
  ];
  for (const source of catalogSources) {
    lines.push(`## ${source.name}`, '');
    lines.push(`- Upstream: ${source.upstream}`);
    lines.push(`- Commit: \`${source.commit}\``);
    lines.push(`- Snapshot: ${source.snapshot}`);
    lines.push(`- Licence: ${source.licence}`);
    lines.push(`- Content used: ${source.content}`);
    for (const file of source.files)
      lines.push(`- SHA-256 of \`${file}\` as read: \`${sha256OfFile(join(dataFolder, file))}\``);
    lines.push('');
  }
  lines.push(
    "WSUS classification names and the product tree follow Microsoft's WSUS category vocabulary. Microsoft, Windows and Office are trademarks of the Microsoft group of companies.",
    '',
    ...dateNotes(joined),
  );
  writeFileSync(join(folder, 'NOTICE.md'), lines.join('\n'));
}

const decisionText: Record<DateDisagreement['decision'], string> = {
  msrc: 'MSRC date taken',
  'title-agrees-with-source': 'kept: the title month agrees with the update date',
  source: 'kept: no MSRC date to prefer',
};

/** The date disagreements the build resolved and the supersedence links it changed. */
function dateNotes(joined: JoinResult): string[] {
  const day = (date: string | null) => (date ? date.slice(0, 10) : '—');
  const disagreements = joined.dateDisagreements;
  const corrected = disagreements.filter((entry) => entry.decision === 'msrc');
  const lines = [
    '## Release dates where the sources disagree',
    '',
    `The rules are in \`scripts/catalog/release-dates.ts\`: where an update's own date (WSUS, else the Update Catalog) and MSRC's release date of its KB fall in different months, MSRC's wins, unless the update's title names a month that sides with its own date. Updates whose title month is more than ${titleMonthTolerance} months from their date are listed too. ${corrected.length} release dates were corrected (${new Set(corrected.map((entry) => `KB${entry.articleId}`)).size} KBs), ${disagreements.length - corrected.length} kept.`,
    '',
    '| KB | Update | Title | Update date | MSRC date | Date Released | Decision |',
    '|---|---|---|---|---|---|---|',
    ...disagreements.map(
      (entry) =>
        `| KB${entry.articleId} | \`${entry.updateId}\` | ${entry.title.replaceAll('|', '\\|')} | ${day(entry.sourceReleased)} | ${day(entry.msrcReleased)} | ${day(entry.dateReleased)} | ${decisionText[entry.decision]} |`,
    ),
    '',
    '## Supersedence links that ran backwards in time',
    '',
    `An update never supersedes one released after it. ${joined.changedLinks.length} links reached a later update after the dates above were settled; each was dropped, or (a link to a whole KB) narrowed to that KB's updates that are not later. None is reversed: no source says the older update replaces the newer.`,
    '',
  ];
  if (joined.changedLinks.length > 0)
    lines.push(
      '| Superseding update | Released | Link | Later updates it reached | Now |',
      '|---|---|---|---|---|',
      ...joined.changedLinks.map(
        (change) =>
          `| KB${change.articleId} \`${change.updateId}\` | ${day(change.dateReleased)} | ${change.link.updateId ? `\`${change.link.updateId}\`` : `KB${change.link.articleId}`} | ${change.later.map((old) => `KB${old.articleId} \`${old.updateId}\` (${day(old.dateReleased)})`).join(', ')} | ${change.kept.length === 0 ? 'dropped' : `narrowed to ${change.kept.map((link) => `\`${link.updateId}\``).join(', ')}`} |`,
      ),
      '',
    );
  return lines;
}

function tally(
  records: UpdateRecord[],
  keysOf: (record: UpdateRecord) => string[],
): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const record of records)
    for (const key of keysOf(record)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => compareText(a, b));
}

function table(header: [string, string], rows: Array<[string, number]>): string[] {
  return [
    `| ${header[0]} | ${header[1]} |`,
    '|---|---:|',
    ...rows.map(([name, count]) => `| ${name} | ${count} |`),
  ];
}
