import { createHash, randomFillSync } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { get, type IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Job } from '../../src/shared/contract';
import { writeCatalogBundle } from '../../src/main/site/catalog/bundle/write-catalog-bundle';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { Site, SiteOptions } from '../../src/main/site/site';
import { startPayloadServer } from '../../test/support/payload-server';
import { formatRate, medianOf, type BenchRow } from '../support/measure';

const user = { user: 'bench', transport: 'test' as const };

async function finished(site: Site, jobId: number): Promise<Job> {
  for (;;) {
    const job = await site.jobs.get(jobId);
    if (job.state === 'succeeded') return job;
    if (job.state === 'failed' || job.state === 'cancelled')
      throw new Error(`bench download ${job.state}: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * P8: the download job (fetch over HTTP, SHA-256 verification, rename into the package, commit,
 * copy into the site content library) against the floor measured in the same run: a plain
 * `fetch` of the same files from the same loopback server, written to disk at the same
 * concurrency, with no hashing. Then a download interrupted at 50% by closing the site: the
 * bytes fetched again after it reopens.
 */
export async function contentDownload(
  openSite: (options: Partial<SiteOptions>) => Promise<{ site: Site; reopen(): Promise<Site> }>,
  workFolder: string,
  fileCount: number,
  fileMegabytes: number,
): Promise<BenchRow[]> {
  const payloads = new Map<string, Buffer>();
  for (let index = 0; index < fileCount; index += 1)
    payloads.set(
      `bench-kb${7000000 + index}-x64.cab`,
      randomFillSync(Buffer.alloc(fileMegabytes * 1024 * 1024)),
    );
  const server = await startPayloadServer(payloads);
  const totalBytes = fileCount * fileMegabytes * 1024 * 1024;
  const records: UpdateRecord[] = [...payloads.entries()].map(([name, body], index) => ({
    updateId: `be7c4000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    revision: 1,
    articleId: String(7000000 + index),
    bulletinId: '',
    title: `Bench update ${index} (KB${7000000 + index})`,
    description: '',
    classification: 'Security Updates',
    vendor: 'Microsoft',
    products: [{ vendor: 'Microsoft', family: 'Windows', name: 'Windows 11' }],
    severity: 'Important',
    cves: [],
    dateReleased: '2026-11-10T18:00:00.000Z',
    dateRevised: '2026-11-10T18:00:00.000Z',
    size: body.length,
    languages: [],
    supersedes: [],
    restartBehavior: '',
    architecture: 'x64',
    informationUrl: '',
    hasLicenseTerms: false,
    licenseTerms: null,
    contentFiles: [
      {
        fileName: name,
        url: server.urlOf(name),
        size: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        sha1: createHash('sha1').update(body).digest('hex'),
        language: '',
      },
    ],
  }));
  const bundle = join(workFolder, `p8-bundle-${Date.now()}`);
  writeCatalogBundle(bundle, records, { createdAt: '2026-11-10T18:00:00.000Z', sourceSite: null });
  const concurrency = 4;
  const { site, reopen } = await openSite({
    content: { concurrency, attempts: 3, backoffMs: 50, demoBytesPerSecond: 0 },
  });
  let current = site;
  try {
    await site.supSettings.set({ syncSourceLocation: bundle });
    const sync = await site.handlers['sync.start']({ isFull: true }, user);
    site.runner.poke();
    await finished(site, sync.jobId);
    const ciIds = (
      await site.database.db.selectFrom('software_update').select('ci_id').execute()
    ).map((r) => r.ci_id);
    const download = async (name: string, ids: number[]) => {
      const source = mkdtempSync(join(workFolder, 'p8-pkg-'));
      const started = await current.handlers['content.download'](
        {
          selection: { ciIds: ids },
          deploymentPackage: {
            choice: 'new',
            package: {
              name,
              description: '',
              sourcePath: source,
              isBinaryDifferentialReplication: false,
            },
          },
          distributionPoints: { distributionPointIds: [], distributionPointGroupIds: [] },
          distributionSettings: {
            priority: 'Medium',
            isOnDemandDistribution: false,
            prestageBehavior: 'ManualCopy',
          },
          location: { source: 'internet' },
          languageSelection: { languages: ['en'] },
        },
        user,
      );
      current.runner.poke();
      return { ...started, source };
    };
    let run = 0;
    const ours = await medianOf(
      3,
      async () => {
        const started = await download(`Bench ${run}`, ciIds);
        await finished(current, started.jobId);
      },
      // Each timing starts from nothing: no package, nothing in the site content library.
      async () => {
        run += 1;
        const { rows } = await current.handlers['packages.list']({ page: { size: 100 } }, user);
        if (rows.length > 0)
          await current.handlers['packages.delete']({ ids: rows.map((r) => r.id) }, user);
      },
    );
    const floor = await medianOf(3, async () => {
      const target = mkdtempSync(join(workFolder, 'p8-raw-'));
      const names = [...payloads.keys()];
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < names.length) {
            const name = names[next++]!;
            // The plainest Node copy: http.get piped to a file, no hashing, no bookkeeping.
            const response = await new Promise<IncomingMessage>((resolve, reject) =>
              get(server.urlOf(name), resolve).on('error', reject),
            );
            await pipeline(response, createWriteStream(join(target, name)));
          }
        }),
      );
      rmSync(target, { recursive: true, force: true });
    });

    // Interrupted at 50%: stall the first file half-way, close the site, reopen, let it resume.
    const { rows } = await current.handlers['packages.list']({ page: { size: 100 } }, user);
    await current.handlers['packages.delete']({ ids: rows.map((r) => r.id) }, user);
    const [first] = payloads.keys();
    const half = Math.floor(payloads.get(first!)!.length / 2);
    server.stallAt(first!, half);
    const before = server.bytesSent;
    const interrupted = await download('Interrupted', [ciIds[0]!]);
    const partial = join(interrupted.source, '.patchbay-partial');
    for (;;) {
      const sent = server.bytesSent - before;
      if (sent >= half) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    await current.close();
    current = await reopen();
    await finished(current, interrupted.jobId);
    const refetched = server.bytesSent - before - payloads.get(first!)!.length;
    mkdirSync(partial, { recursive: true });
    return [
      {
        scenario: 'P8 download job (HTTP, SHA-256 verify, package, site library)',
        size: `${fileCount} files × ${fileMegabytes} MiB, ${concurrency} at once`,
        medianMs: ours,
        rate: formatRate(totalBytes / 2 ** 20, ours, 'MiB'),
        target: '≥ 0.90 of raw',
        ratio: `${(floor / ours).toFixed(2)} of a raw loopback http.get to disk (${formatRate(totalBytes / 2 ** 20, floor, 'MiB')})`,
      },
      {
        scenario: 'P8 resume after an interruption at 50%',
        size: `1 file × ${fileMegabytes} MiB`,
        medianMs: 0,
        rate: `${refetched} bytes fetched again`,
        target: '0 bytes again',
        ratio: '—',
      },
    ];
  } finally {
    await current.close();
    await server.close();
  }
}
