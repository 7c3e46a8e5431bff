import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { patchbay, temporaryFolders } from '../support/cli';

describe('patchbay download, package and dp from the shell', () => {
  const { folder, removeAll } = temporaryFolders();
  afterAll(removeAll);

  it('downloads demo updates into a new package on a distribution point, shows, redistributes and deletes it', async () => {
    const site = folder('patchbay-cli-content-');
    // Only sync, serve and db init create a site; every other verb needs one.
    await patchbay(site, 'db', 'init');
    const demo = await patchbay(site, 'demo-content');
    expect(demo.stdout).toMatch(/The demo content source is on: 6 demo updates/);

    const library = join(folder('patchbay-dp-'), 'library');
    const added = await patchbay(site, 'dp', 'add', 'DP01', '--path', library);
    expect(added.stdout).toContain('Added distribution point "DP01"');
    expect((await patchbay(site, 'dp', 'add', 'DP02')).stderr).toContain('either --path');

    const source = folder('patchbay-pkg-');
    const download = await patchbay(
      site,
      'download',
      '--update',
      'KB9000001',
      'KB9000005',
      '--new-package',
      'Patch Tuesday',
      '--path',
      source,
      '--dp',
      'DP01',
      '--language',
      'de',
    );
    expect(download.code).toBe(0);
    expect(download.stdout).toMatch(/Contoso Agent 5\.2 .*Downloaded/);
    expect(download.stdout).toMatch(/Language Pack .*Downloaded +1 /);
    expect(download.stdout).toContain('Package is at Source Version 2: 2 files downloaded');

    const listed = await patchbay(site, 'package', 'list', '--format', 'csv');
    expect(listed.stdout).toMatch(/PS100001,Patch Tuesday,,2,/);
    const status = await patchbay(site, 'package', 'show', 'PS100001', '--status');
    expect(status.stdout).toMatch(/Site content library +Success/);
    expect(status.stdout).toMatch(/DP01 +Success/);
    const validated = await patchbay(
      site,
      'package',
      'redistribute',
      'Patch Tuesday',
      '--validate',
    );
    expect(validated.stdout).toContain('DP01: Success');

    const refused = await patchbay(site, 'package', 'new', 'Second', '--path', source);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('already used by the deployment package "Patch Tuesday"');

    const deleted = await patchbay(site, 'package', 'delete', 'Patch Tuesday');
    expect(deleted.stdout).toContain('Deleted 1 deployment package');
    expect((await patchbay(site, 'dp', 'list', '--format', 'json')).stdout).toContain(
      '"fileCount": 0',
    );
    expect((await patchbay(site, 'dp', 'remove', 'DP01')).stdout).toContain(
      'Removed 1 distribution point',
    );
    expect(existsSync(join(library, 'files'))).toBe(false);
    // A dozen CLI processes, each bundling its TypeScript entry on a shared 2-core machine.
  }, 180_000);
});
