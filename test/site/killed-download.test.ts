import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { startPayloadServer } from '../support/payload-server';
import { syncAndWait } from '../support/sync-helpers';
import { openTestSite, until } from '../support/test-site';

describe.each(engines)('a site process killed mid-download on %s', (engine) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('is resumed by the next process from the bytes it had, fetching only the rest', async () => {
    const body = Buffer.alloc(2_000_000, 'k');
    const server = await startPayloadServer(new Map([['killed-kb3-x64.msu', body]]));
    cleanup.push(() => server.close());
    const record = makeRecord('Killed', {
      contentFiles: [
        {
          fileName: 'killed-kb3-x64.msu',
          url: server.urlOf('killed-kb3-x64.msu'),
          size: body.length,
          sha256: createHash('sha256').update(body).digest('hex'),
          sha1: createHash('sha1').update(body).digest('hex'),
          language: '',
        },
      ],
    });
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    cleanup.push(opened.dispose);
    await opened.site.supSettings.set({ syncSourceLocation: bundleOf([record]) });
    expect((await syncAndWait(opened.site)).error).toBeNull();
    await opened.site.close();
    // This process only watches; the child runs the jobs until it is killed.
    const site = await opened.reopen({ runJobs: false });
    const child = spawn(
      process.execPath,
      [
        'scripts/run-ts.mjs',
        'test/support/site-child-process.ts',
        JSON.stringify(site.database.config),
        site.folders.data,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    cleanup.push(async () => void child.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
    });

    server.stallAt('killed-kb3-x64.msu', 1_000_000);
    const source = mkdtempSync(join(tmpdir(), 'patchbay-killed-'));
    const { ciId } = await site.database.db
      .selectFrom('software_update')
      .select('ci_id as ciId')
      .executeTakeFirstOrThrow();
    const started = await site.handlers['content.download'](
      {
        selection: { ciIds: [ciId] },
        deploymentPackage: {
          choice: 'new',
          package: {
            name: 'Killed',
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
      { user: 'test', transport: 'test' },
    );
    const partial = join(source, '.patchbay-partial', `${record.contentFiles[0]!.sha256}.partial`);
    await until(async () => existsSync(partial) && statSync(partial).size >= 1_000_000, 20_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect((await site.jobs.get(started.jobId)).state).toBe('running');

    await site.runner.start();
    const done = await until(async () => {
      const job = await site.jobs.get(started.jobId);
      return ['succeeded', 'failed'].includes(job.state) ? job : null;
    }, 30_000);
    expect(done.error).toBeNull();
    expect(done.attempts).toBe(2);
    expect(server.requests.at(-1)!.range).toBe('bytes=1000000-');
    expect(server.bytesSent).toBe(body.length);
    expect(readFileSync(join(source, record.updateId, 'killed-kb3-x64.msu')).equals(body)).toBe(
      true,
    );
    expect(
      await site.handlers['packages.get'](
        { id: started.packageId },
        { user: 'test', transport: 'test' },
      ),
    ).toMatchObject({ sourceVersion: 2 });
  }, 60_000);
});
