import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import type { SiteApi } from '../../../shared/api/site-api';
import type { RuleSettings } from '../../../shared/contract/automatic-deployment-rules';
import {
  RuleAlertsPage,
  RuleDeploymentSchedulePage,
  RuleDeploymentSettingsPage,
  RuleEvaluationSchedulePage,
  RuleGeneralPage,
  RuleSoftwareUpdatesPage,
  ruleSettingsProblems,
  type LicenseTermsSetting,
  type RuleRunType,
  type RuleSettingsInput,
  type RuleTemplate,
} from '../../../shared/contract/automatic-deployment-rules';
import type { DeviceCollection } from '../../../shared/contract/collections';
import { DeploymentSettings } from '../../../shared/contract/deployment-settings';
import type { CustomSchedule } from '../../../shared/schedule/schedule';
import { DeploymentSettingsDraft } from '../../deployments/settings-draft';
import { errorSentence } from '../../properties/error-sentence';
import { DownloadWizardStore } from '../download/download-wizard-store';
import { asSentence, pageProblems, type FieldPath } from '../page-problems';
import { CriteriaDraft } from './criteria-draft';
import {
  applyContentPages,
  defaultEvaluationSchedule,
  newRulePages,
  offsetValue,
  scheduleFields,
  type EvaluationFields,
  type OffsetFields,
  type RuleChoices,
  type RuleGeneralFields,
  type RuleScheduleFields,
} from './rule-draft-fields';
import { ruleSchedulePerDayProblem } from './evaluation-rules';
import type { RulePageId } from './rule-pages';

export type {
  EvaluationFields,
  OffsetFields,
  RuleChoices,
  RuleGeneralFields,
  RuleScheduleFields,
} from './rule-draft-fields';

const unique = (values: readonly string[]) =>
  [...new Set(values)].sort((a, b) => a.localeCompare(b));

/**
 * Every page of an automatic deployment rule being written (spec §8.2): the Create Automatic
 * Deployment Rule Wizard's draft, and the rule's Properties, whose tabs are the same page
 * components bound to this store. The deployment's own pages are a DeploymentSettingsDraft (the
 * Deploy wizard's); the content pages are the Download wizard's store. Each page is checked with
 * its slice of the site's RuleSettings schema and the contract's rules between fields.
 */
export class RuleDraft {
  general: RuleGeneralFields;
  readonly settings: DeploymentSettingsDraft;
  licenseTerms: LicenseTermsSetting;
  readonly criteria: CriteriaDraft;
  evaluation: EvaluationFields;
  schedule: RuleScheduleFields;
  isAlertOnRuleFailure: boolean;
  readonly content: DownloadWizardStore;
  choices: RuleChoices = {
    collections: [],
    products: [],
    classifications: [],
    languages: [],
    vendors: [],
    syncSchedule: null,
  };
  isLoading = true;
  loadError: string | null = null;
  /** The request as it was once loaded: anything else asks before Cancel. */
  private loadedSnapshot = '';

  constructor(
    private readonly api: SiteApi,
    private readonly initial: RuleSettings | null = null,
  ) {
    const rule = initial ?? newRulePages();
    this.general = {
      name: initial?.general.name ?? '',
      description: rule.general.description,
      template: rule.general.template,
      collectionId: initial?.general.collectionId ?? null,
      groupMode: rule.general.groupMode,
      isDeploymentEnabledAfterRun: rule.general.isDeploymentEnabledAfterRun,
    };
    const { licenseTerms, ...deploymentSettings } = rule.deploymentSettings;
    const { isAlertOnRuleFailure, ...alerts } = rule.alerts;
    this.licenseTerms = licenseTerms;
    this.isAlertOnRuleFailure = isAlertOnRuleFailure;
    const today = () => {
      const now = new Date().toISOString().slice(0, 16);
      return { local: now, utc: now };
    };
    this.settings = new DeploymentSettingsDraft(
      today,
      DeploymentSettings.parse({
        deploymentSettings,
        userExperience: rule.userExperience,
        alerts,
        downloadSettings: rule.downloadSettings,
      }),
    );
    this.criteria = new CriteriaDraft(rule.softwareUpdates.criteria);
    this.evaluation = {
      runType: rule.evaluationSchedule.runType,
      schedule: rule.evaluationSchedule.schedule,
    };
    this.schedule = scheduleFields(rule.deploymentSchedule);
    this.content = new DownloadWizardStore(api, {
      ciIds: [],
      description: 'the software updates the rule selects',
    });
    makeAutoObservable<RuleDraft, 'api' | 'initial' | 'loadedSnapshot'>(this, {
      api: false,
      initial: false,
      settings: false,
      criteria: false,
      content: false,
      loadedSnapshot: false,
      choices: observableRef,
    });
  }

