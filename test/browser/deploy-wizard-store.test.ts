import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../src/shared/api/http-transport';
import { SiteApi } from '../../src/shared/api/site-api';
import { defaultDeadline } from '../../src/shared/contract/deployments';
import type { DeployPageId } from '../../src/renderer/wizards/deploy/deploy-pages';
import { DeployWizardStore } from '../../src/renderer/wizards/deploy/deploy-wizard-store';
import { WizardFlow } from '../../src/renderer/wizards/wizard-flow';
import { EventHub } from '../../src/renderer/stores/event-hub';
import { JobsStore } from '../../src/renderer/stores/jobs-store';
import { Notices } from '../../src/renderer/stores/notices';
import { startSite, type RunningSite } from './support/site-server';

/**
 * The Deploy Software Updates Wizard's store and the wizard frame's flow against a real site
 * over HTTP (no browser): the site's defaults, each page's sentences (schema slice, the rules
 * between fields, the site's name check), templates, and the job to Completion.
 */
describe('Deploy wizard store and wizard flow', () => {
  let site: RunningSite;
  let api: SiteApi;
  let hub: EventHub;
  let jobs: JobsStore;
  let stopJobs: () => void;
  let packageSource: string;
  let groupId: number;
  let allSystemsId: number;

  const newWizard = () => {
    const store = new DeployWizardStore(api, {
      selection: { groupId },
      ciIds: [],
      groupId,
      description: 'Demo group',
    });
    const flow = new WizardFlow<DeployPageId>(store, { jobs }, () => undefined);
    return { store, flow };
  };

  beforeAll(async () => {
    packageSource = mkdtempSync(join(tmpdir(), 'patchbay-deploy-package-'));
    site = await startSite();
    api = new SiteApi(createHttpTransport(site.url));
    hub = new EventHub(api);
    hub.start();
    jobs = new JobsStore(api, hub, new Notices());
    stopJobs = jobs.start();
    await api.call('content.addDemo', {});
    const page = await api.call('updates.list', {
      filter: { text: 'Patchbay Demo' },
      page: { size: 50 },
    });
    const group = await api.call('groups.create', {
      name: 'Demo group',
      ciIds: page.rows.slice(0, 3).map((row) => row.ciId),
    });
    groupId = group.id;
    const collections = await api.call('collections.list', {});
    allSystemsId = collections.find((collection) => collection.name === 'All Systems')!.id;
  });
  afterAll(async () => {
    stopJobs?.();
    hub?.stop();
    await site?.stop();
    rmSync(packageSource, { recursive: true, force: true });
  });

  it('starts with the site default name, the pages of §7 and ConfigMgr defaults', async () => {
    const { store, flow } = newWizard();
    await store.load();
    expect(store.loadError).toBeNull();
    expect(store.general.name).toMatch(
      /^Microsoft Software Updates - \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [AP]M$/,
    );
    expect(store.preview?.isEverythingDownloaded).toBe(false);
    expect(flow.steps.map((step) => step.title)).toEqual([
      'General',
      'Deployment Settings',
      'Scheduling',
      'User Experience',
      'Alerts',
      'Download Settings',
      'Deployment Package',
      'Distribution Points',
      'Download Location',
      'Language Selection',
      'Summary',
      'Progress',
      'Completion',
    ]);
    const settings = store.settings.settings;
    expect(settings.deploymentSettings.purpose).toBe('Required');
    expect(settings.scheduling.availableTime).toBe('asap');
    expect(settings.scheduling.deadlineTime).toBe(defaultDeadline(store.now.local));
    expect(settings.userExperience.userNotification).toBe('DisplayAll');
    expect(settings.userExperience.isWriteFilterCommitted).toBe(true);
    expect(settings.downloadSettings.neighborBoundaryGroups).toBe('DownloadAndInstall');
  });

  it('gives each invalid field its sentence and keeps later pages shut', async () => {
    const { store, flow } = newWizard();
    await store.load();
    flow.next();
    expect(flow.step).toBe('general');
    expect(flow.problemFor('general', 'collectionId')).toBe('Choose a device collection.');
    store.setGeneral('name', 'n'.repeat(257));
    expect(flow.problemFor('general', 'name')).toBe('At most 256 characters.');
    store.setGeneral('name', '');
    expect(flow.problemFor('general', 'name')).toBe('A deployment needs a name.');
    expect(flow.canVisit('scheduling')).toBe(false);
    store.setGeneral('name', 'Store deployment');
    store.setGeneral('collectionId', allSystemsId);
    expect(flow.canVisit('downloadSettings')).toBe(true);

    store.settings.update('deploymentSettings', { purpose: 'Available' });
    store.settings.update('userExperience', { userNotification: 'HideAll' });
    expect(store.problems('userExperience').get('userNotification')).toBe(
      'An Available deployment must be shown in Software Center.',
    );
    // Available has no deadline: the deadline boxes are out of the request.
    expect(store.settings.settings.scheduling.deadlineTime).toBeNull();
    store.settings.update('deploymentSettings', { purpose: 'Required' });
    store.settings.update('userExperience', { userNotification: 'DisplayAll' });

    store.settings.setAvailable({ isAsap: false, date: '2030-06-10', time: '09:00' });
    expect(store.settings.settings.scheduling.deadlineTime).toBe('2030-06-17T09:00');
    store.settings.setDeadline({ isAsap: false, date: '2030-06-09' });
    expect(store.problems('scheduling').get('deadlineTime')).toBe(
      'The installation deadline cannot be before the software available time.',
    );
    store.settings.setDeadline({ date: '' });
    expect(store.problems('scheduling').get('deadlineTime')).toBe(
      'Expected a date and time such as 2026-12-08T02:00.',
    );
    store.settings.setDeadline({ date: '2030-06-20' });
    expect(store.problems('scheduling').size).toBe(0);

    store.settings.update('alerts', { isAlertOnLowCompliance: true, compliancePercentBelow: '' });
    expect(store.problems('alerts').get('compliancePercentBelow')).toBe(
      'Enter a whole number from 1 to 99.',
    );
    store.settings.update('alerts', { compliancePercentBelow: '100' });
    expect(store.problems('alerts').get('compliancePercentBelow')).toBe('To 99.');
    store.settings.update('alerts', { compliancePercentBelow: '90' });
    expect(store.problems('alerts').size).toBe(0);
  });

  it('saves a template from Summary and applies it on General', async () => {
    const first = newWizard();
    await first.store.load();
    first.store.setGeneral('collectionId', allSystemsId);
    first.store.settings.update('deploymentSettings', { verbosity: 1 });
    first.store.settings.update('userExperience', { isRestartSuppressedOnServers: true });
    expect(first.store.templateNameProblem('bad/name')).toBe(
      "Use letters, digits, spaces, \\ and ' only.",
    );
    expect(
      await first.store.saveTemplate('Servers quiet', [
        'deploymentSettings',
        'userExperience',
        'collection',
      ]),
    ).toBe(true);

    const second = newWizard();
    await second.store.load();
    const template = second.store.templates.find((each) => each.name === 'Servers quiet')!;
    second.store.applyTemplate(template);
    expect(second.store.general.collectionId).toBe(allSystemsId);
    expect(second.store.settings.settings.deploymentSettings.verbosity).toBe(1);
    expect(second.store.settings.settings.userExperience.isRestartSuppressedOnServers).toBe(true);
    expect(second.store.request.general.templateId).toBe(template.id);
  });

  it('downloads, distributes and creates the deployment, then refuses its name again', async () => {
    const { store, flow } = newWizard();
    await store.load();
    store.setGeneral('name', 'Store deployment');
    store.setGeneral('collectionId', allSystemsId);
    store.content.set('packageChoice', 'new');
    store.content.set('name', 'Deploy store package');
    store.content.set('sourcePath', packageSource);
    const dps = await api.call('dps.list', {});
    store.content.addDistributionPoints(dps.map((dp) => dp.id));
    flow.goToSummary();
    await expect.poll(() => flow.step).toBe('summary');
    flow.next();
    await expect.poll(() => flow.step).toBe('progress');
    await expect.poll(() => flow.step, { timeout: 90_000 }).toBe('completion');
    const result = store.resultOf(flow.job);
    expect(flow.job?.state).toBe('succeeded');
    expect(result?.steps.map((step) => [step.step, step.outcome])).toEqual([
      ['Download', 'Succeeded'],
      ['Distribute', 'Succeeded'],
      ['CreateDeployment', 'Succeeded'],
    ]);
    const listed = await api.call('deployments.list', { filter: { groupId } });
    expect(listed.rows.map((row) => row.name)).toEqual(['Store deployment']);
    expect(listed.rows[0]!.collectionName).toBe('All Systems');

    const again = newWizard();
    await again.store.load();
    expect(again.store.preview?.isEverythingDownloaded).toBe(true);
    expect(again.flow.steps.map((step) => step.id)).not.toContain('deploymentPackage');
    again.store.setGeneral('name', 'Store deployment');
    again.store.setGeneral('collectionId', allSystemsId);
    again.flow.next();
    await expect.poll(() => again.flow.problemFor('general', 'name')).toMatch(/already/i);
    expect(again.flow.step).toBe('general');
  });
});
