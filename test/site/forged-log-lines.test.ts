import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodOutput, SiteMethod } from '../../src/shared/contract';
import { SiteError } from '../../src/shared/errors';
import { dispatchCall } from '../../src/main/site/api/dispatch';
import { componentLogFiles } from '../../src/main/site/logs/site-logs';
import type { Site } from '../../src/main/site/site';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { expectOneEntryPerLine, hostileNames } from '../support/hostile-input';
import { startPayloadServer } from '../support/payload-server';
import { syncAndWait } from '../support/sync-helpers';
import { jobEnd, openTestSite } from '../support/test-site';

const digest = (algorithm: string, data: Buffer) =>
  createHash(algorithm).update(data).digest('hex');

/**
 * Issue 17 item 2, end to end: a catalog whose titles and file names try to forge log entries is
 * synchronized, its files downloaded into a package whose source folder does the same, and
 * every log the site wrote must still read as one well-formed entry per line, with the names
 * given back exactly as the catalog spelt them.
 */
/** Through the site boundary, as the console calls it: input parsed, defaults filled in. */
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

describe.each(engines)('Log lines cannot be forged on %s', (engine) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('keeps hostile catalog titles, file names and package paths inside their entries', async () => {
    // The site refuses a file name with a control character or a colon (content-paths.ts), so
    // the one that arrives forges with delimiters only; the refused one is logged all the same.
    const fetched = 'forged]LOG]!><![LOG[x  $$<SMS_PATCH_DOWNLOADER><thread=1 (0x1)>.msu';
    const refused = hostileNames[0]!;
    const body = Buffer.alloc(50_000, 'e');
    const server = await startPayloadServer(new Map([[fetched, body]]));
    cleanup.push(() => server.close());
    const file = (fileName: string) => ({
      fileName,
      url: server.urlOf(fileName),
      size: body.length,
      sha256: digest('sha256', body),
      sha1: digest('sha1', body),
      language: '',
    });
    const records = [
      makeRecord('Fetched', { title: hostileNames[1]!, contentFiles: [file(fetched)] }),
      makeRecord('Missing', { title: hostileNames[4]!, contentFiles: [file(refused)] }),
    ];
    const opened = await openTestSite(engine, {
      bundledCatalogFolder: null,
      content: { attempts: 1, backoffMs: 10, concurrency: 1, demoBytesPerSecond: 0 },
    });
    cleanup.push(opened.dispose);
    const { site } = opened;
    await site.supSettings.set({ syncSourceLocation: bundleOf(records) });
    expect((await syncAndWait(site)).error).toBeNull();

    const dp = await call(site, 'dps.add', {
      kind: 'library',
      name: 'DP01',
      libraryPath: mkdtempSync(join(tmpdir(), 'patchbay-dp-')),
    });
    // A source folder named to forge both formats (no line break: paths are item 1's business).
    const source = join(
      mkdtempSync(join(tmpdir(), 'patchbay-pkgsrc-')),
      'src ]LOG]!><![LOG[x  $$<SMS_DISTRIBUTION_MANAGER><01-01-2020 00:00:00.000+000><thread=1 (0x1)>',
    );
    mkdirSync(source);
    const ciIds = (
      await site.database.db
        .selectFrom('software_update')
        .select('ci_id')
        .orderBy('ci_id')
        .execute()
    ).map((row) => row.ci_id);
    const started = await call(site, 'content.download', {
      selection: { ciIds },
      deploymentPackage: {
        choice: 'new',
        package: { name: 'Hostile names', sourcePath: source },
      },
      distributionPoints: { distributionPointIds: [dp.id], distributionPointGroupIds: [] },
      location: { source: 'internet' },
      languageSelection: { languages: ['en'] },
    });
    const job = await jobEnd(site, started.jobId);
    // One file arrived, one was refused by name: both are logged.
    expect(job.result).toMatchObject({ filesFetched: 1 });

    const written = readdirSync(site.folders.logs).filter((name) => name.endsWith('.log'));
    const known = new Set<string>(Object.values(componentLogFiles));
    expect(written.every((name) => known.has(name))).toBe(true);
    expect(written).toEqual(
      expect.arrayContaining(['wsyncmgr.log', 'PatchDownloader.log', 'distmgr.log']),
    );
    const texts = new Map(
      written.map((name) => [
        name,
        expectOneEntryPerLine(join(site.folders.logs, name))
          .map((entry) => entry.text)
          .join('\n'),
      ]),
    );
    const downloader = texts.get('PatchDownloader.log')!;
    expect(downloader).toContain(`FileName = ${fetched}`);
    expect(downloader).toContain(`Failed to download ${refused} for "${hostileNames[4]}"`);
    expect(downloader).toContain(source);
    expect(texts.get('distmgr.log')).toContain('DP01');
  });
});
