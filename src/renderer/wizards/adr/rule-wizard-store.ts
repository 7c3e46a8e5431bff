import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import type { SiteApi } from '../../../shared/api/site-api';
import type { Job } from '../../../shared/contract';
import {
  RuleRunResult,
  RuleSettings,
  type RulePreview,
  type RuleTemplate,
  type RuleTemplateSettings,
} from '../../../shared/contract/automatic-deployment-rules';
import { errorSentence } from '../../properties/error-sentence';
import { asSentence, type FieldPath } from '../page-problems';
import type { WizardModel, WizardPage } from '../wizard-flow';
import { RuleDraft } from './rule-draft';
import { rulePageIds, rulePageTitles, type RulePageId } from './rule-pages';

/** Save As Template's name, as `ruleTemplates.create` accepts it. */
const templateNamePattern = /^[A-Za-z0-9\\' ]+$/;

/**
 * The Create Automatic Deployment Rule Wizard (spec §8.2): the rule's draft (every page), the
 * templates of the General page, the dry-run preview of the Software Updates page, Save As
 * Template on Summary, and Finish, which creates the rule and runs it at once.
 */
export class RuleWizardStore implements WizardModel<RulePageId> {
  readonly draft: RuleDraft;
  templates: RuleTemplate[] = [];
  templatesError: string | null = null;
  preview: RulePreview | null = null;
  previewError: string | null = null;
  isPreviewing = false;
  templateMessage: { intent: 'success' | 'error'; text: string } | null = null;
  isSavingTemplate = false;
  /** The rule once `rules.create` answered. */
  ruleId: number | null = null;

  constructor(private readonly api: SiteApi) {
    this.draft = new RuleDraft(api);
    makeAutoObservable<RuleWizardStore, 'api'>(this, {
      api: false,
      draft: false,
      templates: observableRef,
      preview: observableRef,
    });
  }

  async load(): Promise<void> {
    const [templates] = await Promise.all([
      // Without its templates the wizard still writes a rule; the General page says why.
      this.api.call('ruleTemplates.list', {}).catch((error: unknown) => {
        runInAction(() => (this.templatesError = errorSentence(error)));
        return [];
      }),
      this.draft.load(),
    ]);
    runInAction(() => (this.templates = templates));
  }

  get pages(): WizardPage<RulePageId>[] {
    return rulePageIds(this.draft.content.draft.packageChoice).map((id) => ({
      id,
      title: rulePageTitles[id],
    }));
  }

  get isDirty(): boolean {
    return this.draft.isDirty;
  }

  problems(page: RulePageId): ReadonlyMap<FieldPath, string> {
    return this.draft.problems(page);
  }

  /** The site's word: a free rule name (General), a usable package source (Deployment Package). */
  async checkPage(page: RulePageId): Promise<ReadonlyMap<FieldPath, string>> {
    if (page === 'deploymentPackage') return this.draft.content.checkPage(page);
    if (page !== 'general') return new Map();
    const { problem } = await this.api.call('rules.checkName', {
      name: this.draft.general.name.trim(),
    });
    return problem ? new Map([['name', asSentence(problem)]]) : new Map();
  }

  selectTemplate(key: string): void {
    const template = this.templates.find((candidate) => candidate.key === key);
    if (template) this.draft.applyTemplate(template);
    else this.draft.setGeneral('template', '');
  }

  get selectedTemplateKey(): string {
    return (
      this.templates.find((template) => template.name === this.draft.general.template)?.key ?? ''
    );
  }

  /**
   * Preview: the rule as typed so far, dry-run by the site with the run's own code. Pages not
   * filled in yet count with their defaults; a package not chosen yet counts as none, so the
   * bytes are those a new package would need only once the package is chosen.
   */
  async runPreview(): Promise<void> {
    this.isPreviewing = true;
    this.previewError = null;
    try {
      const draft = RuleSettings.parse(this.previewRequest);
      const preview = await this.api.call('rules.preview', { draft });
      runInAction(() => (this.preview = preview));
    } catch (error) {
      runInAction(() => {
        this.preview = null;
        this.previewError = errorSentence(error);
      });
    } finally {
      runInAction(() => (this.isPreviewing = false));
    }
  }

  /** The rule as typed so far: each page once it is valid, its defaults until then. */
  private get previewRequest(): unknown {
    const request = this.draft.request as Record<string, unknown>;
    const pages = [
      'deploymentSettings',
      'evaluationSchedule',
      'deploymentSchedule',
      'userExperience',
      'alerts',
      'downloadSettings',
    ] as const;
    const valid = Object.fromEntries(
      pages
        .filter((page) => this.draft.problems(page).size === 0)
        .map((page) => [page, request[page]]),
    );
    return {
      ...valid,
      general: request.general,
      softwareUpdates: request.softwareUpdates,
      content: this.isPackageChosen
        ? request.content
        : {
            deploymentPackage: { choice: 'none' },
            languageSelection: this.draft.contentValue.languageSelection,
          },
    };
  }

  /** Whether the package (or none) is chosen, so the preview's bytes are those of the run. */
  get isPackageChosen(): boolean {
    const choice = this.draft.content.draft.packageChoice;
    return choice === 'none' || this.draft.problems('deploymentPackage').size === 0;
  }

  clearPreview(): void {
    this.preview = null;
    this.previewError = null;
  }

  templateNameProblem(name: string): string | undefined {
    const trimmed = name.trim();
    if (trimmed === '') return 'Enter a name for the template.';
    if (trimmed.length > 256) return 'At most 256 characters.';
    if (!templateNamePattern.test(trimmed)) return "Use letters, digits, spaces, \\ and ' only.";
    if (this.templates.some((template) => template.name.toLowerCase() === trimmed.toLowerCase()))
      return `A template named "${trimmed}" already exists; choose another name.`;
    return undefined;
  }

  /** Every page but the rule's name and collection: what a template holds. */
  get templateSettings(): RuleTemplateSettings {
    const { general, content, ...pages } = this.draft.request;
    return {
      ...pages,
      general: {
        groupMode: general.groupMode,
        isDeploymentEnabledAfterRun: general.isDeploymentEnabledAfterRun,
      },
      content: {
        deploymentPackage: content.deploymentPackage,
        location: content.location,
        languageSelection: content.languageSelection,
      },
    };
  }

  async saveTemplate(name: string): Promise<boolean> {
    this.isSavingTemplate = true;
    this.templateMessage = null;
    try {
      const template = await this.api.call('ruleTemplates.create', {
        name: name.trim(),
        settings: this.templateSettings,
      });
      runInAction(() => {
        this.templates = [...this.templates, template];
        this.templateMessage = {
          intent: 'success',
          text: `The template "${template.name}" is saved. The Template list of the General page offers it.`,
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

  enterSummary(): void {
    this.templateMessage = null;
  }

  /** Finish: the rule is created and runs at once (§8.2); the run is the job to follow. */
  async start(): Promise<number> {
    const { id, jobId } = await this.api.call('rules.create', {
      ...this.draft.request,
      runAfterCreate: true,
    });
    runInAction(() => (this.ruleId = id));
    if (jobId === null) throw new Error('The rule was created but the site did not start its run.');
    return jobId;
  }

  resultOf(job: Job | undefined): RuleRunResult | null {
    const parsed = RuleRunResult.safeParse(job?.result);
    return parsed.success ? parsed.data : null;
  }
}
