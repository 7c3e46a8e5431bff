import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { CatalogManifest } from '../../src/shared/catalog/catalog-bundle';
import type { JoinResult } from './join-sources';
import { wsusClassifications } from './join-sources';
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

/** NOTICE.md: where every record comes from and under which licence. */
export function writeNotice(folder: string, dataFolder: string) {
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
  );
  writeFileSync(join(folder, 'NOTICE.md'), lines.join('\n'));
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
