import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import { writeCatalogBundle } from '../../src/main/site/catalog/bundle/write-catalog-bundle';

/** A GUID derived from a name, so fixtures are stable and readable in failures. */
export function guidOf(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const windows11 = { vendor: 'Microsoft', family: 'Windows', name: 'Windows 11' };
const office = { vendor: 'Microsoft', family: 'Office', name: 'Microsoft 365 Apps' };

/** A small, hand-made catalog with the shapes sync must handle; each test varies it. */
export function makeRecord(name: string, overrides: Partial<UpdateRecord> = {}): UpdateRecord {
  const kb = String(
    5_000_000 +
      (Number.parseInt(createHash('sha1').update(name).digest('hex').slice(0, 5), 16) % 900_000),
  );
  return {
    updateId: guidOf(name),
    revision: 200,
    articleId: kb,
    bulletinId: '',
    title: `${name} (KB${kb})`,
    description: `Fixture update ${name}.`,
    classification: 'Security Updates',
    vendor: 'Microsoft',
    products: [windows11],
    severity: 'Important',
    cves: [],
    dateReleased: '2024-01-09T00:00:00.000Z',
    dateRevised: '2024-01-09T00:00:00.000Z',
    size: 1000,
    languages: [],
    supersedes: [],
    restartBehavior: 'Can request restart',
    architecture: 'x64',
    informationUrl: `https://support.microsoft.com/help/${kb}`,
    hasLicenseTerms: false,
    licenseTerms: null,
    contentFiles: [
      {
        fileName: `windows11.0-kb${kb}-x64.msu`,
        url: `http://catalog.example.invalid/kb${kb}.msu`,
        size: 1000,
        sha1: createHash('sha1').update(`${name}-file`).digest('hex'),
        sha256: createHash('sha256').update(`${name}-file`).digest('hex'),
        language: '',
      },
    ],
    ...overrides,
  };
}

export const fixtureProducts = { windows11, office };

/** Writes records as a catalog bundle in a new temporary folder and returns the folder. */
export function bundleOf(records: UpdateRecord[]): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'patchbay-bundle-')), 'catalog');
  writeCatalogBundle(folder, records, { createdAt: '2024-01-09T00:00:00.000Z', sourceSite: null });
  return folder;
}
