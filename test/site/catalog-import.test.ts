import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogManifest } from '../../src/shared/catalog/catalog-bundle';
import { writeCatalogBundle } from '../../src/main/site/catalog/bundle/write-catalog-bundle';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { catalogSnapshot, syncAndWait } from '../support/sync-helpers';
import { jobEnd, openTestSite } from '../support/test-site';

/** Flips one byte in the middle of the bundle's first part, as a bad copy or an attacker would. */
function tamper(folder: string): string {
  const manifest = JSON.parse(
    readFileSync(join(folder, 'manifest.json'), 'utf8'),
  ) as CatalogManifest;
  const path = join(folder, manifest.parts[0]!.name);
  const bytes = readFileSync(path);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
  writeFileSync(path, bytes);
  return folder;
}

const manifestOf = (folder: string) =>
  JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as CatalogManifest;
const writeManifest = (folder: string, manifest: CatalogManifest) =>
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
const fresh = () => bundleOf([makeRecord('one'), makeRecord('evil'), makeRecord('other')]);

/**
 * The hostile bundles of issue 17's corpus, each with what the refusal must say. Every one is
 * refused with a sentence, and the site's catalog and sync source are exactly as they were.
 */
const hostileBundles: Array<{ name: string; make: () => string; says: RegExp }> = [
  { name: 'a byte flipped in a part', make: () => tamper(fresh()), says: /SHA-256 [0-9a-f]{64}/ },
  {
    name: 'a truncated part',
    make: () => {
      const folder = fresh();
      const path = join(folder, manifestOf(folder).parts[0]!.name);
      writeFileSync(path, readFileSync(path).subarray(0, 40));
      return folder;
    },
    says: /is 40 bytes; the manifest says \d+\./,
  },
  {
    name: 'a manifest that is not JSON',
    make: () => {
      const folder = fresh();
      writeFileSync(join(folder, 'manifest.json'), '{"parts": [');
      return folder;
    },
    says: /is not a Patchbay catalog bundle manifest/,
  },
  {
    name: 'a manifest naming a part outside its folder',
    make: () => {
      const folder = fresh();
      const manifest = manifestOf(folder);
      manifest.parts[0]!.name = '../../../../etc/passwd';
      writeManifest(folder, manifest);
      return folder;
    },
    says: /expected a plain file name inside the bundle folder/,
  },
  {
    name: 'a missing part',
    make: () => {
      const folder = fresh();
      rmSync(join(folder, manifestOf(folder).parts[0]!.name));
      return folder;
    },
    says: /is missing\./,
  },
  {
    name: 'a folder that does not exist',
    make: () => join(fresh(), 'nowhere'),
    says: /does not exist or cannot be read\./,
  },
  {
    // Good records first, then a bad line, with the manifest "fixed" to match: the reader has
    // already handed over updates when it finds the bad one, and still nothing is written.
    name: 'a part whose last line is not JSON, manifest rewritten to match',
    make: () => {
      const folder = fresh();
      const manifest = manifestOf(folder);
      const part = manifest.parts[0]!;
      const path = join(folder, part.name);
      const good = gunzipSync(readFileSync(path)).toString('utf8').trimEnd();
      const text = `${good}\n{"updateId": \n`;
      const bytes = gzipSync(text);
      writeFileSync(path, bytes);
      part.bytes = bytes.length;
      part.sha256 = createHash('sha256').update(bytes).digest('hex');
      writeManifest(folder, manifest);
      return folder;
    },
    says: /line \d+, is not JSON\./,
  },
];

describe.each(engines)('Importing a catalog bundle on %s', (engine) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('keeps the old sync source when the import is refused, and switches to a bundle that imports', async () => {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    cleanup.push(opened.dispose);
    const { site } = opened;
    const context = { user: 'CONTOSO\\admin', transport: 'test' as const };
    const source = bundleOf([makeRecord('one'), makeRecord('two')]);
    await site.supSettings.set({ syncSource: 'catalog-bundle', syncSourceLocation: source });
    expect((await syncAndWait(site)).error).toBeNull();

    const tampered = tamper(bundleOf([makeRecord('one'), makeRecord('evil')]));
    const refused = await jobEnd(
      site,
      (await site.handlers['sync.start']({ isFull: false, importBundle: tampered }, context)).jobId,
    );
    expect(refused.state).toBe('failed');
    expect(refused.error).toMatch(/SHA-256/);
    expect(await site.supSettings.get()).toMatchObject({
      syncSource: 'catalog-bundle',
      syncSourceLocation: source,
    });

    // The next sync reads the old source, and finds what was added there since.
    writeCatalogBundle(source, [makeRecord('one'), makeRecord('two'), makeRecord('three')], {
      createdAt: '2024-01-10T00:00:00.000Z',
      sourceSite: null,
    });
    const next = await syncAndWait(site);
    expect(next.error).toBeNull();
    expect(next.result).toMatchObject({ added: 1 });

    const good = bundleOf([makeRecord('four')]);
    const imported = await jobEnd(
      site,
      (await site.handlers['sync.start']({ isFull: false, importBundle: good }, context)).jobId,
    );
    expect(imported.error).toBeNull();
    expect((await site.supSettings.get()).syncSourceLocation).toBe(good);
  });

  it('refuses every hostile bundle of the corpus with a sentence and writes nothing', async () => {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    cleanup.push(opened.dispose);
    const { site } = opened;
    const context = { user: 'CONTOSO\\admin', transport: 'test' as const };
    const source = bundleOf([makeRecord('one'), makeRecord('two')]);
    await site.supSettings.set({ syncSource: 'catalog-bundle', syncSourceLocation: source });
    expect((await syncAndWait(site)).error).toBeNull();
    const before = await catalogSnapshot(site);
    for (const bundle of hostileBundles) {
      const { jobId } = await site.handlers['sync.start'](
        { isFull: true, importBundle: bundle.make() },
        context,
      );
      const job = await jobEnd(site, jobId);
      expect(job.state, bundle.name).toBe('failed');
      expect(job.error, bundle.name).toMatch(bundle.says);
      expect(job.error, bundle.name).toMatch(/\.$/);
      expect(await catalogSnapshot(site), bundle.name).toEqual(before);
      expect((await site.supSettings.get()).syncSourceLocation, bundle.name).toBe(source);
    }
    expect((await syncAndWait(site)).error).toBeNull();
  });
});
