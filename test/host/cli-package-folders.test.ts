import { createHash } from 'node:crypto';
import { existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { patchbay, patchbayJson, temporaryFolders } from '../support/cli';
import { startPayloadServer } from '../support/payload-server';

/**
 * Issue 17 items 1, 6 and 7 from the shell: paths through `..` or symlinks into refused places
 * are refused with a sentence and nothing written, Validate names a tampered package source,
 * names with a line break are refused, and a new-package download can be run again.
 */
describe('package folders and re-runnable downloads from the shell', () => {
  const { folder, removeAll } = temporaryFolders();
  afterAll(removeAll);

  it('refuses /etc and the content library through `..` and symlinks, and a name with a line break', async () => {
    const site = folder('patchbay-cli-folders-');
    expect((await patchbay(site, 'db', 'init')).code).toBe(0);
    const etcBefore = readdirSync('/etc');
    const intoEtc = `${folder('patchbay-pkg-')}/../../../../etc`;
    const created = await patchbay(site, 'package', 'new', 'Etc', '--path', intoEtc);
    expect(created.code).not.toBe(0);
    expect(created.stderr).toContain(
      `The package source ${intoEtc} (really /etc) is the system folder /etc; choose a folder of your own.`,
    );
    const library = await patchbay(site, 'dp', 'add', 'Evil', '--path', `${intoEtc}/pb-library`);
    expect(library.code).not.toBe(0);
    expect(library.stderr).toMatch(/lies in the system folder \/etc/);

    // A symlink to a folder inside the site's content library, then `..`.
    const links = folder('patchbay-links-');
    symlinkSync(join(site, 'content-library', 'files'), join(links, 'deep'));
    const intoLibrary = await patchbay(
      site,
      'package',
      'new',
      'Library',
      '--path',
      `${links}/deep/..`,
    );
    expect(intoLibrary.code).not.toBe(0);
    expect(intoLibrary.stderr).toMatch(/overlaps the site's data folder/);

    const named = await patchbay(site, 'group', 'new', 'Pilot\nRing 1');
    expect(named.code).not.toBe(0);
    expect(named.stderr).toContain('a name cannot contain a line break');

    expect(await patchbayJson(site, 'package', 'list')).toEqual([]);
    expect(await patchbayJson(site, 'group', 'list')).toEqual([]);
    expect(readdirSync('/etc')).toEqual(etcBefore);
  }, 120_000);

  it('runs the same new-package download again after a cancelled and a failed run, and Validate names a tampered source', async () => {
    const body = Buffer.alloc(40_000, 'r');
    const server = await startPayloadServer(new Map([['rerun-kb1-x64.cab', body]]));
    try {
      const site = folder('patchbay-cli-rerun-');
      expect((await patchbay(site, 'db', 'init')).code).toBe(0);
      const record = makeRecord('Rerun', {
        contentFiles: [
          {
            fileName: 'rerun-kb1-x64.cab',
            url: server.urlOf('rerun-kb1-x64.cab'),
            size: body.length,
            sha256: createHash('sha256').update(body).digest('hex'),
            sha1: createHash('sha1').update(body).digest('hex'),
            language: '',
          },
        ],
      });
      expect((await patchbay(site, 'catalog', 'import', bundleOf([record]))).code).toBe(0);
      const source = folder('patchbay-pkg-');
      const download = [
        'download',
        '--update',
        'ci:1',
        '--new-package',
        'Patch Tuesday',
        '--path',
        source,
        '--language',
        'en',
      ];
      // Queued, then cancelled before it ran: the package it made stays, empty.
      const queued = await patchbay(site, ...download, '--no-wait');
      const jobId = /Download job (\d+) started/.exec(queued.stdout)![1]!;
      expect((await patchbay(site, 'jobs', 'cancel', jobId)).code).toBe(0);

      // The content source refuses every attempt: the same command fails with a sentence.
      server.failNext('rerun-kb1-x64.cab', 100);
      const failed = await patchbay(site, ...download);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/Download failed: .*rerun-kb1-x64\.cab/);
      expect(failed.stderr).not.toContain('already used');

      server.failNext('rerun-kb1-x64.cab', 0);
      const done = await patchbay(site, ...download);
      expect(done.stderr).not.toContain('already used');
      expect(done.code).toBe(0);
      expect(done.stdout).toContain('Package is at Source Version 2: 1 files downloaded');
      expect(
        (await patchbayJson<Array<{ name: string }>>(site, 'package', 'list')).map((p) => p.name),
      ).toEqual(['Patch Tuesday']);

      writeFileSync(join(source, record.updateId, 'rerun-kb1-x64.cab'), Buffer.alloc(40_000, 'x'));
      const validated = await patchbay(
        site,
        'package',
        'redistribute',
        'Patch Tuesday',
        '--validate',
      );
      expect(validated.code).not.toBe(0);
      expect(validated.stderr).toContain(
        `Validation failed: The package source ${source} does not match the package's content list: 1 of 1 files: ${record.updateId}/rerun-kb1-x64.cab is altered`,
      );
      expect(existsSync(join(source, record.updateId, 'rerun-kb1-x64.cab'))).toBe(true);
    } finally {
      await server.close();
    }
  }, 180_000);
});
