import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFileRecord } from '../../src/main/site/catalog/update-record';
import { languageOfFile } from './languages';
import { parseCsv } from './parse-csv';
import { compareText, splitWsusProducts } from './products';
import { addTo, isoDate } from './source-values';

/** One WSUS update (GUID) as the OSDSUS exports describe it, at its latest revision. */
export interface WsusUpdate {
  updateId: string;
  /** How many distinct revisions (KB + creation date) the export history holds for the GUID. */
  revisions: number;
  articleId: string;
  bulletinId: string;
  title: string;
  description: string;
  classification: string;
  /** WSUS `MsrcSeverity`; '' for Unspecified. */
  severity: string;
  family: string;
  productNames: string[];
  architecture: string;
  informationUrl: string;
  dateReleased: string;
  dateRevised: string;
  files: ContentFileRecord[];
}

type Row = Record<string, string>;

/**
 * Reads `osdsus_wsus_update_files.csv`, the union of every historical OSDSUS export (one row per
 * update × payload file). The raw `Catalogs/**.csv` of the HEAD commit are a subset of it, so
 * they add nothing. The same GUID can appear in several exports with different files or even a
 * different KB and date: those are revisions, and the newest wins.
 */
export function readWsusExports(dataFolder: string): WsusUpdate[] {
  const rows = parseCsv(
    readFileSync(join(dataFolder, 'osdsus', 'osdsus_wsus_update_files.csv'), 'utf8'),
  );
  const byUpdate = new Map<string, Row[]>();
  for (const row of rows) {
    const id = (row.UpdateId ?? '').toLowerCase();
    if (id === '') continue;
    addTo(byUpdate, id, row);
  }
  return [...byUpdate.entries()].map(([updateId, updateRows]) => toUpdate(updateId, updateRows));
}

function toUpdate(updateId: string, rows: Row[]): WsusUpdate {
  const versions = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${isoDate(row.CreationDate ?? '')}|${row.KBNumber ?? ''}`;
    addTo(versions, key, row);
  }
  const keys = [...versions.keys()].sort(compareText);
  const latest = versions.get(keys.at(-1) ?? '') ?? rows;
  const first = latest[0] as Row;
  const dates = keys.map((key) => key.split('|')[0] ?? '').filter((date) => date !== '');
  return {
    updateId,
    revisions: versions.size,
    articleId: first.KBNumber ?? '',
    bulletinId: richest(latest.map((row) => row.SecurityBulletins ?? '')),
    // Later exports add detail to a title ("… version 22H2 …"); the fullest one is kept.
    title: richest(latest.map((row) => row.Title ?? '')),
    description: richest(latest.map((row) => row.Description ?? '')),
    classification: first.UpdateClassificationTitle ?? '',
    severity: msrcSeverity(first.MsrcSeverity ?? ''),
    family: first.ProductFamilyTitles || 'Windows',
    productNames: [...new Set(latest.flatMap((row) => splitWsusProducts(row.Category ?? '')))].sort(
      compareText,
    ),
    architecture: first.UpdateArch ?? '',
    informationUrl: richest(latest.map((row) => row.AdditionalInformationUrls ?? '')),
    dateReleased: dates[0] ?? '',
    dateRevised: dates.at(-1) ?? '',
    files: contentFiles(latest),
  };
}

/** WSUS says "Unspecified" where the site stores no rating. */
function msrcSeverity(value: string): string {
  return ['Critical', 'Important', 'Moderate', 'Low'].includes(value) ? value : '';
}

/** The longest value, ties broken by code-unit order, so the choice never depends on row order. */
function richest(values: string[]): string {
  return values.reduce(
    (best, value) =>
      value.length > best.length || (value.length === best.length && value < best) ? value : best,
    '',
  );
}

/**
 * One content file per SHA-1 (the WSUS content id): the exports list a file twice when its name
 * changed case or when PowerShell CliXml escaped an underscore (`_x005F_`). The
 * download.windowsupdate.com address is preferred to a delivery-network mirror.
 */
function contentFiles(rows: Row[]): ContentFileRecord[] {
  const bySha1 = new Map<string, ContentFileRecord>();
  for (const row of rows) {
    const sha1 = (row.SHA1 ?? '').toLowerCase();
    const fileName = (row.FileName ?? '').replaceAll('_x005F_', '_');
    const file: ContentFileRecord = {
      fileName,
      url: row.FileUri ?? '',
      size: Number.parseInt(row.Size ?? '0', 10) || 0,
      sha1,
      sha256: (row.SHA256 ?? '').toLowerCase(),
      language: languageOfFile(fileName),
    };
    const key = sha1 || `${fileName}|${file.url}`;
    const known = bySha1.get(key);
    if (!known || preferFile(file, known)) bySha1.set(key, file);
  }
  return [...bySha1.values()].sort(
    (a, b) =>
      compareText(a.fileName.toLowerCase(), b.fileName.toLowerCase()) ||
      compareText(a.sha1, b.sha1),
  );
}

function preferFile(candidate: ContentFileRecord, known: ContentFileRecord): boolean {
  const rank = (file: ContentFileRecord) =>
    /\/\/download\.windowsupdate\.com\//.test(file.url) ? 0 : 1;
  if (rank(candidate) !== rank(known)) return rank(candidate) < rank(known);
  if (candidate.sha256 !== '' && known.sha256 === '') return true;
  if (candidate.sha256 === '' && known.sha256 !== '') return false;
  return (
    compareText(`${candidate.url}|${candidate.fileName}`, `${known.url}|${known.fileName}`) < 0
  );
}
