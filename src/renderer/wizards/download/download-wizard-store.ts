import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import type { SiteApi } from '../../../shared/api/site-api';
import {
  DownloadJobResult,
  type DeploymentPackage,
  type DownloadRequest,
  type DownloadPreview,
} from '../../../shared/contract/deployment-packages';
import type {
  DistributionPoint,
  DistributionPointGroup,
} from '../../../shared/contract/distribution-points';
import type { Job } from '../../../shared/contract';
import type { LanguageRow } from '../../stores/sup-settings-draft';
import { errorSentence } from '../../properties/error-sentence';
import { pageProblems, type FieldPath } from '../page-problems';
import type { WizardModel, WizardPage } from '../wizard-flow';
import {
  defaultDraft,
  downloadPageSchemas,
  downloadPageTitles,
  downloadRequest,
  pageValue,
  type DownloadDraftFields,
  type DownloadPageId,
  type DownloadTarget,
} from './download-draft';

const newPackagePages: DownloadPageId[] = [
  'deploymentPackage',
  'distributionPoints',
  'distributionSettings',
  'downloadLocation',
  'languageSelection',
];
const existingPackagePages: DownloadPageId[] = [
  'deploymentPackage',
  'downloadLocation',
  'languageSelection',
];

/**
 * The Download Software Updates Wizard's draft (spec §6.2): what the admin chose on each page,
 * the lists the pages offer (packages, distribution points and groups, the site's languages),
 * the Summary's preview and the request Next sends. Each page is checked with its slice of the
 * site's DownloadRequest schema.
 */
export class DownloadWizardStore implements WizardModel<DownloadPageId> {
  draft: DownloadDraftFields = defaultDraft();
  isDirty = false;
  packages: DeploymentPackage[] = [];
  distributionPoints: DistributionPoint[] = [];
  distributionPointGroups: DistributionPointGroup[] = [];
  languageOptions: LanguageRow[] = [];
  isLoading = true;
  loadError: string | null = null;
  preview: DownloadPreview | null = null;
  previewError: string | null = null;
  /** The package the job downloads into (the new one once the site created it). */
  packageId: number | null = null;

  constructor(
    private readonly api: SiteApi,
    readonly target: DownloadTarget,
  ) {
    makeAutoObservable<DownloadWizardStore, 'api'>(this, {
      api: false,
      target: false,
      packages: observableRef,
      distributionPoints: observableRef,
      distributionPointGroups: observableRef,
      languageOptions: observableRef,
      preview: observableRef,
    });
  }

  /** Reads what the pages offer; the languages preset from the site's update-file languages. */
  async load(): Promise<void> {
    try {
      const [packages, dps, groups, languages] = await Promise.all([
        this.api.call('packages.list', {
          sort: { column: 'name', direction: 'asc' },
          page: { size: 500 },
        }),
        this.api.call('dps.list', {}),
        this.api.call('dpGroups.list', {}),
        this.api.call('sup.languages', {}),
      ]);
      runInAction(() => {
        this.packages = packages.rows;
        this.distributionPoints = dps;
        this.distributionPointGroups = groups;
        this.languageOptions = languages;
        this.draft.languages = languages
          .filter((language) => language.isUpdateFileEnabled)
          .map((language) => language.code);
        // With no package to select yet, ConfigMgr's first choice is of no use.
        if (packages.rows.length === 0) this.draft.packageChoice = 'new';
        this.loadError = null;
      });
    } catch (error) {
      runInAction(() => (this.loadError = errorSentence(error)));
    } finally {
      runInAction(() => (this.isLoading = false));
    }
  }

  get isNewPackage(): boolean {
    return this.draft.packageChoice === 'new';
  }

  get pages(): WizardPage<DownloadPageId>[] {
    return (this.isNewPackage ? newPackagePages : existingPackagePages).map((id) => ({
      id,
      title: downloadPageTitles[id],
    }));
  }

