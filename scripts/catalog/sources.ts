import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The three public sources of the bundled catalog, as ../shared/data/README.md and
 * msrc-cvrf/MANIFEST.tsv record them. NOTICE.md is written from this list; `checkSources` fails
 * the build when the data folder no longer names these commits, so the notice cannot go stale.
 */
export interface CatalogSource {
  name: string;
  folder: string;
  upstream: string;
  commit: string;
  snapshot: string;
  licence: string;
  content: string;
  /** Files whose SHA-256 the notice records, relative to the data folder. */
  files: string[];
}

export const catalogSources: CatalogSource[] = [
  {
    name: 'OSDSUS (WSUS update exports)',
    folder: 'osdsus',
    upstream: 'https://github.com/OSDeploy/OSDSUS',
    commit: 'f46068ce583f93d8ddb3745735c6bfa73cd6c123',
    snapshot: '2024-09-13 (HEAD commit); union of all 242 commits of Catalogs/** in its history',
    licence: 'MIT, © 2023 David Segura',
    content:
      'WSUS update objects exported from a live WSUS server: update GUID, KB, title, classification, MSRC severity, bulletin, product, dates, payload file names, sizes, URLs, SHA-1 and SHA-256.',
    files: ['osdsus/osdsus_wsus_update_files.csv'],
  },
  {
    name: 'MSRC CVRF documents (Security Update Guide)',
    folder: 'msrc-cvrf',
    upstream:
      'https://api.msrc.microsoft.com/cvrf/v3.0/cvrf/<month>, as archived by https://github.com/MaineK00n/msrc-cvrf-watch',
    commit: 'f77acd595513b1df29c140ceca1b6106ae21ea24',
    snapshot: '2026-07-06 (archive folder data/20260706T222806Z)',
    licence:
      "The archive repository has no licence file; the content is Microsoft's MSRC API output, under Microsoft's terms of use.",
    content:
      'CVEs with title, per-product severity, impact, exploit status, CVSS scores and revision history; vendor-fix KBs with supersedence and restart requirement.',
    files: ['msrc-cvrf/raw/index.json'],
  },
  {
    name: 'kbupdate (Microsoft Update Catalog scrape)',
    folder: 'kbupdate',
    upstream: 'https://github.com/potatoqualitee/kbupdate (library/db/kb.sqlite)',
    commit: '8cde6056e89807a0d2935956b48e0019723c7d8b',
    snapshot:
      '2019-08-12 (scraped July–August 2019; blob 612dfe478e44abebed51a41b9fdebb23496ad3dd)',
    licence: 'MIT, © 2019 Chrissy LeMaire',
    content:
      'Update Catalog pages: GUIDs, titles, classifications (including Drivers and Definition Updates), languages, size, restart behaviour, download links and supersedence.',
    files: ['kbupdate/kb.sqlite'],
  },
];

export function checkSources(dataFolder: string) {
  const readme = readFileSync(join(dataFolder, 'README.md'), 'utf8');
  const manifest = readFileSync(join(dataFolder, 'msrc-cvrf', 'MANIFEST.tsv'), 'utf8');
  for (const source of catalogSources)
    if (!readme.includes(source.commit))
      throw new Error(
        `${dataFolder}/README.md no longer names ${source.name} commit ${source.commit}; update scripts/catalog/sources.ts.`,
      );
  if (!manifest.includes('data/20260706T222806Z/'))
    throw new Error(
      'msrc-cvrf/MANIFEST.tsv names a different snapshot; update scripts/catalog/sources.ts.',
    );
}

export function sha256OfFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
