import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSite } from '../../src/main/site/site';
import { patchbay, temporaryFolders } from '../support/cli';

describe('client settings and collection updates from the shell', () => {
  const folders = temporaryFolders();
  afterAll(() => folders.removeAll());

  it('creates, deploys and resolves client settings, and updates and changes collections', async () => {
    const dataDir = folders.folder('patchbay-cli-client-settings-');
    const site = await openSite({
      database: { kind: 'sqlite', file: join(dataDir, 'site.db') },
      dataFolder: dataDir,
      runJobs: false,
      bundledCatalogFolder: null,
      scheduleCheckMs: 0,
    });
    try {
      const ids: number[] = [];
      for (const name of ['pc1', 'pc2'])
        ids.push(
          (
            await site.managementPoint.register({
              name,
              osName: 'Windows 11',
              products: ['Windows 11'],
            })
          ).clientId,
        );
      expect((await patchbay(dataDir, 'collection', 'new', 'Pilot')).code).toBe(0);
      await patchbay(dataDir, 'collection', 'add-rule', 'Pilot', '--direct', 'PC1');

      const set = await patchbay(
        dataDir,
        'collection',
        'set',
        'Pilot',
        '--new-name',
        'Pilot ring',
        '--comment',
        'First wave',
        '--limiting-collection',
        'All Workstations',
        '--refresh-days',
        '3',
      );
      expect(set.stdout).toMatch(
        /^Device collection "Pilot ring" \(PS1[0-9A-F]{5}\): limited to SMS000WS, full update every 3 day\(s\); it has 1 member\(s\)\.\n$/,
      );
      const builtIn = await patchbay(dataDir, 'collection', 'set', 'All Systems', '--comment', 'x');
      expect(builtIn.code).not.toBe(0);
      expect(builtIn.stderr).toMatch(/All Systems is a built-in collection/);
      const updated = await patchbay(dataDir, 'collection', 'update', 'pilot ring');
      expect(updated.stdout).toBe(
        'Updated the membership of "Pilot ring": 0 added, 0 removed; it has 1 member(s).\n',
      );

      const created = await patchbay(
        dataDir,
        'client-settings',
        'new',
        'Fast restarts',
        '--description',
        'Pilot devices restart sooner',
        '--restart-after-minutes',
        '45',
        '--other-deployments-period',
        '12 hours',
        '--disable-deadline-randomization',
        'no',
      );
      expect(created.stdout).toBe('Created client settings "Fast restarts" at priority 1.\n');
      const badFlag = await patchbay(dataDir, 'client-settings', 'new', 'Bad', '--scan-days', 'x');
      expect(badFlag.code).toBe(2);
      expect(badFlag.stderr).toMatch(/--scan-days: "x" is not a whole number\./);
      const changed = await patchbay(
        dataDir,
        'client-settings',
        'set',
        'fast restarts',
        '--state-message-minutes',
        '5',
        '--unset',
        'disable-deadline-randomization',
      );
      expect(changed.stdout).toBe(
        'Client settings "Fast restarts" (priority 1): other-deployments-period=12 hours; restart-after-minutes=45; state-message-minutes=5.\n',
      );
      const deployed = await patchbay(
        dataDir,
        'client-settings',
        'deploy',
        'Fast restarts',
        '--collection',
        'Pilot ring',
      );
      expect(deployed.stdout).toBe(
        'Client settings "Fast restarts" deployed to Pilot ring; 1 deployment(s).\n',
      );

      const lowest = await patchbay(
        dataDir,
        'client-settings',
        'set',
        'Fast restarts',
        '--priority',
        'decrease',
      );
      expect(lowest.code).not.toBe(0);
      expect(lowest.stderr).toContain(
        '"Fast restarts" already has the lowest priority of the custom client settings; the Default Client Settings are always last.',
      );
      const list = await patchbay(dataDir, 'client-settings', 'list', '--format', 'csv');
      expect(list.stdout.trim().split(/\r?\n/)).toEqual([
        'Name,Priority,Type,Deployments,Date Modified,Description,Settings',
        expect.stringMatching(
          /^Fast restarts,1,Device,1,[^,]+,Pilot devices restart sooner,other-deployments-period=12 hours; restart-after-minutes=45; state-message-minutes=5$/,
        ),
        expect.stringMatching(/^Default Client Settings,10000,Default,0,[^,]+,,\(all\)$/),
      ]);

      const resultant = JSON.parse(
        (
          await patchbay(
            dataDir,
            'client-settings',
            'resultant',
            '--device',
            'PC1',
            '--format',
            'json',
          )
        ).stdout,
      ) as Array<{ key: string; value: unknown; sourceName: string }>;
      const byKey = new Map(resultant.map((row) => [row.key, row]));
      expect(byKey.get('restartAfterDeadlineMinutes')).toMatchObject({
        value: 45,
        sourceName: 'Fast restarts',
      });
      expect(byKey.get('isDeadlineRandomizationDisabled')).toMatchObject({
        value: true,
        sourceName: 'Default Client Settings',
      });
      const other = await patchbay(dataDir, 'client-settings', 'resultant', '--device', 'PC2');
      expect(other.stdout).toMatch(
        /Computer Restart\s+restart-after-minutes\s+90\s+Default Client Settings\s+10000/,
      );
      // What the management point will put into PC1's policy.
      expect(
        (await site.clientSettings.effectiveFor(ids[0]!)).stateMessageReportingCycleMinutes,
      ).toBe(5);
    } finally {
      await site.close();
    }
  }, 120_000);
});
