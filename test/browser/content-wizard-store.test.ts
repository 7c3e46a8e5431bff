import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../src/shared/api/http-transport';
import { SiteApi } from '../../src/shared/api/site-api';
import { DownloadWizardStore } from '../../src/renderer/wizards/download/download-wizard-store';
import type { DownloadPageId } from '../../src/renderer/wizards/download/download-draft';
import { WizardFlow } from '../../src/renderer/wizards/wizard-flow';
import { EventHub } from '../../src/renderer/stores/event-hub';
import { JobsStore } from '../../src/renderer/stores/jobs-store';
import { Notices } from '../../src/renderer/stores/notices';
import { startSite, type RunningSite } from './support/site-server';

/**
 * The Download Software Updates Wizard's store and the wizard frame's flow, against a real site
 * over HTTP (no browser): each page is checked with its slice of the site's schema, the pages
 * follow the package choice, and the flow follows the job to Completion.
 */
describe('Download wizard store and wizard flow', () => {
  let site: RunningSite;
  let api: SiteApi;
  let hub: EventHub;
  let jobs: JobsStore;
  let stopJobs: () => void;
  let packageSource: string;
  let demoCiIds: number[];

  const newWizard = (ciIds = demoCiIds.slice(0, 2)) => {
    const store = new DownloadWizardStore(api, {
      ciIds,
      description: `${ciIds.length} software updates`,
    });
    let isClosed = false;
    const flow = new WizardFlow<DownloadPageId>(store, { jobs }, () => (isClosed = true));
    return { store, flow, isClosed: () => isClosed };
  };

  beforeAll(async () => {
    packageSource = mkdtempSync(join(tmpdir(), 'patchbay-store-package-'));
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
    demoCiIds = page.rows.map((row) => row.ciId);
  });
  afterAll(async () => {
    stopJobs?.();
    hub?.stop();
    await site?.stop();
    rmSync(packageSource, { recursive: true, force: true });
  });

  it('presets the languages from the update-file languages and starts on a new package', async () => {
    const { store, flow } = newWizard();
    await store.load();
    const languages = await api.call('sup.languages', {});
    const enabled = languages.filter((language) => language.isUpdateFileEnabled);
    expect(store.draft.languages.sort()).toEqual(enabled.map((language) => language.code).sort());
    expect(store.draft.packageChoice).toBe('new');
    expect(store.draft.priority).toBe('Medium');
    expect(store.draft.prestageBehavior).toBe('ManualCopy');
    expect(store.draft.locationSource).toBe('internet');
    expect(flow.steps.map((step) => step.title)).toEqual([
      'Deployment Package',
      'Distribution Points',
      'Distribution Settings',
      'Download Location',
      'Language Selection',
      'Summary',
      'Progress',
      'Completion',
    ]);
  });

  it('gives the sentence of the schema slice, once touched or after Next, and keeps later pages shut', async () => {
    const { store, flow } = newWizard();
    await store.load();
    expect(flow.problemFor('deploymentPackage', 'package.name')).toBeUndefined();
    flow.next();
    expect(flow.step).toBe('deploymentPackage');
    expect(flow.problemFor('deploymentPackage', 'package.name')).toBe(
      'A deployment package needs a name.',
    );
    store.set('name', 'n'.repeat(51));
    expect(flow.problemFor('deploymentPackage', 'package.name')).toBe('At most 50 characters.');
    expect(flow.canVisit('downloadLocation')).toBe(false);
    expect(flow.canVisit('summary')).toBe(false);

    store.set('name', 'Store test');
    store.set('sourcePath', packageSource);
    expect(flow.canVisit('languageSelection')).toBe(true);
    store.set('languages', []);
    expect(store.problems('languageSelection').get('languages')).toBe(
      'Select at least one language.',
    );
    expect(flow.canVisit('summary')).toBe(false);
    store.setLanguage('en', true);
    expect(flow.isEveryPageValid).toBe(true);

    store.set('locationSource', 'network');
    expect(store.problems('downloadLocation').get('path')).toBe(
      'Give the folder that holds the update files.',
    );
    store.set('locationSource', 'internet');
  });

  it('tells a missing or taken package source beside the field when it is left or on Next, and stays on the page', async () => {
    const { store, flow } = newWizard();
    await store.load();
    store.set('name', 'Source check');
    const missing = join(packageSource, 'no-such-folder');
    store.set('sourcePath', missing);
    flow.touch('deploymentPackage', 'package.sourcePath');
    flow.leave('deploymentPackage', 'package.sourcePath');
    await expect
      .poll(() => flow.problemFor('deploymentPackage', 'package.sourcePath'))
      .toContain(missing);
    expect(flow.canVisit('distributionPoints')).toBe(false);
    flow.next();
    await expect.poll(() => flow.isChecking).toBe(false);
    expect(flow.step).toBe('deploymentPackage');
    flow.goToSummary();
    await expect.poll(() => flow.isChecking).toBe(false);
    expect(flow.step).toBe('deploymentPackage');

    // Another package's folder: named, and Next stays on the page.
    const taken = mkdtempSync(join(tmpdir(), 'patchbay-store-taken-'));
    await api.call('packages.create', { name: 'Holds the folder', sourcePath: taken });
    store.set('sourcePath', taken);
    flow.touch('deploymentPackage', 'package.sourcePath');
    expect(flow.problemFor('deploymentPackage', 'package.sourcePath')).toBeUndefined();
    flow.next();
    await expect
      .poll(() => flow.problemFor('deploymentPackage', 'package.sourcePath'))
      .toContain('is already used by the deployment package "Holds the folder"');
    expect(flow.step).toBe('deploymentPackage');

    // A good folder: Next moves on once the site agrees.
    const fresh = mkdtempSync(join(tmpdir(), 'patchbay-store-fresh-'));
    store.set('sourcePath', fresh);
    flow.touch('deploymentPackage', 'package.sourcePath');
    flow.next();
    await expect.poll(() => flow.step).toBe('distributionPoints');
    await api.call('packages.delete', {
      ids: (await api.call('packages.list', {})).rows
        .filter((row) => row.name === 'Holds the folder')
        .map((row) => row.id),
    });
  });

  it('asks before Cancel drops a changed draft, and closes at once when nothing changed', async () => {
    const untouched = newWizard();
    await untouched.store.load();
    untouched.flow.cancel();
    expect(untouched.isClosed()).toBe(true);

    const changed = newWizard();
    await changed.store.load();
    changed.store.set('description', 'typed');
    changed.flow.cancel();
    expect(changed.flow.isAskingToCancel).toBe(true);
    changed.flow.answerCancel(false);
    expect(changed.isClosed()).toBe(false);
    changed.flow.cancel();
    changed.flow.answerCancel(true);
    expect(changed.isClosed()).toBe(true);
  });

  it('follows the job from Summary to Completion and reads the per-update result', async () => {
    const { store, flow } = newWizard();
    await store.load();
    store.set('name', 'Store download');
    store.set('sourcePath', packageSource);
    const dps = await api.call('dps.list', {});
    store.addDistributionPoints(dps.map((dp) => dp.id));
    flow.goToSummary();
    await expect.poll(() => flow.step).toBe('summary');
    await expect.poll(() => store.preview?.files ?? 0).toBeGreaterThan(0);
    flow.next();
    await expect.poll(() => flow.step).toBe('progress');
    expect(flow.canGoBack).toBe(false);
    await expect.poll(() => flow.step, { timeout: 60_000 }).toBe('completion');
    const result = store.resultOf(flow.job);
    expect(result?.sourceVersion).toBe(2);
    expect(result?.updates.map((update) => update.outcome)).toEqual(['Downloaded', 'Downloaded']);
  });

  it('leaves the distribution pages out for an existing package', async () => {
    const { store, flow } = newWizard(demoCiIds.slice(2, 3));
    await store.load();
    expect(store.draft.packageChoice).toBe('existing');
    expect(flow.steps.map((step) => step.id)).toEqual([
      'deploymentPackage',
      'downloadLocation',
      'languageSelection',
      'summary',
      'progress',
      'completion',
    ]);
    expect(store.problems('deploymentPackage').get('packageId')).toBe(
      'Select a deployment package.',
    );
    store.set('existingPackageId', store.packages[0]!.id);
    expect(flow.isEveryPageValid).toBe(true);
  });
});