  problems(page: DownloadPageId): ReadonlyMap<FieldPath, string> {
    const problems = pageProblems(downloadPageSchemas[page], pageValue(this.draft, page));
    if (page === 'deploymentPackage' && this.isNewPackage && !problems.has('package.name')) {
      const name = this.draft.name.trim().toLowerCase();
      if (this.packages.some((existing) => existing.name.toLowerCase() === name)) {
        problems.set(
          'package.name',
          `A deployment package named "${this.draft.name.trim()}" already exists; choose another name.`,
        );
      }
    }
    return problems;
  }

  /**
   * The site's word on the Deployment Package page: a new package's source must be an existing
   * folder the site can write to that no other package uses (spec §6.1), told beside the field.
   */
  async checkPage(page: DownloadPageId): Promise<ReadonlyMap<FieldPath, string>> {
    if (page !== 'deploymentPackage' || !this.isNewPackage) return new Map();
    try {
      await this.api.call('packages.checkSource', { sourcePath: this.draft.sourcePath });
      return new Map();
    } catch (error) {
      return new Map([['package.sourcePath', errorSentence(error)]]);
    }
  }

  /** Changes a field of the draft; the Cancel question is asked from now on. */
  set<Key extends keyof DownloadDraftFields>(key: Key, value: DownloadDraftFields[Key]): void {
    this.draft[key] = value;
    this.isDirty = true;
  }

  get selectedPackage(): DeploymentPackage | undefined {
    return this.packages.find((candidate) => candidate.id === this.draft.existingPackageId);
  }

  addDistributionPoints(ids: readonly number[]): void {
    const known = new Set(this.draft.distributionPointIds);
    this.set('distributionPointIds', [
      ...this.draft.distributionPointIds,
      ...ids.filter((id) => !known.has(id)),
    ]);
  }

  addDistributionPointGroups(ids: readonly number[]): void {
    const known = new Set(this.draft.distributionPointGroupIds);
    this.set('distributionPointGroupIds', [
      ...this.draft.distributionPointGroupIds,
      ...ids.filter((id) => !known.has(id)),
    ]);
  }

  removeTargets(dpIds: ReadonlySet<number>, groupIds: ReadonlySet<number>): void {
    this.set(
      'distributionPointIds',
      this.draft.distributionPointIds.filter((id) => !dpIds.has(id)),
    );
    this.set(
      'distributionPointGroupIds',
      this.draft.distributionPointGroupIds.filter((id) => !groupIds.has(id)),
    );
  }

  setLanguage(code: string, isChecked: boolean): void {
    const others = this.draft.languages.filter((candidate) => candidate !== code);
    this.set('languages', isChecked ? [...others, code] : others);
  }

  languageName(code: string): string {
    return this.languageOptions.find((language) => language.code === code)?.name ?? code;
  }

  /** The Summary's figures: what the job would fetch and what it finds already there. */
  async enterSummary(): Promise<void> {
    this.preview = null;
    this.previewError = null;
    try {
      const preview = await this.api.call('content.preview', {
        selection: { ciIds: [...this.target.ciIds], groupId: this.target.groupId },
        languages: [...this.draft.languages],
        packageId: this.isNewPackage ? undefined : (this.draft.existingPackageId ?? undefined),
      });
      runInAction(() => (this.preview = preview));
    } catch (error) {
      runInAction(() => (this.previewError = errorSentence(error)));
    }
  }

  /** The request the site parses with DownloadRequest (the Deploy wizard's content pages too). */
  get request(): DownloadRequest {
    return downloadRequest(this.draft, this.target);
  }

  async start(): Promise<number> {
    const { jobId, packageId } = await this.api.call('content.download', this.request);
    runInAction(() => (this.packageId = packageId));
    return jobId;
  }

  /** The Completion page's per-update list, once the job has written its result. */
  resultOf(job: Job | undefined): DownloadJobResult | null {
    const parsed = DownloadJobResult.safeParse(job?.result);
    return parsed.success ? parsed.data : null;
  }
}