  /** Reads what the pages pick from: collections, the catalog's lists, the sync schedule. */
  async load(): Promise<void> {
    try {
      const [collections, products, classifications, languages, sup] = await Promise.all([
        this.api.call('collections.list', {}),
        this.api.call('sup.products', {}),
        this.api.call('sup.classifications', {}),
        this.api.call('sup.languages', {}),
        this.api.call('sup.settings.get', {}),
        this.content.load(),
      ]);
      if (this.content.loadError) throw new Error(this.content.loadError);
      runInAction(() => {
        this.choices = {
          collections,
          products: unique(products.map((product) => product.name)),
          classifications: unique(classifications.map((classification) => classification.name)),
          languages: unique(languages.map((language) => language.name)),
          vendors: unique(products.map((product) => product.vendor)),
          syncSchedule: sup.isScheduleEnabled ? sup.schedule : null,
        };
        if (this.initial) applyContentPages(this.content, this.initial.content);
        this.loadError = null;
      });
    } catch (error) {
      runInAction(() => (this.loadError = errorSentence(error)));
    } finally {
      runInAction(() => {
        this.isLoading = false;
        this.loadedSnapshot = JSON.stringify(this.request);
      });
    }
  }

  get isDirty(): boolean {
    return !this.isLoading && JSON.stringify(this.request) !== this.loadedSnapshot;
  }

  get selectedCollection(): DeviceCollection | undefined {
    return this.choices.collections.find((candidate) => candidate.id === this.general.collectionId);
  }

  setGeneral<Key extends keyof RuleGeneralFields>(key: Key, value: RuleGeneralFields[Key]): void {
    this.general[key] = value;
  }

  setLicenseTerms(value: LicenseTermsSetting): void {
    this.licenseTerms = value;
  }

  setAlertOnRuleFailure(value: boolean): void {
    this.isAlertOnRuleFailure = value;
  }

  setRunType(runType: RuleRunType): void {
    this.evaluation.runType = runType;
    if (runType === 'schedule' && !this.evaluation.schedule) {
      this.evaluation.schedule = defaultEvaluationSchedule();
    }
  }

  setEvaluationSchedule(schedule: CustomSchedule): void {
    this.evaluation.schedule = schedule;
  }

  setSchedule(change: Partial<Omit<RuleScheduleFields, 'available' | 'deadline'>>): void {
    Object.assign(this.schedule, change);
  }

  setOffset(which: 'available' | 'deadline', change: Partial<OffsetFields>): void {
    Object.assign(this.schedule[which], change);
  }

  get isRequired(): boolean {
    return this.settings.isRequired;
  }

  /** Each page's value as the site's schema reads it. */
  pageValue(page: RulePageId): unknown {
    switch (page) {
      case 'general':
        return {
          name: this.general.name,
          description: this.general.description,
          template: this.general.template,
          collectionId: this.general.collectionId ?? undefined,
          groupMode: this.general.groupMode,
          isDeploymentEnabledAfterRun: this.general.isDeploymentEnabledAfterRun,
        };
      case 'deploymentSettings':
        return {
          ...(this.settings.pageValue('deploymentSettings') as object),
          licenseTerms: this.licenseTerms,
        };
      case 'softwareUpdates':
        return { criteria: this.criteria.value };
      case 'evaluationSchedule':
        return {
          runType: this.evaluation.runType,
          ...(this.evaluation.runType === 'schedule' ? { schedule: this.evaluation.schedule } : {}),
        };
      case 'deploymentSchedule':
        return {
          timeBasedOn: this.schedule.timeBasedOn,
          availableTime: offsetValue(this.schedule.available),
          deadlineTime: this.isRequired ? offsetValue(this.schedule.deadline) : null,
          isSoftDeadline: this.isRequired && this.schedule.isSoftDeadline,
        };
      case 'userExperience':
      case 'downloadSettings':
        return this.settings.pageValue(page);
      case 'alerts':
        return {
          ...(this.settings.pageValue('alerts') as object),
          isAlertOnRuleFailure: this.isAlertOnRuleFailure,
        };
      default:
        return this.contentValue;
    }
  }

  /** Deployment Package (or none), Distribution Points, Download Location, Language Selection. */
  get contentValue(): RuleSettingsInput['content'] {
    const download = this.content.request;
    return {
      deploymentPackage:
        this.content.draft.packageChoice === 'none'
          ? { choice: 'none' }
          : download.deploymentPackage,
      distributionPoints: download.distributionPoints,
      distributionSettings: download.distributionSettings,
      location: download.location,
      languageSelection: download.languageSelection,
    };
  }

  /** The whole rule as `rules.create` and `rules.preview` read it. */
  get request(): RuleSettingsInput {
    return {
      general: this.pageValue('general'),
      deploymentSettings: this.pageValue('deploymentSettings'),
      softwareUpdates: this.pageValue('softwareUpdates'),
      evaluationSchedule: this.pageValue('evaluationSchedule'),
      deploymentSchedule: this.pageValue('deploymentSchedule'),
      userExperience: this.pageValue('userExperience'),
      alerts: this.pageValue('alerts'),
      downloadSettings: this.pageValue('downloadSettings'),
      content: this.contentValue,
    } as RuleSettingsInput;
  }

