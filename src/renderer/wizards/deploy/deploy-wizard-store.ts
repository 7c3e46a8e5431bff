import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import type { SiteApi } from '../../../shared/api/site-api';
import type { DeviceCollection } from '../../../shared/contract/collections';
import {
  DeploymentJobResult,
  TemplateName,
  type DeploymentCreate,
  type DeploymentPreview,
  type DeploymentTemplate,
  type TemplatePart,
} from '../../../shared/contract/deployments';
import type { Job } from '../../../shared/contract';
import { DeploymentSettingsDraft, settingsPageIds } from '../../deployments/settings-draft';
import { errorSentence } from '../../properties/error-sentence';
import { DownloadWizardStore } from '../download/download-wizard-store';
import { asSentence, pageProblems, type FieldPath } from '../page-problems';
import type { WizardModel, WizardPage } from '../wizard-flow';
import {
  deployPageIds,
  deployPageTitles,
  GeneralPageCheck,
  type DeployContentPageId,
  type DeployPageId,
  type DeployTarget,
} from './deploy-pages';

/** The General page as edited. */
export interface GeneralFields {
  name: string;
  description: string;
  collectionId: number | null;
  templateId: number | null;
}

/**
 * The Deploy Software Updates Wizard's draft (spec §7): General, the five setting pages (a
 * DeploymentSettingsDraft, shared with Properties), the content pages (the Download wizard's own
 * store, so those pages are the same components), templates, and the request Summary's Next
 * sends. Each page is checked with its slice of the site's DeploymentCreate schema, the rules
 * between fields of `deploymentSettingsProblems`, and the site's `deployments.checkName`.
 */
export class DeployWizardStore implements WizardModel<DeployPageId> {
  general: GeneralFields = { name: '', description: '', collectionId: null, templateId: null };
  private isGeneralDirty = false;
  readonly settings: DeploymentSettingsDraft;
  readonly content: DownloadWizardStore;
  preview: DeploymentPreview | null = null;
  collections: DeviceCollection[] = [];
  templates: DeploymentTemplate[] = [];
  isLoading = true;
  loadError: string | null = null;
  templateMessage: { intent: 'success' | 'error'; text: string } | null = null;
  isSavingTemplate = false;

  constructor(
    private readonly api: SiteApi,
    readonly target: DeployTarget,
  ) {
    this.settings = new DeploymentSettingsDraft(() => this.now);
    this.content = new DownloadWizardStore(api, {
      ciIds: target.ciIds,
      groupId: target.groupId,
      description: target.description,
    });
    makeAutoObservable<DeployWizardStore, 'api'>(this, {
      api: false,
      target: false,
      settings: false,
      content: false,
      preview: observableRef,
      collections: observableRef,
      templates: observableRef,
    });
  }

  /** The site's "now" for As soon as possible, from the preview (the console's until then). */
  get now(): { local: string; utc: string } {
    const fallback = new Date().toISOString().slice(0, 16);
    return {
      local: this.preview?.nowLocal.slice(0, 16) ?? fallback,
      utc: this.preview?.nowUtc.slice(0, 16) ?? fallback,
    };
  }

  /** Reads the preview (default name, whether content pages are needed) and what pages offer. */
  async load(): Promise<void> {
    try {
      const [preview, collections, templates] = await Promise.all([
        this.api.call('deployments.preview', { selection: this.target.selection }),
        this.api.call('collections.list', {}),
        this.api.call('deploymentTemplates.list', {}),
        this.content.load(),
      ]);
      if (this.content.loadError) throw new Error(this.content.loadError);
      runInAction(() => {
        this.preview = preview;
        this.collections = collections;
        this.templates = templates;
        this.general.name = preview.defaultName;
        // The defaults of Scheduling start from the site's "now", read just now.
        this.settings.setAvailable({});
        this.settings.isDirty = false;
        this.loadError = null;
      });
    } catch (error) {
      runInAction(() => (this.loadError = errorSentence(error)));
    } finally {
      runInAction(() => (this.isLoading = false));
    }
  }

  get pages(): WizardPage<DeployPageId>[] {
    return deployPageIds({
      isEverythingDownloaded: this.preview?.isEverythingDownloaded ?? false,
      packageChoice: this.content.draft.packageChoice,
    }).map((id) => ({ id, title: deployPageTitles[id] }));
  }

  get isDirty(): boolean {
    return this.isGeneralDirty || this.settings.isDirty || this.content.isDirty;
  }

