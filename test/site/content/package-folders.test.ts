import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { engines } from '../../support/engines';
import {
  call,
  folder,
  newPackage,
  openContentSite,
  refusalOf,
  sha256,
} from '../../support/content-site';
import { jobEnd } from '../../support/test-site';

/**
 * Issue 17 item 1, tried as a hostile tester would: package folders are one folder each and
 * every check runs where a path really leads (symlinks and `..` followed).
 */
describe.each(engines)('package folders on %s', (engine) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('refuses `..` and symlink paths into a content library, the data folder and /etc, with a sentence and nothing written', async () => {
    const { site, update } = await openContentSite(engine, ['Alpha'], cleanup);
    const { ciId } = update('Alpha');
    const dpLibrary = join(folder('patchbay-dp-'), 'library');
    await call(site, 'dps.add', { kind: 'library', name: 'DP01', libraryPath: dpLibrary });
    const siteLibrary = (await call(site, 'dps.list', {})).find((dp) => dp.isSiteLibrary)!;
    // `<folder>/deep/..` is <folder> to a string-only check, but the library to the file system.
    const intoLibrary = (library: string) => {
      const base = folder();
      symlinkSync(join(library, 'files'), join(base, 'deep'));
      return `${base}/deep/..`;
    };
    const intoEtc = `${folder()}/../../../../etc`;
    const etcBefore = readdirSync('/etc');
    const libraryBefore = readdirSync(siteLibrary.libraryPath!);

    for (const [path, sentence] of [
      [intoLibrary(dpLibrary), /\(really .*library\) overlaps the content library of "DP01"/],
      [intoLibrary(siteLibrary.libraryPath!), /overlaps the site's data folder/],
      [`${site.folders.data}/logs`, /overlaps the site's data folder/],
      [intoEtc, /\(really \/etc\) is the system folder \/etc; choose a folder of your own\./],
      ['/usr/share/../local', /lies in the system folder \/usr/],
    ] as const) {
      expect(
        await refusalOf(site, 'packages.create', { name: 'Escape', sourcePath: path }),
      ).toMatch(sentence);
      expect(await refusalOf(site, 'content.download', newPackage('Escape', path, [ciId]))).toMatch(
        sentence,
      );
      expect(await refusalOf(site, 'packages.checkSource', { sourcePath: path })).toMatch(sentence);
    }
    expect(
      await refusalOf(site, 'dps.add', {
        kind: 'library',
        name: 'Evil',
        libraryPath: `${intoEtc}/patchbay-library`,
      }),
    ).toMatch(/really \/etc\/patchbay-library\) lies in the system folder \/etc/);
    expect(
      await refusalOf(site, 'content.download', {
        ...newPackage('From etc', folder(), [ciId]),
        location: { source: 'network', path: intoEtc },
      }),
    ).toMatch(/download location folder .* is the system folder \/etc/);

    // Nothing was written: no package, no job, no file in /etc or in the library.
    expect((await call(site, 'packages.list', {})).rows).toEqual([]);
    expect(
      (await call(site, 'jobs.list', {})).rows.filter((job) => !job.kind.startsWith('sync')),
    ).toEqual([]);
    expect(readdirSync('/etc')).toEqual(etcBefore);
    expect(existsSync('/etc/patchbay-library')).toBe(false);
    expect(readdirSync(siteLibrary.libraryPath!)).toEqual(libraryBefore);
    expect((await call(site, 'dps.list', {})).map((dp) => dp.name)).toEqual([
      'Site content library',
      'DP01',
    ]);
  });

  it("refuses a symlink to another package's folder, into it or around it, and keeps the real path", async () => {
    const { site } = await openContentSite(engine, ['Alpha'], cleanup);
    const owned = folder();
    mkdirSync(join(owned, 'sub'));
    const links = folder('patchbay-links-');
    symlinkSync(owned, join(links, 'same'));
    symlinkSync(join(owned, 'sub'), join(links, 'inside'));
    const owner = await call(site, 'packages.create', {
      name: 'Owner',
      sourcePath: `${links}/same/sub/..`,
    });
    // The package keeps where its folder really is, so later checks compare real paths.
    expect(owner.sourcePath).toBe(owned);
    for (const path of [join(links, 'same'), join(links, 'inside'), `${links}/inside/..`])
      expect(await refusalOf(site, 'packages.create', { name: 'Thief', sourcePath: path })).toMatch(
        /is already used by the deployment package "Owner" \(.*\); each package needs its own folder\./,
      );
    const other = await call(site, 'packages.create', { name: 'Other', sourcePath: folder() });
    expect(
      await refusalOf(site, 'packages.update', { id: other.id, sourcePath: join(links, 'same') }),
    ).toMatch(/already used by the deployment package "Owner"/);
    expect((await call(site, 'packages.list', {})).rows.map((row) => row.name)).toEqual([
      'Other',
      'Owner',
    ]);
  });

  it('never deletes a file another package lists when an update leaves a package, and still deletes its own', async () => {
    const { site, update } = await openContentSite(engine, ['Alpha', 'Bravo'], cleanup);
    const alpha = update('Alpha');
    const bravo = update('Bravo');
    const first = folder();
    const second = folder();
    const download = async (name: string, path: string, ciIds: number[]) => {
      const started = await call(site, 'content.download', newPackage(name, path, ciIds));
      expect((await jobEnd(site, started.jobId)).error).toBeNull();
      return started.packageId;
    };
    const firstId = await download('First', first, [alpha.ciId, bravo.ciId]);
    const secondId = await download('Second', second, [alpha.ciId]);
    // The second package's update folder becomes a symlink into the first package's folder, as
    // two packages on one folder were before sources were checked where they really are.
    rmSync(join(second, alpha.updateId), { recursive: true });
    symlinkSync(join(first, alpha.updateId), join(second, alpha.updateId));

    expect(
      await call(site, 'packages.removeUpdates', { id: secondId, ciIds: [alpha.ciId] }),
    ).toMatchObject({ removed: 1, sourceVersion: 3 });
    const kept = join(first, alpha.relativePath);
    expect(sha256(readFileSync(kept))).toBe(sha256(alpha.body));
    const siteLibrary = (await call(site, 'dps.list', {})).find((dp) => dp.isSiteLibrary)!;
    const validated = await jobEnd(
      site,
      (
        await call(site, 'packages.validate', {
          id: firstId,
          distributionPointIds: [siteLibrary.id],
        })
      ).jobId,
    );
    expect(validated.error).toBeNull();

    // A file only its own package lists still leaves with the update.
    await call(site, 'packages.removeUpdates', { id: firstId, ciIds: [bravo.ciId] });
    expect(existsSync(join(first, bravo.relativePath))).toBe(false);
    expect(existsSync(kept)).toBe(true);
  });

  it('keeps the files of two packages a database from before the fix put on one folder', async () => {
    const { site, update } = await openContentSite(engine, ['Alpha'], cleanup);
    const alpha = update('Alpha');
    const shared = folder();
    const first = await call(site, 'content.download', newPackage('First', shared, [alpha.ciId]));
    expect((await jobEnd(site, first.jobId)).error).toBeNull();
    const second = await call(
      site,
      'content.download',
      newPackage('Second', folder(), [alpha.ciId]),
    );
    expect((await jobEnd(site, second.jobId)).error).toBeNull();
    // What the old check let through: the second package on a symlink to the first one's folder.
    const link = join(folder('patchbay-links-'), 'same');
    symlinkSync(shared, link);
    await site.database.db
      .updateTable('deployment_package')
      .set({ source_path: link })
      .where('id', '=', second.packageId)
      .execute();

    await call(site, 'packages.removeUpdates', { id: second.packageId, ciIds: [alpha.ciId] });
    expect(readFileSync(join(shared, alpha.relativePath)).equals(alpha.body)).toBe(true);
    // Deleting the last package that lists it is still not a reason to touch the admin's folder.
    await call(site, 'packages.delete', { ids: [first.packageId] });
    expect(existsSync(join(shared, alpha.relativePath))).toBe(true);
  });

  it('writes nothing through a symlinked update folder in a package source', async () => {
    const { site, update } = await openContentSite(engine, ['Alpha'], cleanup);
    const alpha = update('Alpha');
    const source = folder();
    const elsewhere = folder('patchbay-elsewhere-');
    symlinkSync(elsewhere, join(source, alpha.updateId));
    const started = await call(
      site,
      'content.download',
      newPackage('Linked', source, [alpha.ciId]),
    );
    const job = await jobEnd(site, started.jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toBe(
      `The folder ${join(source, alpha.updateId)} leads outside ${source} (to ${elsewhere}); nothing was written there.`,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    expect((await call(site, 'packages.list', {})).rows).toEqual([]);
  });

  it('Validate reports an altered or missing file in the package source, not only on the DPs', async () => {
    const { site, update } = await openContentSite(engine, ['Alpha', 'Bravo'], cleanup);
    const alpha = update('Alpha');
    const bravo = update('Bravo');
    const dp = await call(site, 'dps.add', {
      kind: 'library',
      name: 'DP01',
      libraryPath: join(folder('patchbay-dp-'), 'library'),
    });
    const source = folder();
    const started = await call(
      site,
      'content.download',
      newPackage('Tampered', source, [alpha.ciId, bravo.ciId], [dp.id]),
    );
    expect((await jobEnd(site, started.jobId)).error).toBeNull();
    const validate = async () =>
      jobEnd(
        site,
        (
          await call(site, 'packages.validate', {
            id: started.packageId,
            distributionPointIds: [dp.id],
          })
        ).jobId,
      );
    expect((await validate()).state).toBe('succeeded');

    // Same size, other bytes: only the hash tells.
    writeFileSync(join(source, alpha.relativePath), Buffer.alloc(alpha.body.length, 'z'));
    const altered = await validate();
    expect(altered.state).toBe('failed');
    expect(altered.error).toBe(
      `The package source ${source} does not match the package's content list: 1 of 2 files: ${alpha.relativePath} is altered (SHA-256 ${sha256(Buffer.alloc(alpha.body.length, 'z'))}). Remove those updates from the package and download them again.`,
    );
    rmSync(join(source, bravo.relativePath));
    const missing = await validate();
    expect(missing.error).toMatch(/2 of 2 files: .* is altered .*; .*Bravo\.cab is missing\./);
    const messages = await call(site, 'statusMessages.list', { filter: { messageIds: [2386] } });
    expect(messages.rows[0]!.message).toContain(`does not match the package's content list`);
    expect(readFileSync(join(site.folders.logs, 'distmgr.log'), 'utf8')).toContain(
      `Bravo.cab is missing`,
    );
  });

  it('refuses names with a line break for packages, groups, collections and DPs, and control characters in paths, writing nothing', async () => {
    const { site } = await openContentSite(engine, ['Alpha'], cleanup);
    const sentence = /a name cannot contain a line break/;
    expect(
      await refusalOf(site, 'packages.create', { name: 'Patch\nTuesday', sourcePath: folder() }),
    ).toMatch(sentence);
    expect(await refusalOf(site, 'groups.create', { name: 'Pilot\r\nRing 1' })).toMatch(sentence);
    expect(await refusalOf(site, 'collections.create', { name: 'Pilot\u2028Ring' })).toMatch(
      sentence,
    );
    expect(
      await refusalOf(site, 'dps.add', {
        kind: 'library',
        name: 'DP\n01',
        libraryPath: join(folder('patchbay-dp-'), 'library'),
      }),
    ).toMatch(sentence);
    // Paths too: a NUL would end the path early on disk, a line break would split a log line.
    const paths = /a folder path cannot contain control characters or line breaks/;
    expect(
      await refusalOf(site, 'packages.create', { name: 'Nul', sourcePath: `${folder()}\u0000/x` }),
    ).toMatch(paths);
    expect(
      await refusalOf(site, 'dps.add', {
        kind: 'library',
        name: 'DP02',
        libraryPath: `${folder()}\n/library`,
      }),
    ).toMatch(paths);
    const pkg = await call(site, 'packages.create', { name: 'Patch', sourcePath: folder() });
    expect(await refusalOf(site, 'packages.update', { id: pkg.id, name: 'Patch\nX' })).toMatch(
      sentence,
    );
    expect((await call(site, 'packages.list', {})).rows.map((row) => row.name)).toEqual(['Patch']);
    expect((await call(site, 'groups.list', {})).rows).toEqual([]);
    expect(
      (await call(site, 'collections.list', {})).filter((c) => c.name.includes('Pilot')),
    ).toEqual([]);
  });
});
