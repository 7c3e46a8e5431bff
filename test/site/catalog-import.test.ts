import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogManifest } from '../../src/shared/catalog/catalog-bundle';
import { writeCatalogBundle } from '../../src/main/site/catalog/bundle/write-catalog-bundle';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { syncAndWait } from '../support/sync-helpers';
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
});
