import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeploymentJobResult } from '../../src/shared/contract/deployments';
import { call } from '../support/compliance-site';
import { deploymentOf, isDeployed, openDeploymentSite } from '../support/deployment-site';
import { engines } from '../support/engines';
import { jobEnd } from '../support/test-site';

const newPackage = (name: string) => ({
  deploymentPackage: {
    choice: 'new' as const,
    package: { name, sourcePath: mkdtempSync(join(tmpdir(), 'patchbay-deploy-pkg-')) },
  },
  languageSelection: { languages: ['en'] },
});

describe.each(engines)('Deploying software updates on %s', (engine) => {
  let cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });
  async function open(options: Parameters<typeof openDeploymentSite>[1] = {}) {
    const opened = await openDeploymentSite(engine, options);
    cleanup.push(opened.dispose);
    return opened;
  }

  it('downloads, distributes and creates the deployment as one job; the updates and the group show Deployed', async () => {
    const { site, demoIds, allSystems } = await open({ demo: true });
    const group = await call(site, 'groups.create', {
      name: 'Demo group',
      ciIds: demoIds.slice(0, 2),
    });
    const preview = await call(site, 'deployments.preview', { selection: { groupId: group.id } });
    expect(preview).toMatchObject({
      softwareName: 'Demo group',
      numberOfUpdates: 2,
      numberNotDownloaded: 2,
      isEverythingDownloaded: false,
      problem: null,
      defaultName: expect.stringMatching(
        /^Microsoft Software Updates - \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (AM|PM)$/,
      ),
    });
    const { jobId } = await call(site, 'deployments.create', {
      selection: { groupId: group.id },
      general: { name: 'Pilot ring', collectionId: allSystems },
      content: newPackage('Demo package'),
    });
    const job = await jobEnd(site, jobId, 60_000);
    expect(job.error).toBeNull();
    const result = job.result as DeploymentJobResult;
    expect(result.steps.map((step) => [step.step, step.outcome])).toEqual([
      ['Download', 'Succeeded'],
      ['Distribute', 'Succeeded'],
      ['CreateDeployment', 'Succeeded'],
    ]);
    expect(result.download?.updates.map((update) => update.outcome)).toEqual([
      'Downloaded',
      'Downloaded',
    ]);
    const deployment = await call(site, 'deployments.get', { id: result.deploymentId! });
    expect(deployment).toMatchObject({
      name: 'Pilot ring',
      assignmentType: 5,
      softwareName: 'Demo group',
      collectionName: 'All Systems',
      purpose: 'Required',
      isEnabled: true,
      numberOfUpdates: 2,
      packageId: result.download!.packageId,
      createdBy: 'CONTOSO\\admin',
      assignmentUniqueId: expect.stringMatching(/^\{[0-9A-F-]{36}\}$/),
    });
    // The default deadline is the available time plus seven days (§7.3).
    const available = Date.parse(`${deployment.startTime}Z`);
    expect(Date.parse(`${deployment.enforcementDeadline}Z`) - available).toBe(7 * 86_400_000);
    expect(await call(site, 'groups.get', { id: group.id })).toMatchObject({
      isDeployed: true,
      collectionsDeployed: 1,
    });
    for (const ciId of demoIds.slice(0, 2)) expect(await isDeployed(site, ciId)).toBe(true);
    expect(await isDeployed(site, demoIds[2]!)).toBe(false);
    const logs = readFileSync(join(site.folders.logs, 'objreplmgr.log'), 'utf8');
    expect(logs).toContain('Created deployment');
    const audit = await call(site, 'statusMessages.list', { filter: { messageIds: [30196] } });
    expect(audit.rows[0]?.message).toContain('User "CONTOSO\\admin" created updates assignment');
  });

  it('creates no deployment when the download fails, and says why per step', async () => {
    const { site, catalogIds, allSystems } = await open();
    const { jobId } = await call(
      site,
      'deployments.create',
      deploymentOf(catalogIds.slice(0, 1), allSystems, {
        general: { name: 'Doomed', collectionId: allSystems },
        content: newPackage('Doomed package'),
      }),
    );
    const job = await jobEnd(site, jobId, 60_000);
    expect(job.state).toBe('failed');
    expect(job.error).toContain('no deployment was created');
    const result = job.result as DeploymentJobResult;
    expect(result.deploymentId).toBeNull();
    expect(result.steps.map((step) => [step.step, step.outcome])).toEqual([
      ['Download', 'Failed'],
      ['Distribute', 'Skipped'],
      ['CreateDeployment', 'Skipped'],
    ]);
    expect(result.download?.updates[0]?.outcome).toBe('Failed');
    expect((await call(site, 'deployments.list', {})).total).toBe(0);
    expect(await isDeployed(site, catalogIds[0]!)).toBe(false);
  });

  it('skips download and distribution when the content pages are absent', async () => {
    const { site, catalogIds, allSystems } = await open();
    const { jobId } = await call(
      site,
      'deployments.create',
      deploymentOf(catalogIds, allSystems, {
        deploymentSettings: { purpose: 'Available' },
        scheduling: { availableTime: '2027-01-05T10:00', deadlineTime: null },
        isEnabled: false,
      }),
    );
    const job = await jobEnd(site, jobId);
    expect(job.error).toBeNull();
    const result = job.result as DeploymentJobResult;
    expect(result.steps.map((step) => step.outcome)).toEqual(['Skipped', 'Skipped', 'Succeeded']);
    const deployment = await call(site, 'deployments.get', { id: result.deploymentId! });
    expect(deployment).toMatchObject({
      assignmentType: 1,
      softwareName: '3 software updates',
      purpose: 'Available',
      isEnabled: false,
      startTime: '2027-01-05T10:00:00',
      enforcementDeadline: null,
      packageId: null,
      ciIds: catalogIds,
    });
    expect(result.deploymentName).toMatch(/^Microsoft Software Updates - /);
  });
});
