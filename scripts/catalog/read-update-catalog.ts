import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ContentFileRecord } from '../../src/main/site/catalog/update-record';
import { languageOfFile, languagesFromCatalog } from './languages';
import { compareText, familyOfCatalogProduct } from './products';
import { addTo, isoDate } from './source-values';

/** One update of the 2019 Microsoft Update Catalog scrape (kbupdate's kb.sqlite). */
export interface CatalogUpdate {
  updateId: string;
  /** '' for most drivers, which the Catalog lists without a KB. */
  articleId: string;
  bulletinId: string;
  title: string;
  description: string;
  classification: string;
  severity: string;
  family: string;
  productName: string;
  architecture: string;
  languages: string[];
  dateReleased: string;
  /** Bytes, from the Catalog's rounded "280.7 MB"; the Catalog gives no per-file size. */
  size: number;
  restartBehavior: string;
  files: ContentFileRecord[];
  supersedes: Array<{ articleId: string; title: string }>;
  supersededBy: Array<{ articleId: string; title: string }>;
}

interface KbRow {
  UpdateId: string;
  Title: string;
  Id: number | null;
  Architecture: string | null;
  Language: string | null;
  Description: string | null;
  LastModified: string | null;
  Size: string | null;
  Classification: string | null;
  SupportedProducts: string | null;
  MSRCNumber: string | null;
  MSRCSeverity: string | null;
  RebootBehavior: string | null;
}

/**
 * Reads `kbupdate/kb.sqlite`. GUIDs are compared in lower case: the Kb table writes them so,
 * the Link and Supersedes tables mostly in upper case.
 */
export function readUpdateCatalog(dataFolder: string): CatalogUpdate[] {
  const db = new Database(join(dataFolder, 'kbupdate', 'kb.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const links = new Map<string, string[]>();
    for (const row of db.prepare('SELECT UpdateId, Link FROM Link').all() as Array<{
      UpdateId: string;
      Link: string | null;
    }>)
      if (row.Link) addTo(links, row.UpdateId.toLowerCase(), row.Link);
    const supersedes = linksOf(db, 'Supersedes');
    const supersededBy = linksOf(db, 'SupersededBy');
    const rows = db.prepare('SELECT * FROM Kb').all() as KbRow[];
    return rows.map((row) => {
      const updateId = row.UpdateId.toLowerCase();
      const productName = (row.SupportedProducts ?? '').replace(/\s+/g, ' ').trim();
      return {
        updateId,
        articleId: row.Id === null ? '' : String(row.Id),
        // "MS00-000" is the Catalog's placeholder for "no bulletin".
        bulletinId: row.MSRCNumber && row.MSRCNumber !== 'MS00-000' ? row.MSRCNumber : '',
        title: row.Title.trim(),
        description: (row.Description ?? '').trim(),
        classification: row.Classification ?? '',
        severity: ['Critical', 'Important', 'Moderate', 'Low'].includes(row.MSRCSeverity ?? '')
          ? (row.MSRCSeverity as string)
          : '',
        family: familyOfCatalogProduct(productName),
        productName,
        architecture: architectureOf(row.Architecture),
        languages: languagesFromCatalog(row.Language),
        dateReleased: isoDate(row.LastModified),
        size: bytesOf(row.Size),
        restartBehavior: row.RebootBehavior ?? '',
        files: filesOf(links.get(updateId) ?? []),
        supersedes: supersedes.get(updateId) ?? [],
        supersededBy: supersededBy.get(updateId) ?? [],
      };
    });
  } finally {
    db.close();
  }
}

function linksOf(
  db: Database.Database,
  table: 'Supersedes' | 'SupersededBy',
): Map<string, Array<{ articleId: string; title: string }>> {
  const byUpdate = new Map<string, Array<{ articleId: string; title: string }>>();
  const rows = db.prepare(`SELECT UpdateId, Kb, Description FROM ${table}`).all() as Array<{
    UpdateId: string;
    Kb: number | null;
    Description: string | null;
  }>;
  for (const row of rows) {
    if (row.Kb === null) continue;
    addTo(byUpdate, row.UpdateId.toLowerCase(), {
      articleId: String(row.Kb),
      title: (row.Description ?? '').trim() || `KB${row.Kb}`,
    });
  }
  return byUpdate;
}

const architectureNames: Record<string, string> = {
  x86: 'x86',
  amd64: 'x64',
  x64: 'x64',
  ia64: 'ia64',
  arm: 'arm',
  arm64: 'arm64',
};

/** "IA64_AMD64_X86_ARM_ARM64" → "ia64, x64, x86, arm, arm64"; anything else is kept as written. */
function architectureOf(value: string | null): string {
  const parts = (value ?? '').split('_').map((part) => architectureNames[part.toLowerCase()]);
  return parts.every((part) => part !== undefined) ? parts.join(', ') : (value ?? '').trim();
}

const unitBytes: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

function bytesOf(value: string | null): number {
  const match = /^([\d.]+)\s*(B|KB|MB|GB)$/i.exec((value ?? '').trim());
  if (!match) return 0;
  return Math.round(Number(match[1]) * (unitBytes[(match[2] ?? 'B').toUpperCase()] ?? 1));
}

/**
 * Download links carry the file's SHA-1 before the extension
 * (`windows10.0-kb4507435-x64_644e…5af.msu`); the WSUS file name is the link name without it.
 */
function filesOf(urls: string[]): ContentFileRecord[] {
  const files = new Map<string, ContentFileRecord>();
  for (const url of urls) {
    const name = decodeURIComponent(url.split('/').at(-1) ?? '');
    const match = /^(.*)_([0-9a-f]{40})(\.[^.]+)$/i.exec(name);
    const fileName = match ? `${match[1]}${match[3]}` : name;
    const sha1 = (match?.[2] ?? '').toLowerCase();
    const file = { fileName, url, size: 0, sha1, sha256: '', language: languageOfFile(fileName) };
    const key = sha1 || url;
    const known = files.get(key);
    if (!known || compareText(url, known.url) < 0) files.set(key, file);
  }
  return [...files.values()].sort(
    (a, b) => compareText(a.fileName, b.fileName) || compareText(a.url, b.url),
  );
}