  /** The rules between pages (Available vs Required, three runs a day) for the pages they name. */
  private get crossPageProblems() {
    const parsedOr = <T>(
      schema: { safeParse(value: unknown): { success: boolean; data?: T } },
      page: RulePageId,
      fallback: T,
    ): T => {
      const parsed = schema.safeParse(this.pageValue(page));
      return parsed.success ? (parsed.data as T) : fallback;
    };
    return ruleSettingsProblems({
      deploymentSettings: this.settings.settings.deploymentSettings,
      userExperience: this.settings.settings.userExperience,
      deploymentSchedule: parsedOr(
        RuleDeploymentSchedulePage,
        'deploymentSchedule',
        RuleDeploymentSchedulePage.parse({ deadlineTime: this.isRequired ? undefined : null }),
      ),
      evaluationSchedule: parsedOr(RuleEvaluationSchedulePage, 'evaluationSchedule', undefined),
    });
  }

  problems(page: RulePageId): Map<FieldPath, string> {
    let problems: Map<FieldPath, string>;
    switch (page) {
      case 'general':
        problems = pageProblems(RuleGeneralPage, this.pageValue(page));
        break;
      case 'deploymentSettings':
        problems = this.settings.problems('deploymentSettings');
        for (const [path, text] of pageProblems(RuleDeploymentSettingsPage, this.pageValue(page)))
          if (!problems.has(path)) problems.set(path, text);
        break;
      case 'softwareUpdates':
        problems = this.criteria.problems;
        if (problems.size === 0)
          problems = pageProblems(RuleSoftwareUpdatesPage, this.pageValue(page));
        break;
      case 'evaluationSchedule':
        problems = pageProblems(RuleEvaluationSchedulePage, this.pageValue(page));
        break;
      case 'deploymentSchedule':
        problems = this.scheduleProblems;
        break;
      case 'userExperience':
      case 'downloadSettings':
        problems = this.settings.problems(page);
        break;
      case 'alerts':
        problems = this.settings.problems('alerts');
        for (const [path, text] of pageProblems(RuleAlertsPage, this.pageValue(page)))
          if (!problems.has(path)) problems.set(path, text);
        break;
      case 'deploymentPackage':
        if (this.content.draft.packageChoice === 'none') return new Map();
        return new Map(this.content.problems(page));
      default:
        return new Map(this.content.problems(page));
    }
    for (const problem of this.crossPageProblems) {
      const [problemPage, ...path] = problem.path;
      const key = path.join('.');
      if (problemPage === page && !problems.has(key))
        problems.set(key, asSentence(problem.message));
    }
    if (page === 'evaluationSchedule' && !problems.has('schedule')) {
      const { runType, schedule } = this.evaluation;
      const oftener =
        runType === 'schedule' && schedule
          ? ruleSchedulePerDayProblem(schedule, this.choices.syncSchedule)
          : null;
      if (oftener) problems.set('schedule', oftener);
    }
    return problems;
  }

  private get scheduleProblems(): Map<FieldPath, string> {
    const problems = new Map<FieldPath, string>();
    const check = (which: 'available' | 'deadline', path: string) => {
      const fields = this.schedule[which];
      if (fields.isAsap || (which === 'deadline' && !this.isRequired)) return;
      if (!/^\s*\d+\s*$/.test(fields.amount) || Number(fields.amount) > 999)
        problems.set(path, 'Enter a whole number from 0 to 999.');
    };
    check('available', 'availableTime');
    check('deadline', 'deadlineTime');
    for (const [path, text] of pageProblems(
      RuleDeploymentSchedulePage,
      this.pageValue('deploymentSchedule'),
    ))
      if (!problems.has(path)) problems.set(path, text);
    return problems;
  }

  /** The General page's template: every page it holds replaces the draft's. */
  applyTemplate(template: RuleTemplate): void {
    const pages = template.settings;
    this.general.template = template.name;
    if (pages.general?.groupMode) this.general.groupMode = pages.general.groupMode;
    if (pages.general?.isDeploymentEnabledAfterRun !== undefined)
      this.general.isDeploymentEnabledAfterRun = pages.general.isDeploymentEnabledAfterRun;
    if (pages.deploymentSettings) {
      const { licenseTerms, ...deployment } = pages.deploymentSettings;
      this.settings.update('deploymentSettings', deployment);
      this.licenseTerms = licenseTerms;
    }
    if (pages.softwareUpdates) this.criteria.replace(pages.softwareUpdates.criteria);
    if (pages.evaluationSchedule)
      this.evaluation = {
        runType: pages.evaluationSchedule.runType,
        schedule: pages.evaluationSchedule.schedule,
      };
    if (pages.deploymentSchedule) this.schedule = scheduleFields(pages.deploymentSchedule);
    if (pages.userExperience) this.settings.update('userExperience', pages.userExperience);
    if (pages.alerts) {
      const { isAlertOnRuleFailure, ...alerts } = pages.alerts;
      this.settings.update('alerts', {
        ...alerts,
        compliancePercentBelow: String(alerts.compliancePercentBelow),
        offsetFromDeadline: String(alerts.offsetFromDeadline),
      });
      this.isAlertOnRuleFailure = isAlertOnRuleFailure;
    }
    if (pages.downloadSettings) this.settings.update('downloadSettings', pages.downloadSettings);
    if (pages.content) applyContentPages(this.content, pages.content);
  }
}