  setGeneral<Key extends keyof GeneralFields>(key: Key, value: GeneralFields[Key]): void {
    this.general[key] = value;
    this.isGeneralDirty = true;
  }

  get selectedCollection(): DeviceCollection | undefined {
    return this.collections.find((candidate) => candidate.id === this.general.collectionId);
  }

  problems(page: DeployPageId): ReadonlyMap<FieldPath, string> {
    if (page === 'general') return this.generalProblems;
    if ((settingsPageIds as readonly string[]).includes(page)) {
      return this.settings.problems(page as (typeof settingsPageIds)[number]);
    }
    if (page === 'deploymentPackage' && this.content.draft.packageChoice === 'none') {
      return new Map();
    }
    return this.content.problems(page as DeployContentPageId);
  }

  private get generalProblems(): Map<FieldPath, string> {
    return pageProblems(GeneralPageCheck, {
      name: this.general.name,
      description: this.general.description,
      collectionId: this.general.collectionId ?? undefined,
    });
  }

  /**
   * What only the site can tell: whether the name is free (General), and whether a new
   * package's source folder will do (Deployment Package, the Download wizard's own check).
   */
  async checkPage(page: DeployPageId): Promise<ReadonlyMap<FieldPath, string>> {
    if (page === 'deploymentPackage') return this.content.checkPage(page);
    if (page !== 'general') return new Map();
    const { problem } = await this.api.call('deployments.checkName', {
      name: this.general.name.trim(),
    });
    return problem ? new Map([['name', asSentence(problem)]]) : new Map();
  }

  /** Select Deployment Template: its pages (and collection) replace the draft's. */
  applyTemplate(template: DeploymentTemplate): void {
    this.settings.applySettings(template.settings, template.parts);
    if (template.parts.includes('collection') && template.collectionId !== null) {
      this.setGeneral('collectionId', template.collectionId);
    }
    this.setGeneral('templateId', template.id);
  }

  get appliedTemplate(): DeploymentTemplate | undefined {
    return this.templates.find((template) => template.id === this.general.templateId);
  }

  templateNameProblem(name: string): string | undefined {
    return pageProblems(TemplateName, name).get('');
  }

  /** Summary's Save As Template: the chosen pages of the draft, stored on the site. */
  async saveTemplate(name: string, parts: readonly TemplatePart[]): Promise<boolean> {
    this.isSavingTemplate = true;
    this.templateMessage = null;
    try {
      const template = await this.api.call('deploymentTemplates.create', {
        name,
        parts: [...parts],
        settings: this.settings.settings,
        collectionId:
          parts.includes('collection') && this.general.collectionId !== null
            ? this.general.collectionId
            : undefined,
      });
      runInAction(() => {
        this.templates = [...this.templates, template].sort((a, b) => a.name.localeCompare(b.name));
        this.templateMessage = {
          intent: 'success',
          text: `The template "${template.name}" is saved. Select Deployment Template on the General page offers it.`,
        };
      });
      return true;
    } catch (error) {
      runInAction(
        () =>
          (this.templateMessage = {
            intent: 'error',
            text: `The template was not saved: ${errorSentence(error)}`,
          }),
      );
      return false;
    } finally {
      runInAction(() => (this.isSavingTemplate = false));
    }
  }

  /** The request the site parses with DeploymentCreate. */
  get request(): DeploymentCreate {
    const { draft } = this.content;
    const needsContent = !(this.preview?.isEverythingDownloaded ?? false);
    const download = this.content.request;
    return {
      selection: this.target.selection,
      general: {
        name: this.general.name.trim(),
        description: this.general.description.trim(),
        collectionId: this.general.collectionId ?? 0,
        templateId: this.general.templateId ?? undefined,
      },
      ...this.settings.settings,
      ...(needsContent
        ? {
            content: {
              deploymentPackage:
                draft.packageChoice === 'none' ? { choice: 'none' } : download.deploymentPackage,
              distributionPoints: download.distributionPoints,
              distributionSettings: download.distributionSettings,
              location: download.location,
              languageSelection: download.languageSelection,
            },
          }
        : {}),
    };
  }

  async start(): Promise<number> {
    const { jobId } = await this.api.call('deployments.create', this.request);
    return jobId;
  }

  /** The Completion page's steps, once the job has written its result. */
  resultOf(job: Job | undefined): DeploymentJobResult | null {
    const parsed = DeploymentJobResult.safeParse(job?.result);
    return parsed.success ? parsed.data : null;
  }
}
