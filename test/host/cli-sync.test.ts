import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { patchbay } from '../support/cli';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';

describe('patchbay sup, sync and catalog from the shell', () => {
  const folders: string[] = [];
  const folder = (prefix: string) => {
    const path = mkdtempSync(join(tmpdir(), prefix));
    folders.push(path);
    return path;
  };
  afterAll(() => folders.forEach((path) => rmSync(path, { recursive: true, force: true })));

  it('imports a bundle, exports it again with a verified manifest, and a second site imports that', async () => {
    const first = folder('patchbay-cli-a-');
    // Only sync, serve and db init create a site; every other verb needs one.
    expect((await patchbay(first, 'db', 'init')).stdout).toContain('Created a new site PS1 at');
    const records = [makeRecord('one'), makeRecord('two'), makeRecord('three')];
    const imported = await patchbay(first, 'catalog', 'import', bundleOf(records));
    expect(imported.stderr).not.toContain('patchbay:');
    expect(imported.stdout).toContain(
      'Imported: 3 added, 0 changed, 0 expired; catalog version 1.',
    );

    const exported = join(folder('patchbay-cli-export-'), 'bundle');
    const result = await patchbay(first, 'catalog', 'export', exported);
    expect(result.stdout).toContain(`Exported 3 updates in 1 parts to ${exported}.`);
    const manifest = JSON.parse(readFileSync(join(exported, 'manifest.json'), 'utf8')) as {
      sourceSite: string;
      parts: Array<{ sha256: string }>;
    };
    expect(manifest.sourceSite).toBe('PS1');
    expect(manifest.parts[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);

    const second = folder('patchbay-cli-b-');
    await patchbay(second, 'db', 'init');
    const again = await patchbay(second, 'catalog', 'import', exported);
    expect(again.stdout).toContain('Imported: 3 added');
    const status = await patchbay(second, 'sync', 'status', '--format', 'csv');
    const lines = status.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toContain(
      'Software Update Point,Site Code,Synchronization Source,Synchronization Status',
    );
    expect(lines[1]).toContain('Completed');
  }, 60_000);

  it('refuses a tampered bundle with a sentence and keeps synchronizing from the old source', async () => {
    const site = folder('patchbay-cli-import-');
    await patchbay(site, 'db', 'init');
    const source = bundleOf([makeRecord('one'), makeRecord('two')]);
    expect((await patchbay(site, 'catalog', 'import', source)).stdout).toContain(
      'Imported: 2 added',
    );
    const tampered = bundleOf([makeRecord('one'), makeRecord('evil')]);
    const manifest = JSON.parse(readFileSync(join(tampered, 'manifest.json'), 'utf8')) as {
      parts: Array<{ name: string }>;
    };
    const part = join(tampered, manifest.parts[0]!.name);
    const bytes = readFileSync(part);
    writeFileSync(part, bytes.subarray(0, bytes.length - 20));
    const refused = await patchbay(site, 'catalog', 'import', tampered);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^patchbay: Synchronization failed: .*bytes/m);

    const shown = JSON.parse((await patchbay(site, 'sup', 'show')).stdout) as {
      syncSource: string;
      syncSourceLocation: string;
    };
    expect(shown).toMatchObject({ syncSource: 'catalog-bundle', syncSourceLocation: source });
    const again = await patchbay(site, 'sync');
    expect(again.stderr).not.toContain('patchbay:');
    expect(again.stdout).toContain('Sync succeeded');
  }, 60_000);

  it('sets Software Update Point settings and refuses a bad value with a sentence', async () => {
    const site = folder('patchbay-cli-sup-');
    await patchbay(site, 'db', 'init');
    const set = await patchbay(
      site,
      'sup',
      'set',
      '--non-feature-supersedence',
      'immediately',
      '--schedule',
      '1 days',
    );
    expect(set.stdout).toContain('Software Update Point Component Properties changed');
    const shown = JSON.parse((await patchbay(site, 'sup', 'show')).stdout) as Record<
      string,
      unknown
    >;
    expect(shown).toMatchObject({
      nonFeatureSupersedence: 'immediately',
      isScheduleEnabled: true,
      schedule: { kind: 'simple', every: 1, unit: 'days' },
    });

    const bad = await patchbay(site, 'sup', 'set', '--max-runtime-other', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/otherUpdateMaxRuntimeMinutes: .*5/);
    const unknown = await patchbay(site, 'sup', 'set', '--classification', 'Hotfixes');
    expect(unknown.stderr).toContain(
      'classifications: "Hotfixes" is not a software update classification.',
    );
  }, 60_000);
});
