import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodOutput, SiteMethod } from '../../src/shared/contract';
import { SiteError } from '../../src/shared/errors';
import { dispatchCall } from '../../src/main/site/api/dispatch';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { Site } from '../../src/main/site/site';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { startPayloadServer, type PayloadServer } from '../support/payload-server';
import { syncAndWait } from '../support/sync-helpers';
import { jobEnd, openTestSite, until } from '../support/test-site';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex');

/** Two updates whose files the loopback server holds, and one metadata-only update. */
function contentFixture(server: () => PayloadServer) {
  const payloads = new Map<string, Buffer>([
    ['alpha-kb1-x64.msu', Buffer.alloc(300_000, 'a')],
    ['bravo-kb2-x64.cab', Buffer.alloc(200_000, 'b')],
  ]);
  const record = (name: string, file: string): UpdateRecord =>
    makeRecord(name, {
      contentFiles: [
        {
          fileName: file,
          get url() {
            return server().urlOf(file);
          },
          size: payloads.get(file)!.length,
          sha256: sha256(payloads.get(file)!),
          sha1: sha1(payloads.get(file)!),
          language: '',
        },
      ],
    });
  return { payloads, record };
}

describe.each(engines)('Deployment packages and downloads on %s', (engine) => {
  let cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  async function call<M extends SiteMethod>(
    site: Site,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>> {
    const result = await dispatchCall(site.handlers, method, input, {
      user: 'CONTOSO\\admin',
      transport: 'test',
    });
    if (!result.ok) throw SiteError.fromData(result.error);
    return result.value as MethodOutput<M>;
  }

  async function setup(records: (fixture: ReturnType<typeof contentFixture>) => UpdateRecord[]) {
    let server: PayloadServer | null = null;
    const fixture = contentFixture(() => server!);
    server = await startPayloadServer(fixture.payloads);
    cleanup.push(() => server!.close());
    const opened = await openTestSite(engine, {
      bundledCatalogFolder: null,
      content: { attempts: 2, backoffMs: 10, concurrency: 2, demoBytesPerSecond: 0 },
    });
    cleanup.push(opened.dispose);
    const all = records(fixture);
    await opened.site.supSettings.set({ syncSourceLocation: bundleOf(all) });
    expect((await syncAndWait(opened.site)).error).toBeNull();
    const ids = new Map(
      (
        await opened.site.database.db
          .selectFrom('software_update')
          .select(['ci_id', 'update_id'])
          .execute()
      ).map((row) => [row.update_id, row.ci_id]),
    );
    return {
      ...opened,
      server,
      fixture,
      ciIdOf: (record: UpdateRecord) => ids.get(record.updateId)!,
    };
  }

  const folder = () => mkdtempSync(join(tmpdir(), 'patchbay-pkgsrc-'));

  async function isDownloaded(site: Site, ciId: number) {
    const row = await site.database.db
      .selectFrom('software_update')
      .select('is_content_provisioned')
      .where('ci_id', '=', ciId)
      .executeTakeFirstOrThrow();
    return row.is_content_provisioned === 1;
  }

  function newPackage(name: string, sourcePath: string, ciIds: number[], dps: number[] = []) {
    return {
      selection: { ciIds },
      deploymentPackage: { choice: 'new' as const, package: { name, sourcePath } },
      distributionPoints: { distributionPointIds: dps, distributionPointGroupIds: [] },
      location: { source: 'internet' as const },
      languageSelection: { languages: ['en'] },
    };
  }

  it('downloads into a new package at content version 2, distributes it, and deleting it brings the red arrow back', async () => {
    const alpha = (f: ReturnType<typeof contentFixture>) => f.record('Alpha', 'alpha-kb1-x64.msu');
    const { site, fixture, ciIdOf } = await setup((f) => [
      alpha(f),
      f.record('Bravo', 'bravo-kb2-x64.cab'),
    ]);
    const alphaRecord = alpha(fixture);
    const ciId = ciIdOf(alphaRecord);
    expect(await isDownloaded(site, ciId)).toBe(false);
    const dp = await call(site, 'dps.add', {
      kind: 'library',
      name: 'DP01',
      libraryPath: folder(),
    });
    const source = folder();
    const preview = await call(site, 'content.preview', {
      selection: { ciIds: [ciId] },
      languages: ['en'],
    });
    expect(preview).toMatchObject({
      updates: 1,
      files: 1,
      bytes: 300_000,
      filesAlreadyInLibrary: 0,
    });

    const started = await call(
      site,
      'content.download',
      newPackage('Patch Tuesday 2026-11', source, [ciId], [dp.id]),
    );
    const job = await jobEnd(site, started.jobId);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({
      sourceVersion: 2,
      filesFetched: 1,
      updates: [{ outcome: 'Downloaded' }],
    });

    const pkg = await call(site, 'packages.get', { id: started.packageId });
    expect(pkg).toMatchObject({
      sourceVersion: 2,
      numberOfUpdates: 1,
      sizeBytes: 300_000,
      packageId: expect.stringMatching(/^PS1[0-9A-F]{5}$/),
    });
    const file = join(source, alphaRecord.updateId, 'alpha-kb1-x64.msu');
    expect(sha256(readFileSync(file))).toBe(alphaRecord.contentFiles[0]!.sha256);
    expect(existsSync(join(source, '.patchbay-partial'))).toBe(true);
    expect(readdirSync(join(source, '.patchbay-partial'))).toEqual([]);
    expect(await isDownloaded(site, ciId)).toBe(true);
    expect((await call(site, 'updates.get', { ciId })).isContentMissing).toBe(false);
    // Show Members of the package: All Software Updates narrowed to it, on the server.
    const members = await call(site, 'updates.list', {
      filter: { packageId: pkg.id, criteria: [] },
    });
    expect(members.rows.map((row) => row.ciId)).toEqual([ciId]);

    const locations = await call(site, 'contentStatus.get', { packageId: pkg.id });
    expect(
      locations.map((row) => [row.distributionPointName, row.state, row.contentVersion]),
    ).toEqual([
      ['Site content library', 'Success', 2],
      ['DP01', 'Success', 2],
    ]);
    expect((await call(site, 'dps.list', {})).find((each) => each.id === dp.id)).toMatchObject({
      fileCount: 1,
      sizeBytes: 300_000,
    });
    const [status] = await call(site, 'contentStatus.list', {});
    expect(status).toMatchObject({ targeted: 2, installed: 2, failed: 0 });
    expect(readFileSync(join(site.folders.logs, 'PatchDownloader.log'), 'utf8')).toContain(
      'Successfully moved',
    );
    expect(readFileSync(join(site.folders.logs, 'distmgr.log'), 'utf8')).toContain('DP01');

    // Validate finds every file intact; Redistribute copies it again.
    const validated = await jobEnd(
      site,
      (await call(site, 'packages.validate', { id: pkg.id, distributionPointIds: [dp.id] })).jobId,
    );
    expect(validated.error).toBeNull();

    await call(site, 'packages.delete', { ids: [pkg.id] });
    expect(await isDownloaded(site, ciId)).toBe(false);
    expect((await call(site, 'updates.get', { ciId })).isContentMissing).toBe(true);
    expect((await call(site, 'dps.list', {})).every((each) => each.fileCount === 0)).toBe(true);
    // The package source is the admin's folder: its files stay.
    expect(existsSync(file)).toBe(true);
  });

  it('never downloads again what the site library holds, and an existing package skips what it has', async () => {
    const { site, server, fixture, ciIdOf } = await setup((f) => [
      f.record('Alpha', 'alpha-kb1-x64.msu'),
    ]);
    const ciId = ciIdOf(fixture.record('Alpha', 'alpha-kb1-x64.msu'));
    const first = await call(site, 'content.download', newPackage('First', folder(), [ciId]));
    expect((await jobEnd(site, first.jobId)).error).toBeNull();
    const sent = server.bytesSent;

    const again = await call(site, 'content.download', {
      ...newPackage('ignored', '/unused', [ciId]),
      deploymentPackage: { choice: 'existing', packageId: first.packageId },
    });
    const repeat = await jobEnd(site, again.jobId);
    expect(repeat.result).toMatchObject({
      sourceVersion: 2,
      updates: [{ outcome: 'AlreadyDownloaded' }],
    });

    const second = await call(site, 'content.download', newPackage('Second', folder(), [ciId]));
    const copied = await jobEnd(site, second.jobId);
    expect(copied.result).toMatchObject({ sourceVersion: 2, filesFetched: 0, filesReused: 1 });
    expect(server.bytesSent).toBe(sent);

    // Deleting one package keeps the update downloaded while the other still holds it.
    await call(site, 'packages.delete', { ids: [first.packageId] });
    expect(await isDownloaded(site, ciId)).toBe(true);
    await call(site, 'packages.removeUpdates', { id: second.packageId, ciIds: [ciId] });
    expect(await isDownloaded(site, ciId)).toBe(false);
    expect((await call(site, 'packages.get', { id: second.packageId })).sourceVersion).toBe(3);
  });

  it('creates no package when no file arrived, changes nothing in an existing one, and distributes only what arrived', async () => {
    const { site, server, fixture, ciIdOf } = await setup((f) => [
      f.record('Alpha', 'alpha-kb1-x64.msu'),
      f.record('Bravo', 'bravo-kb2-x64.cab'),
    ]);
    const alpha = ciIdOf(fixture.record('Alpha', 'alpha-kb1-x64.msu'));
    const bravo = ciIdOf(fixture.record('Bravo', 'bravo-kb2-x64.cab'));
    const distributed = async () =>
      (await call(site, 'statusMessages.list', { filter: { messageIds: [2330] } })).rows.length;

    // Every file fails: the job fails with each update's result, and no package is left.
    server.failNext('alpha-kb1-x64.msu', 2);
    server.failNext('bravo-kb2-x64.cab', 2);
    const none = await call(site, 'content.download', newPackage('Nothing', folder(), [alpha, bravo]));
    const failed = await jobEnd(site, none.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.progressText).toContain('was not created and nothing was distributed');
    expect(failed.result).toMatchObject({
      updates: [
        { outcome: 'Failed', message: expect.stringContaining('alpha-kb1-x64.msu') },
        { outcome: 'Failed', message: expect.stringContaining('bravo-kb2-x64.cab') },
      ],
    });
    expect((await call(site, 'packages.list', {})).rows).toEqual([]);
    expect(await call(site, 'contentStatus.list', {})).toEqual([]);
    expect(await distributed()).toBe(0);

    // One of two arrives: only it enters the package and is distributed; the job says so.
    server.failNext('bravo-kb2-x64.cab', 2);
    const part = await call(site, 'content.download', newPackage('Half', folder(), [alpha, bravo]));
    const half = await jobEnd(site, part.jobId);
    expect(half.state).toBe('succeeded');
    expect(half.progressText).toContain('1 update failed to download and is not in the package');
    expect(await call(site, 'packages.get', { id: part.packageId })).toMatchObject({
      sourceVersion: 2,
      numberOfUpdates: 1,
    });
    expect(await distributed()).toBe(1);
    const [status] = await call(site, 'contentStatus.list', {});
    expect(status).toMatchObject({ targeted: 1, installed: 1, failed: 0 });

    // Into the existing package, Bravo fails again: nothing changes, nothing is distributed.
    server.failNext('bravo-kb2-x64.cab', 2);
    const again = await jobEnd(
      site,
      (
        await call(site, 'content.download', {
          ...newPackage('unused', folder(), [bravo]),
          deploymentPackage: { choice: 'existing', packageId: part.packageId },
        })
      ).jobId,
    );
    expect(again.state).toBe('failed');
    expect(again.progressText).toContain('stays at Source Version 2 and was not distributed again');
    expect((await call(site, 'packages.get', { id: part.packageId })).sourceVersion).toBe(2);
    expect(await distributed()).toBe(1);
  });

  it('refuses a tampered payload, logs both hashes, and creates no package', async () => {
    const { site, fixture, ciIdOf } = await setup((f) => [f.record('Alpha', 'alpha-kb1-x64.msu')]);
    const record = fixture.record('Alpha', 'alpha-kb1-x64.msu');
    fixture.payloads.set('alpha-kb1-x64.msu', Buffer.alloc(300_000, 'x'));
    const source = folder();
    const started = await call(
      site,
      'content.download',
      newPackage('Tampered', source, [ciIdOf(record)]),
    );
    const job = await jobEnd(site, started.jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toContain(record.contentFiles[0]!.sha256);
    expect(job.error).toContain(sha256(Buffer.alloc(300_000, 'x')));
    await expect(call(site, 'packages.get', { id: started.packageId })).rejects.toThrow();
    expect(existsSync(join(source, record.updateId))).toBe(false);
    expect(readdirSync(join(source, '.patchbay-partial'))).toEqual([]);
    expect(await isDownloaded(site, ciIdOf(record))).toBe(false);
    expect(readFileSync(join(site.folders.logs, 'PatchDownloader.log'), 'utf8')).toContain(
      'failed hash verification',
    );
  });

  it('retries an unreachable URL, then fails naming it', async () => {
    const { site, server, fixture, ciIdOf } = await setup((f) => [
      f.record('Alpha', 'alpha-kb1-x64.msu'),
    ]);
    const record = fixture.record('Alpha', 'alpha-kb1-x64.msu');
    server.failNext('alpha-kb1-x64.msu', 5);
    const started = await call(
      site,
      'content.download',
      newPackage('Unreachable', folder(), [ciIdOf(record)]),
    );
    const job = await jobEnd(site, started.jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toContain(server.urlOf('alpha-kb1-x64.msu'));
    expect(job.error).toContain('2 attempts');
    expect(server.requests.filter((r) => r.name === 'alpha-kb1-x64.msu')).toHaveLength(2);

    // A transient failure is retried and the file still arrives.
    server.failNext('alpha-kb1-x64.msu', 1);
    const retried = await call(
      site,
      'content.download',
      newPackage('Retried', folder(), [ciIdOf(record)]),
    );
    expect((await jobEnd(site, retried.jobId)).error).toBeNull();
  });

  it('refuses a package source that is missing, relative or used by another package', async () => {
    const { site, fixture, ciIdOf } = await setup((f) => [f.record('Alpha', 'alpha-kb1-x64.msu')]);
    const ciId = ciIdOf(fixture.record('Alpha', 'alpha-kb1-x64.msu'));
    const refusal = (input: MethodInput<'content.download'>) =>
      call(site, 'content.download', input).catch((e: SiteError) => e.message);
    expect(await refusal(newPackage('Missing', '/no/such/folder', [ciId]))).toMatch(
      /does not exist/,
    );
    expect(await refusal(newPackage('Relative', 'packages/here', [ciId]))).toMatch(/full path/);
    const shared = folder();
    await call(site, 'packages.create', { name: 'Owner', sourcePath: shared });
    expect(await refusal(newPackage('Thief', shared, [ciId]))).toMatch(
      /already used by the deployment package "Owner"/,
    );
    expect(await refusal(newPackage('Nested', join(shared), [ciId]))).toMatch(/already used/);
    expect(await refusal(newPackage('x'.repeat(51), folder(), [ciId]))).toMatch(
      /at most 50 characters/,
    );
    expect(
      await refusal({
        ...newPackage('NoLanguage', folder(), [ciId]),
        languageSelection: { languages: [] },
      }),
    ).toMatch(/select at least one language/);
    const { rows } = await call(site, 'packages.list', {});
    expect(rows.map((row) => row.name)).toEqual(['Owner']);
  });

  it('refuses a catalog file name that would escape the package folder', async () => {
    const escape = Buffer.alloc(1000, 'e');
    const { site, ciIdOf } = await setup((f) => {
      f.payloads.set('evil.cab', escape);
      return [
        makeRecord('Escape', {
          contentFiles: [
            {
              fileName: '../../evil.cab',
              url: 'http://127.0.0.1:9/evil.cab',
              size: 1000,
              sha256: sha256(escape),
              sha1: sha1(escape),
              language: '',
            },
          ],
        }),
      ];
    });
    const source = folder();
    const started = await call(
      site,
      'content.download',
      newPackage('Escape', source, [ciIdOf(makeRecord('Escape'))]),
    );
    const job = await jobEnd(site, started.jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/would leave the package folder/);
    expect(existsSync(join(source, '..', 'evil.cab'))).toBe(false);
  });

  it('copies from a location on the network, verified like a download, and names a missing file', async () => {
    const { site, server, fixture, ciIdOf } = await setup((f) => [
      f.record('Alpha', 'alpha-kb1-x64.msu'),
      f.record('Bravo', 'bravo-kb2-x64.cab'),
    ]);
    const alpha = fixture.record('Alpha', 'alpha-kb1-x64.msu');
    const bravo = fixture.record('Bravo', 'bravo-kb2-x64.cab');
    const share = folder();
    writeFileSync(join(share, 'alpha-kb1-x64.msu'), fixture.payloads.get('alpha-kb1-x64.msu')!);
    const fromShare = (name: string, ciIds: number[]) => ({
      ...newPackage(name, folder(), ciIds),
      location: { source: 'network' as const, path: share },
    });
    const copied = await call(site, 'content.download', fromShare('From share', [ciIdOf(alpha)]));
    expect((await jobEnd(site, copied.jobId)).result).toMatchObject({
      sourceVersion: 2,
      filesFetched: 1,
    });
    expect(server.requests).toEqual([]);

    const missing = await call(site, 'content.download', fromShare('Missing', [ciIdOf(bravo)]));
    const failed = await jobEnd(site, missing.jobId);
    expect(failed.error).toBe(
      `The file bravo-kb2-x64.cab is not in ${share} (nor in its ${bravo.updateId} folder).`,
    );

    expect(
      await call(site, 'content.download', {
        ...fromShare('Nowhere', [ciIdOf(bravo)]),
        location: { source: 'network', path: '/no/such/share' },
      }).catch((e: Error) => e.message),
    ).toMatch(/does not exist/);
  });

  it('says the disk is full in a sentence and leaves no partial file behind', async () => {
    const { site, fixture, ciIdOf } = await setup((f) => [f.record('Alpha', 'alpha-kb1-x64.msu')]);
    const record = fixture.record('Alpha', 'alpha-kb1-x64.msu');
    const source = folder();
    // The kernel's /dev/full answers every write with ENOSPC: the partial file points at it.
    mkdirSync(join(source, '.patchbay-partial'));
    const partial = join(source, '.patchbay-partial', `${record.contentFiles[0]!.sha256}.partial`);
    symlinkSync('/dev/full', partial);
    const started = await call(
      site,
      'content.download',
      newPackage('Full disk', source, [ciIdOf(record)]),
    );
    const job = await jobEnd(site, started.jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toBe(`The disk holding ${join(source, '.patchbay-partial')} is full.`);
    expect(existsSync(partial)).toBe(false);
    expect((await call(site, 'packages.list', {})).rows).toEqual([]);
  });

  it('resumes a download that a closed site left half-way, fetching only the rest', async () => {
    const { site, server, fixture, ciIdOf, reopen } = await setup((f) => [
      f.record('Alpha', 'alpha-kb1-x64.msu'),
    ]);
    const record = fixture.record('Alpha', 'alpha-kb1-x64.msu');
    server.stallAt('alpha-kb1-x64.msu', 150_000);
    const source = folder();
    const started = await call(
      site,
      'content.download',
      newPackage('Interrupted', source, [ciIdOf(record)]),
    );
    const partial = join(source, '.patchbay-partial', `${record.contentFiles[0]!.sha256}.partial`);
    await until(async () => existsSync(partial) && readFileSync(partial).length >= 150_000);
    await site.close();

    const next = await reopen();
    const job = await jobEnd(next, started.jobId);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ sourceVersion: 2 });
    const resumed = server.requests.filter((r) => r.name === 'alpha-kb1-x64.msu');
    expect(resumed.at(-1)!.range).toBe('bytes=150000-');
    expect(server.bytesSent).toBe(300_000);
    writeFileSync(join(source, 'note.txt'), 'the admin may keep other files here');
  });
});
