import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogManifest } from '../../src/shared/catalog/catalog-bundle';
import { readCatalogBundle } from '../../src/main/site/catalog/bundle/read-catalog-bundle';
import { writeCatalogBundle } from '../../src/main/site/catalog/bundle/write-catalog-bundle';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import { makeRecord } from '../support/catalog-fixtures';

const bundledFolder = fileURLToPath(new URL('../../assets/catalog', import.meta.url));

async function readAll(location: string): Promise<UpdateRecord[]> {
  const records: UpdateRecord[] = [];
  for await (const record of readCatalogBundle(location)) records.push(record);
  return records;
}

function manifestOf(folder: string): CatalogManifest {
  return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as CatalogManifest;
}

describe('The catalog bundled with Patchbay (assets/catalog)', () => {
  let records: UpdateRecord[] = [];
  let manifest: CatalogManifest;
  beforeAll(async () => {
    manifest = manifestOf(bundledFolder);
    records = await readAll(bundledFolder);
  });

  it('verifies and reads, and its manifest counts what it holds', () => {
    expect(manifest.format).toBe('patchbay-catalog');
    expect(manifest.formatVersion).toBe(1);
    expect(records.length).toBe(manifest.counts.updates);
    expect(records.length).toBeGreaterThan(5000);
    expect(manifest.parts.reduce((total, part) => total + part.records, 0)).toBe(records.length);
    expect(records.reduce((total, record) => total + record.contentFiles.length, 0)).toBe(
      manifest.counts.contentFiles,
    );
    expect(new Set(records.flatMap((record) => record.cves.map((cve) => cve.id))).size).toBe(
      manifest.counts.cves,
    );
    const byClassification: Record<string, number> = {};
    for (const record of records)
      byClassification[record.classification] = (byClassification[record.classification] ?? 0) + 1;
    expect(byClassification).toEqual(manifest.counts.byClassification);
    // The newest revision in the data, never the wall clock.
    expect(manifest.createdAt).toBe(
      records.map((record) => record.dateRevised).reduce((a, b) => (a > b ? a : b)),
    );
    expect(new Set(records.map((record) => record.updateId)).size).toBe(records.length);
  });

  // Checked by hand against osdsus_wsus_update_files.csv and the 2024-Feb MSRC document.
  it('holds the 2024-02 cumulative update for Windows 10 22H2 x64 (KB5034763) as the sources give it', () => {
    const update = records.find(
      (record) => record.updateId === '05e3ff70-1a55-479b-b5f6-470d8ed87ccc',
    );
    expect(update).toBeDefined();
    expect(update?.articleId).toBe('5034763');
    expect(update?.title).toBe(
      '2024-02 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5034763)',
    );
    expect(update?.classification).toBe('Security Updates');
    expect(update?.severity).toBe('Critical');
    expect(update?.products).toEqual([
      { vendor: 'Microsoft', family: 'Windows', name: 'Windows 10, version 1903 and later' },
    ]);
    expect(update?.dateReleased).toBe('2024-02-13T18:00:06.000Z');
    expect(update?.contentFiles).toEqual([
      {
        fileName: 'Windows10.0-KB5034763-x64.cab',
        url: 'http://download.windowsupdate.com/d/msdownload/update/software/secu/2024/02/windows10.0-kb5034763-x64_a381c0ece7882aefb9aeb871b3a2c2cadea25eca.cab',
        size: 810541393,
        sha1: 'a381c0ece7882aefb9aeb871b3a2c2cadea25eca',
        sha256: '5c91094e827b5ecdcc6b10a5a55ede42e282b8e05371a8e2151daf39e8b7dbbb',
        language: '',
      },
    ]);
    // MSRC: 38 CVEs name KB5034763 as their fix; it replaces KB5034122 and requires a restart.
    expect(update?.cves).toHaveLength(38);
    expect(update?.cves.find((cve) => cve.id === 'CVE-2024-21351')).toEqual({
      id: 'CVE-2024-21351',
      title: 'Windows SmartScreen Security Feature Bypass Vulnerability',
      severity: 'Moderate',
      impact: 'Security Feature Bypass',
      cvssBase: 7.6,
      cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:H/A:L/E:U/RL:O/RC:C',
      isExploited: true,
      isPubliclyDisclosed: false,
      publishedAt: '2024-02-13T08:00:00.000Z',
      revisedAt: '2024-02-15T08:00:00.000Z',
    });
    expect(update?.supersedes.map((link) => link.articleId)).toEqual(['5034122']);
    expect(update?.restartBehavior).toBe('Always requires restart');
  });

  it('holds Update Catalog drivers and supersedence (KB4507435 from the 2019 scrape)', () => {
    const update = records.find(
      (record) => record.updateId === '3adf123b-b79a-4c3b-8ca8-12d1ae6dd2fd',
    );
    expect(update?.classification).toBe('Security Updates');
    expect(update?.restartBehavior).toBe('Can request restart');
    expect(update?.contentFiles.map((file) => file.sha1)).toContain(
      '644e39ea0a4cb882fcaa1bf20fb6d8327617b5af',
    );
    expect(update?.supersedes.map((link) => link.articleId ?? link.title)).toContain('4100403');
    expect(records.filter((record) => record.classification === 'Drivers').length).toBe(1578);
  });

  // Rules pick by Date Released and skip superseded updates, so a link from an older update to a
  // newer one would make a rule deploy the older. KB links reach every update of the KB, as the
  // site resolves them (supersedence-rules.ts).
  it('has no update that supersedes one released after it', () => {
    const byId = new Map(records.map((record) => [record.updateId, record]));
    const byArticle = new Map<string, UpdateRecord[]>();
    for (const record of records)
      byArticle.set(record.articleId, [...(byArticle.get(record.articleId) ?? []), record]);
    let pairs = 0;
    const backwards: string[] = [];
    for (const record of records)
      for (const link of record.supersedes) {
        const reached = link.updateId
          ? [byId.get(link.updateId)]
          : (byArticle.get(link.articleId ?? '') ?? []);
        for (const old of reached) {
          if (!old || old.updateId === record.updateId) continue;
          pairs += 1;
          if (old.dateReleased > record.dateReleased)
            backwards.push(
              `KB${record.articleId} ${record.dateReleased} supersedes KB${old.articleId} ${old.dateReleased}`,
            );
        }
      }
    expect(pairs).toBeGreaterThan(2000);
    expect(backwards).toEqual([]);
  });

  // Checked by hand: WSUS dates the 23H2 GUID 2022-08-09, its title says 2024-06, and the
  // 2024-Jun MSRC document (released 2024-06-11) lists KB5039212 for 28 CVEs.
  it('dates KB5039212 for Windows 11 23H2 by MSRC and says so in NOTICE.md', () => {
    const update = byIdOf(records, 'faaf2140-998d-4955-a871-9b269ea48b0e');
    expect(update?.title).toContain('2024-06 Cumulative Update for Windows 11 Version 23H2');
    expect(update?.dateReleased).toBe('2024-06-11T07:00:00.000Z');
    expect(update?.dateRevised).toBe('2024-06-11T07:00:00.000Z');
    // It supersedes the 2024-05 update, which is now older than it.
    expect(update?.supersedes.map((link) => link.articleId)).toEqual(['5037771']);
    const notice = readFileSync(join(bundledFolder, 'NOTICE.md'), 'utf8');
    expect(notice).toMatch(
      /\| KB5039212 \| `faaf2140-998d-4955-a871-9b269ea48b0e` \| .* \| 2022-08-09 \| 2024-06-11 \| 2024-06-11 \| MSRC date taken \|/,
    );
    // KB5039239 is not in any MSRC document: its date stands and is reported, not invented.
    expect(byIdOf(records, '90a40dd7-a198-4c1a-8ed9-df0a229d8565')?.dateReleased).toBe(
      '2022-08-09T17:00:13.000Z',
    );
    expect(notice).toMatch(
      /\| KB5039239 \| .* \| 2022-08-09 \| — \| 2022-08-09 \| kept: no MSRC date/,
    );
  });
});

