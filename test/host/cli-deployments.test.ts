import { describe, expect, it, afterAll } from 'vitest';
import type { Deployment, DeploymentDetail } from '../../src/shared/contract/deployments';
import type { SoftwareUpdateRow } from '../../src/shared/contract/software-updates';
import { patchbay, patchbayJson, temporaryFolders } from '../support/cli';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';

describe('patchbay deployment from the shell', () => {
  const folders = temporaryFolders();
  afterAll(() => folders.removeAll());

  it('deploys, lists as JSON, changes, disables and deletes, and names every bad option', async () => {
    const site = folders.folder('patchbay-cli-deploy-');
    /** `deployment new` for KB5034441 on All Systems, with the flags under test. */
    const deployRing = (...flags: string[]) =>
      patchbay(
        site,
        'deployment',
        'new',
        '--update',
        'KB5034441',
        '--collection',
        'All Systems',
        ...flags,
      );
    const records = [
      makeRecord('cumulative', { articleId: '5034441' }),
      makeRecord('dotnet', { articleId: '5034275' }),
    ];
    // Only sync, serve and db init create a site; every other verb needs one.
    expect((await patchbay(site, 'db', 'init')).code).toBe(0);
    expect((await patchbay(site, 'catalog', 'import', bundleOf(records))).code).toBe(0);
    expect((await patchbay(site, 'demo-content')).code).toBe(0);

    const badPurpose = await deployRing('--purpose', 'Sometimes');
    expect(badPurpose.code).toBe(2);
    expect(badPurpose.stderr).toBe(
      'patchbay: --purpose: "Sometimes" is not Required or Available.\n',
    );
    const hidden = await deployRing('--purpose', 'Available', '--user-notification', 'HideAll');
    expect(hidden.code).toBe(2);
    expect(hidden.stderr).toBe(
      'patchbay: --user-notification: an Available deployment must be shown in Software Center.\n',
    );

    const created = await deployRing(
      '--name',
      'Ring 0',
      '--available',
      '2026-12-20T00:00',
      '--deadline',
      '2027-01-01T00:00',
      '--suppress-restart',
      'servers',
      '--verbosity',
      '5',
      '--alert-below',
      '90',
      '--alert-offset',
      '2',
      '--alert-unit',
      'Days',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Download +Skipped/);
    expect(created.stdout).toContain('Created deployment 1 "Ring 0".');

    const demo = await patchbayJson<SoftwareUpdateRow[]>(
      site,
      'updates',
      'list',
      '--criteria',
      'Vendor=Patchbay Demo',
    );
    expect(demo.length).toBeGreaterThan(1);
    const withContent = await patchbay(
      site,
      'deployment',
      'new',
      '--update',
      `ci:${demo[0]!.ciId}`,
      `ci:${demo[1]!.ciId}`,
      '--collection',
      'SMS00001',
      '--name',
      'Demo ring',
      '--new-package',
      'Demo package',
      '--path',
      folders.folder('patchbay-cli-pkg-'),
      '--language',
      'en',
    );
    expect(withContent.stderr).not.toContain('patchbay:');
    expect(withContent.stdout).toMatch(/Download +Succeeded/);
    expect(withContent.stdout).toContain('Created deployment 2 "Demo ring".');

    const list = await patchbayJson<Deployment[]>(site, 'deployment', 'list');
    expect(list.map((row) => [row.name, row.numberOfUpdates, row.purpose])).toEqual([
      ['Demo ring', 2, 'Required'],
      ['Ring 0', 1, 'Required'],
    ]);
    expect(list[1]).toMatchObject({
      numberTargeted: 0,
      numberSuccess: 0,
      numberErrors: 0,
      createdBy: 'cli-admin',
    });

    const early = await patchbay(
      site,
      'deployment',
      'set',
      'ring 0',
      '--deadline',
      '2026-12-01T00:00',
    );
    expect(early.code).toBe(2);
    expect(early.stderr).toBe(
      'patchbay: --deadline: the installation deadline cannot be before the software available time.\n',
    );
    expect((await patchbay(site, 'deployment', 'disable', 'Ring 0')).stdout).toBe(
      'Disabled 1 of 1 deployments.\n',
    );
    const shown = await patchbayJson<DeploymentDetail>(site, 'deployment', 'show', '1');
    expect(shown).toMatchObject({ isEnabled: false, enforcementDeadline: '2027-01-01T00:00:00' });
    expect(shown.settings.userExperience.isRestartSuppressedOnServers).toBe(true);
    expect(shown.settings.alerts).toMatchObject({
      isAlertOnLowCompliance: true,
      compliancePercentBelow: 90,
      offsetFromDeadline: 2,
    });

    const deployed = await patchbayJson<SoftwareUpdateRow[]>(
      site,
      'updates',
      'list',
      '--deployed',
      'yes',
      '--criteria',
      'Article ID=5034441',
    );
    expect(deployed.map((row) => row.articleId)).toEqual(['5034441']);
    const badCriteria = await patchbay(site, 'updates', 'list', '--criteria', 'Colour=Blue');
    expect(badCriteria.code).toBe(2);
    expect(badCriteria.stderr).toMatch(
      /^patchbay: --criteria: "Colour=Blue" is not "Property=value"/,
    );

    expect(
      (await patchbay(site, 'deployment', 'template', 'new', 'Nightly', '--time-based-on', 'Utc'))
        .stdout,
    ).toBe('Saved deployment template 1 "Nightly" (scheduling).\n');
    expect((await patchbay(site, 'deployment', 'delete', 'Ring 0', 'Demo ring')).stdout).toBe(
      'Deleted 2 deployments.\n',
    );
  }, 240_000);
});
