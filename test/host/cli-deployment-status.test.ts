import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManagementPointClient } from '../../src/main/host/fleet/management-point-client';
import { startSiteServer } from '../../src/main/host/server/site-server';
import { openSite } from '../../src/main/site/site';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { patchbay } from '../support/cli';
import { deploy } from '../support/deployment-site';
import { createTestDatabase, engines } from '../support/engines';
import { syncAndWait } from '../support/sync-helpers';

describe.each(engines)('patchbay deployment status on %s', (engine) => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('prints the SMS_DeploymentSummary counters and categories as JSON, and the Asset Details of a category', async () => {
    const database = await createTestDatabase(engine);
    cleanup.push(database.dispose);
    const dataDir = mkdtempSync(join(tmpdir(), 'patchbay-cli-status-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const dbOption =
      database.config.kind === 'sqlite' ? database.config.file : database.config.connectionString;
    const site = await openSite({
      database: database.config,
      dataFolder: dataDir,
      bundledCatalogFolder: null,
      scheduleCheckMs: 0,
      runner: { pollMs: 50, leaseMs: 2_000, progressWriteMs: 40 },
    });
    const server = await startSiteServer(site);
    try {
      await site.supSettings.set({ syncSourceLocation: bundleOf([makeRecord('cu-january')]) });
      await syncAndWait(site);
      const ciId = (
        await site.database.db
          .selectFrom('software_update')
          .select('ci_id')
          .executeTakeFirstOrThrow()
      ).ci_id;
      const allSystems = await site.database.db
        .selectFrom('collection')
        .select('id')
        .where('collection_id', '=', 'SMS00001')
        .executeTakeFirstOrThrow();
      const id = await deploy(site, {
        selection: { ciIds: [ciId] },
        general: { name: 'January ring', collectionId: allSystems.id },
      });
      const uniqueId = (
        await site.database.db
          .selectFrom('deployment')
          .select('assignment_unique_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).assignment_unique_id;
      const mp = new ManagementPointClient(server.url);
      const states: Array<[number, number]> = [
        [4, 0],
        [6, 0x80240022],
        [7, 0],
      ];
      for (const [index, [stateId, errorCode]] of states.entries()) {
        const client = await mp.register({
          name: `pc${index + 1}`,
          osName: 'Windows 11',
          products: [],
        });
        await mp.postStateMessages(client, {
          batchId: `cli-status-${index}`,
          messages: [
            {
              topicType: 301,
              topicId: uniqueId,
              stateId,
              errorCode,
              time: new Date().toISOString(),
            },
          ],
        });
      }
      await mp.register({ name: 'pc4', osName: 'Windows 11', products: [] });
    } finally {
      await server.close();
      await site.close();
    }

    const json = await patchbay(
      dataDir,
      'deployment',
      'status',
      'January ring',
      '--format',
      'json',
      '--db',
      dbOption,
    );
    expect(json.stderr).toBe('');
    const status = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(status).toMatchObject({
      name: 'January ring',
      numberTargeted: 4,
      numberSuccess: 1,
      numberInProgress: 1,
      numberErrors: 1,
      numberOther: 0,
      numberUnknown: 1,
      compliancePercent: 25,
      summarizationTime: expect.any(String),
    });
    expect(
      (status.categories as Array<{ category: string; count: number }>).map((c) => c.count),
    ).toEqual([1, 1, 1, 0, 1]);
    expect(status).not.toHaveProperty('assets');

    const errors = await patchbay(
      dataDir,
      'deployment',
      'status',
      'january ring',
      '--category',
      'Error',
      '--format',
      'json',
      '--db',
      dbOption,
    );
    expect(JSON.parse(errors.stdout)).toMatchObject({
      category: 'Error',
      total: 1,
      assets: [
        {
          deviceName: 'PC2',
          errorCodeHex: '0x80240022',
          subStateLabel: 'Failed to install update(s)',
        },
      ],
    });
    const table = await patchbay(dataDir, 'deployment', 'status', 'January ring', '--db', dbOption);
    expect(table.stdout).toContain('January ring: 25% compliant, 4 targeted');
    expect(table.stdout).toMatch(/Error\s+1/);

    const wrong = await patchbay(
      dataDir,
      'deployment',
      'status',
      'January ring',
      '--category',
      'Broken',
      '--db',
      dbOption,
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      '--category: "Broken" is not one of Compliant, InProgress, Error, RequirementsNotMet, Unknown.',
    );
    const missing = await patchbay(dataDir, 'deployment', 'status', 'No such', '--db', dbOption);
    expect(missing.stderr).toContain('There is no deployment named "No such".');
  }, 120_000);
});