function byIdOf(records: UpdateRecord[], updateId: string): UpdateRecord | undefined {
  return records.find((record) => record.updateId === updateId);
}

describe('Reading and writing catalog bundles', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'patchbay-catalog-bundle-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refuses a tampered part before yielding a single update, naming the part and both hashes', async () => {
    const copy = join(work, 'tampered');
    cpSync(bundledFolder, copy, { recursive: true });
    const manifest = manifestOf(copy);
    const last = manifest.parts.at(-1);
    if (!last) throw new Error('the bundled catalog has no parts');
    const path = join(copy, last.name);
    const bytes = readFileSync(path);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);

    const yielded: UpdateRecord[] = [];
    const reading = (async () => {
      for await (const record of readCatalogBundle(copy)) yielded.push(record);
    })();
    const error = await reading.then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toContain(last.name);
    expect(error?.message).toContain(last.sha256);
    expect(error?.message).toMatch(/SHA-256 [0-9a-f]{64}/);
    expect(yielded).toEqual([]);
  });

  it('refuses a truncated part, whether or not the manifest was edited to match', async () => {
    const folder = join(work, 'truncated');
    writeCatalogBundle(folder, [makeRecord('a'), makeRecord('b'), makeRecord('c')], {
      createdAt: '2024-01-09T00:00:00.000Z',
      sourceSite: null,
    });
    const manifest = manifestOf(folder);
    const part = manifest.parts[0];
    if (!part) throw new Error('no part written');
    const path = join(folder, part.name);
    const cut = readFileSync(path).subarray(0, part.bytes - 20);
    writeFileSync(path, cut);
    await expect(readAll(folder)).rejects.toThrow(new RegExp(`${part.name}.*bytes`));

    // Someone "fixes" the manifest: the gzip stream itself is still incomplete.
    part.bytes = cut.length;
    part.sha256 = createHash('sha256').update(cut).digest('hex');
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
    await expect(readAll(folder)).rejects.toThrow(
      new RegExp(`${part.name.replaceAll('.', '\\.')} is truncated`),
    );
  });

  it('refuses an update that fails the schema, naming the part and line', async () => {
    const folder = join(work, 'invalid');
    const bad = { ...makeRecord('bad'), updateId: 'not-a-guid' };
    writeCatalogBundle(folder, [makeRecord('good'), bad], {
      createdAt: '2024-01-09T00:00:00.000Z',
      sourceSite: null,
    });
    await expect(readAll(folder)).rejects.toThrow(
      /updates-000\.ndjson\.gz, line 2, is not a valid update: updateId/,
    );
  });

  it('round-trips records exactly, with identical bytes on a second write', async () => {
    const bundled = await readAll(bundledFolder);
    const records = [
      ...bundled.filter((_, index) => index % 1000 === 0),
      ...bundled.filter((record) => record.cves.length > 0).slice(0, 5),
      makeRecord('empty lists', {
        products: [],
        cves: [],
        languages: [],
        supersedes: [],
        contentFiles: [],
        licenseTerms: 'Accept the terms',
        hasLicenseTerms: true,
      }),
      makeRecord('unicode', {
        title: 'Mise à jour — 更新 (KB5000001)',
        description: 'line\nbreak',
      }),
    ];
    const first = writeCatalogBundle(join(work, 'round-trip'), records, {
      createdAt: '2024-09-10T17:00:07.000Z',
      sourceSite: 'PS1',
    });
    expect(await readAll(join(work, 'round-trip', 'manifest.json'))).toEqual(records);
    expect(first.sourceSite).toBe('PS1');
    expect(first.counts.updates).toBe(records.length);
    const second = writeCatalogBundle(join(work, 'round-trip-again'), records, {
      createdAt: '2024-09-10T17:00:07.000Z',
      sourceSite: 'PS1',
    });
    expect(second.parts).toEqual(first.parts);
  });

  it('splits large catalogs into parts of 5,000 updates', async () => {
    const records = Array.from({ length: 5001 }, (_, index) => makeRecord(`update ${index}`));
    const manifest = writeCatalogBundle(join(work, 'split'), records, {
      createdAt: '2024-01-09T00:00:00.000Z',
      sourceSite: null,
    });
    expect(manifest.parts.map((part) => [part.name, part.records])).toEqual([
      ['updates-000.ndjson.gz', 5000],
      ['updates-001.ndjson.gz', 1],
    ]);
    expect((await readAll(join(work, 'split'))).length).toBe(5001);
  });
});
