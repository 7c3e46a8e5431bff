import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ManagementPointClient } from '../../src/main/host/fleet/management-point-client';
import { startSiteServer } from '../../src/main/host/server/site-server';
import { openSite } from '../../src/main/site/site';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { until } from '../support/test-site';

const run = promisify(execFile);
const cli = ['scripts/run-ts.mjs', 'src/main/host/cli.ts'];

/** The CLI as an admin types it (through the TypeScript entry, so no build is needed). */
async function patchbay(dataDir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [...cli, ...args, '--data-dir', dataDir],
      {
        env: { ...process.env, PATCHBAY_BUNDLED_CATALOG: '/nonexistent', USER: 'cli-admin' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('collections, maintenance windows, compliance and the fleet from the shell', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((path) => rmSync(path, { recursive: true, force: true })));

  it('manages collections and windows, shows live compliance, summarizes, and runs a fleet', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'patchbay-cli-compliance-'));
    folders.push(dataDir);
    const january = makeRecord('cu-january', { articleId: '5034441' });
    const february = makeRecord('cu-february', { articleId: '5034763' });
    // Only sync, serve and db init create a site; every other verb needs one.
    await patchbay(dataDir, 'db', 'init');
    expect(
      (await patchbay(dataDir, 'catalog', 'import', bundleOf([january, february]))).stdout,
    ).toContain('Imported: 2 added');
    // The site server, as `patchbay serve` runs it, for the clients.
    const site = await openSite({
      database: { kind: 'sqlite', file: join(dataDir, 'site.db') },
      dataFolder: dataDir,
      runJobs: false,
      bundledCatalogFolder: null,
      scheduleCheckMs: 0,
    });
    const server = await startSiteServer(site);
    try {
      const mp = new ManagementPointClient(server.url);
      const pc1 = await mp.register({
        name: 'pc1',
        osName: 'Windows 11',
        products: ['Windows 11'],
      });
      await mp.register({ name: 'srv1', osName: 'Windows Server 2022', isServer: true });
      await mp.postStateMessages(pc1, {
        batchId: 'pc1-batch-1',
        messages: [
          { topicType: 501, stateId: 3, time: new Date().toISOString() },
          {
            topicType: 500,
            updateId: january.updateId,
            stateId: 2,
            time: new Date().toISOString(),
          },
        ],
      });

      const created = await patchbay(
        dataDir,
        'collection',
        'new',
        'Pilot',
        '--limiting',
        'All Workstations',
      );
      expect(created.stdout).toMatch(
        /^Created device collection "Pilot" \(PS1[0-9A-F]{5}\), limited to All Workstations\.\n$/,
      );
      const rule = await patchbay(
        dataDir,
        'collection',
        'add-rule',
        'pilot',
        '--query',
        'osName contains windows',
      );
      expect(rule.stdout).toBe('Device collection "Pilot": added 1 rule; it has 1 member(s).\n');
      const badRule = await patchbay(
        dataDir,
        'collection',
        'add-rule',
        'pilot',
        '--query',
        'os is windows',
      );
      expect(badRule.code).toBe(2);
      expect(badRule.stderr).toMatch(
        /^patchbay: --query: "os is windows" is not "<property> <operator> <value>"/,
      );
      const members = await patchbay(dataDir, 'collection', 'members', 'Pilot', '--format', 'csv');
      expect(members.stdout.trim().split(/\r?\n/).slice(1)).toEqual([
        expect.stringMatching(/^\d+,PC1,,Windows 11,/),
      ]);
      const list = JSON.parse(
        (await patchbay(dataDir, 'collection', 'list', '--format', 'json')).stdout,
      ) as Array<{
        name: string;
        memberCount: number;
      }>;
      expect(list.map((c) => [c.name, c.memberCount])).toContainEqual(['All Systems', 2]);

      const window = await patchbay(
        dataDir,
        'mw',
        'add',
        'Pilot',
        '--name',
        'Nightly',
        '--start',
        '2026-11-01T02:00',
        '--duration',
        '120',
        '--utc',
      );
      expect(window.stdout).toMatch(
        /^Added maintenance window "Nightly" \(ID \d+\) to Pilot: 120 minutes from 2026-11-01T02:00, daily, Any\.\n$/,
      );
      const tooLong = await patchbay(
        dataDir,
        'mw',
        'add',
        'Pilot',
        '--name',
        'Day',
        '--start',
        '2026-11-01T00:00',
        '--duration',
        '1440',
      );
      expect(tooLong.code).toBe(2);
      expect(tooLong.stderr).toBe(
        'patchbay: durationMinutes: a maintenance window must be shorter than 24 hours.\n',
      );
      expect((await patchbay(dataDir, 'mw', 'list', '--format', 'csv')).stdout).toContain(
        'Pilot,Nightly,2026-11-01T02:00 UTC,interval,120,Any,Yes',
      );
      const calendar = await patchbay(
        dataDir,
        'mw',
        'list',
        '--device',
        'pc1',
        '--days',
        '2',
        '--format',
        'json',
      );
      expect((JSON.parse(calendar.stdout) as unknown[]).length).toBeGreaterThanOrEqual(2);

      const update = JSON.parse(
        (await patchbay(dataDir, 'compliance', 'show', '--update', 'KB5034441', '--format', 'json'))
          .stdout,
      ) as Record<string, number>;
      expect(update).toMatchObject({ required: 1, installed: 0, unknown: 1, total: 2 });
      const unknown = await patchbay(
        dataDir,
        'compliance',
        'show',
        '--update',
        'KB5034441',
        '--unknown',
        '--format',
        'csv',
      );
      expect(unknown.stdout).toContain(
        'SRV1,never scanned,The client has not completed a scan yet.',
      );
      const device = await patchbay(dataDir, 'compliance', 'show', '--device', 'PC1');
      expect(device.stdout).toMatch(/^PC1: last scan .* \(Completed, 0x00000000\)\n/);
      expect(device.stdout).toMatch(/5034441 .* Required/);
      const neither = await patchbay(dataDir, 'compliance', 'show');
      expect(neither.stderr).toBe('patchbay: Name exactly one of --update, --group or --device.\n');

      const summarized = await patchbay(dataDir, 'summarize');
      expect(summarized.stdout).toBe(
        'Summarized 2 updates and 0 groups; 0 counter(s) differed from the live ones.\n',
      );
      const scheduled = await patchbay(
        dataDir,
        'summarize',
        '--schedule',
        '15',
        '--unit',
        'minutes',
      );
      expect(scheduled.stdout).toBe('Software update summarization runs every 15 minutes.\n');

      // A fleet of 20 clients an hour of fleet life per second, until it is stopped.
      const fleet = spawn(
        process.execPath,
        [
          ...cli,
          'fleet',
          'start',
          '--url',
          server.url,
          '--clients',
          '20',
          '--acceleration',
          '3600',
          '--data-dir',
          dataDir,
        ],
        { env: { ...process.env, PATCHBAY_BUNDLED_CATALOG: '/nonexistent' }, stdio: 'ignore' },
      );
      const statusFile = join(dataDir, 'fleet', 'status.json');
      await until(async () => {
        if (!existsSync(statusFile)) return false;
        const status = JSON.parse(readFileSync(statusFile, 'utf8')) as {
          registered: number;
          batchesAccepted: number;
        };
        return status.registered === 20 && status.batchesAccepted >= 20;
      }, 60_000);
      const status = await patchbay(dataDir, 'fleet', 'status');
      expect(status.stdout).toMatch(
        /^Fleet running \(process \d+\) against http:\/\/127\.0\.0\.1:\d+\/\nClients: 20 of 20 registered\n/,
      );
      const stopped = await patchbay(dataDir, 'fleet', 'stop');
      expect(stopped.stdout).toMatch(/^Fleet stopped \(process \d+\)\.\n/);
      await until(async () => fleet.exitCode !== null, 10_000);
      const total = (
        await patchbay(dataDir, 'compliance', 'show', '--update', 'KB5034441', '--format', 'json')
      ).stdout;
      expect((JSON.parse(total) as { total: number }).total).toBe(22);
    } finally {
      await server.close();
      await site.close();
    }
  }, 180_000);
});
