import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import type { z } from 'zod';
import type { SiteApi } from '../../shared/api/site-api';
import {
  SupComponentSettings,
  SupComponentSettingsChange,
  type Classification,
  type Language,
  type Product,
} from '../../shared/contract/software-update-point';
import type { CustomSchedule, Schedule } from '../../shared/schedule/schedule';
import { errorSentence } from '../properties/error-sentence';

export type SupSettingsFields = Omit<SupComponentSettings, 'modifiedAt'>;
export type SupSettingsChange = z.input<typeof SupComponentSettingsChange>;
export type ProductRow = z.infer<typeof Product>;
export type ClassificationRow = z.infer<typeof Classification>;
export type LanguageRow = z.infer<typeof Language>;
type SimpleSchedule = Extract<Schedule, { kind: 'simple' }>;

export const supTabs = [
  'syncSettings',
  'updateFiles',
  'classifications',
  'products',
  'syncSchedule',
  'supersedence',
  'wsusMaintenance',
  'languages',
  'maximumRunTime',
] as const;
export type SupTabId = (typeof supTabs)[number];

/** The spinners of the dialog: numbers in the schema, text while the admin types. */
export const numberFields = [
  'nonFeatureSupersedenceMonths',
  'featureSupersedenceMonths',
  'featureUpdateMaxRuntimeMinutes',
  'nonFeatureUpdateMaxRuntimeMinutes',
  'otherUpdateMaxRuntimeMinutes',
] as const;
export type NumberField = (typeof numberFields)[number];

/** Everything that can carry a sentence beside it: the settings and the simple schedule's count. */
export type ProblemField = keyof SupSettingsFields | 'simpleEvery';

const tabOf: Record<ProblemField, SupTabId> = {
  syncSource: 'syncSettings',
  syncSourceLocation: 'syncSettings',
  reportingEvents: 'syncSettings',
  updateFiles: 'updateFiles',
  classifications: 'classifications',
  includeSurfaceDrivers: 'classifications',
  products: 'products',
  isScheduleEnabled: 'syncSchedule',
  schedule: 'syncSchedule',
  simpleEvery: 'syncSchedule',
  isSyncFailureAlertEnabled: 'syncSchedule',
  nonFeatureSupersedence: 'supersedence',
  nonFeatureSupersedenceMonths: 'supersedence',
  featureSupersedence: 'supersedence',
  featureSupersedenceMonths: 'supersedence',
  isDeclineExpiredEnabled: 'wsusMaintenance',
  isAddIndexesEnabled: 'wsusMaintenance',
  isRemoveObsoleteEnabled: 'wsusMaintenance',
  updateFileLanguages: 'languages',
  summaryDetailsLanguages: 'languages',
  featureUpdateMaxRuntimeMinutes: 'maximumRunTime',
  nonFeatureUpdateMaxRuntimeMinutes: 'maximumRunTime',
  otherUpdateMaxRuntimeMinutes: 'maximumRunTime',
};

/** Lists the site treats as sets: their order never makes the draft differ. */
const setFields = new Set<keyof SupSettingsFields>([
  'classifications',
  'products',
  'updateFileLanguages',
  'summaryDetailsLanguages',
]);

/** ConfigMgr's Custom Schedule default: today at the next full hour, every 1 day. */
export function defaultCustomSchedule(now = new Date()): CustomSchedule {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours() + 1);
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    kind: 'custom',
    start: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}T${pad(start.getHours())}:00`,
    isUtc: false,
    recurrence: { pattern: 'interval', every: 1, unit: 'days' },
  };
}

const defaultSimpleSchedule: SimpleSchedule = { kind: 'simple', every: 7, unit: 'days' };

/** Each field's own schema from the site's change schema: the dialog checks one field at a time. */
const slice = SupComponentSettingsChange.shape;

function comparable(key: keyof SupSettingsFields, value: unknown): string {
  return JSON.stringify(setFields.has(key) ? [...(value as string[])].sort() : value);
}

/** Reads a spinner's text: a whole number, or NaN so the schema names the problem. */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The draft of Software Update Point Component Properties (§2.3): what the site stored, what the
 * admin changed on any tab, and the sentence for each field the site would refuse. The check is
 * a slice of the site's own `SupComponentSettingsChange`, so dialog and site never disagree.
 * Nothing is dropped when the site refuses a change: the draft stays as typed.
 */
export class SupSettingsDraft {
  saved: SupSettingsFields | null = null;
  draft: SupSettingsFields | null = null;
  numberText = Object.fromEntries(numberFields.map((field) => [field, ''])) as Record<
    NumberField,
    string
  >;
  simpleEveryText = '';
  /** The schedule of the other kind, kept so switching Simple/Custom back and forth loses nothing. */
  otherSchedule: Schedule = defaultSimpleSchedule;
  products: ProductRow[] = [];
  classifications: ClassificationRow[] = [];
  languages: LanguageRow[] = [];
  tab: SupTabId = 'syncSettings';
  isLoading = true;
  loadError: string | null = null;
  applyError: string | null = null;
  isApplying = false;
  /** When the site last stored these settings: the sync schedule counts from it. */
  savedAt: string | null = null;

  constructor(private readonly api: SiteApi) {
    makeAutoObservable<SupSettingsDraft, 'api'>(this, {
      api: false,
      saved: observableRef,
      products: observableRef,
      classifications: observableRef,
      languages: observableRef,
      otherSchedule: observableRef,
    });
  }

  async load(): Promise<void> {
    try {
      const [settings, products, classifications, languages] = await Promise.all([
        this.api.call('sup.settings.get', {}),
        this.api.call('sup.products', {}),
        this.api.call('sup.classifications', {}),
        this.api.call('sup.languages', {}),
      ]);
      runInAction(() => {
        this.products = products;
        this.classifications = classifications;
        this.languages = languages;
        this.accept(settings);
        this.isLoading = false;
      });
    } catch (error) {
      runInAction(() => {
        this.loadError = errorSentence(error);
        this.isLoading = false;
      });
    }
  }

  setTab(tab: SupTabId): void {
    this.tab = tab;
  }

  update<K extends keyof SupSettingsFields>(key: K, value: SupSettingsFields[K]): void {
    if (this.draft) this.draft[key] = value;
  }

  setNumberText(field: NumberField, text: string): void {
    this.numberText[field] = text;
    const value = wholeNumber(text);
    if (!Number.isNaN(value)) this.update(field, value);
  }

  setSimpleEveryText(text: string): void {
    this.simpleEveryText = text;
    const every = wholeNumber(text);
    const schedule = this.draft?.schedule;
    if (schedule?.kind === 'simple' && !Number.isNaN(every))
      this.update('schedule', { ...schedule, every });
  }

  setSimpleUnit(unit: SimpleSchedule['unit']): void {
    const schedule = this.draft?.schedule;
    if (schedule?.kind === 'simple') this.update('schedule', { ...schedule, unit });
  }

  setScheduleKind(kind: Schedule['kind']): void {
    const current = this.draft?.schedule;
    if (!current || current.kind === kind) return;
    const next = this.otherSchedule;
    this.otherSchedule = current;
    this.update('schedule', next);
    if (next.kind === 'simple') this.simpleEveryText = String(next.every);
  }

  setCustomSchedule(schedule: CustomSchedule): void {
    this.update('schedule', schedule);
  }

  setClassification(name: string, isChecked: boolean): void {
    if (!this.draft) return;
    const others = this.draft.classifications.filter((existing) => existing !== name);
    this.update('classifications', isChecked ? [...others, name] : others);
  }

  /** Drivers are synchronized only through this checkbox (§2.3.3), so both move together. */
  setSurfaceDrivers(isChecked: boolean): void {
    this.update('includeSurfaceDrivers', isChecked);
    this.setClassification('Drivers', isChecked);
  }

  setProducts(ids: readonly string[], isChecked: boolean): void {
    if (!this.draft) return;
    const chosen = new Set(this.draft.products);
    for (const id of ids) {
      if (isChecked) chosen.add(id);
      else chosen.delete(id);
    }
    this.update('products', [...chosen]);
  }

  setLanguage(
    column: 'updateFileLanguages' | 'summaryDetailsLanguages',
    code: string,
    isChecked: boolean,
  ): void {
    if (!this.draft) return;
    const others = this.draft[column].filter((existing) => existing !== code);
    this.update(column, isChecked ? [...others, code] : others);
  }

  /** The fields that differ from what the site stored, as `sup.settings.set` takes them. */
  get change(): SupSettingsChange {
    const { draft, saved } = this;
    if (!draft || !saved) return {};
    const change: Record<string, unknown> = {};
    for (const key of Object.keys(draft) as (keyof SupSettingsFields)[]) {
      if (comparable(key, draft[key]) !== comparable(key, saved[key])) change[key] = draft[key];
    }
    return change as SupSettingsChange;
  }

  /** Whether Apply has anything to do; a spinner holding text that is not a number counts. */
  get isDirty(): boolean {
    const draft = this.draft;
    if (!draft) return false;
    if (Object.keys(this.change).length > 0) return true;
    if (numberFields.some((field) => this.numberText[field] !== String(draft[field]))) return true;
    return (
      draft.schedule.kind === 'simple' && this.simpleEveryText !== String(draft.schedule.every)
    );
  }

  /** The sentence shown beside each field the site would refuse. */
  get problems(): Partial<Record<ProblemField, string>> {
    const draft = this.draft;
    if (!draft) return {};
    const problems: Partial<Record<ProblemField, string>> = {};
    for (const field of numberFields) {
      const value = wholeNumber(this.numberText[field] ?? '');
      if (!slice[field].safeParse(value).success) {
        problems[field] = rangeSentence(SupComponentSettings.shape[field]);
      }
    }
    if (draft.isScheduleEnabled && draft.schedule.kind === 'simple') {
      const every = wholeNumber(this.simpleEveryText);
      const schedule = { ...draft.schedule, every };
      if (!slice.schedule.safeParse(schedule).success) {
        problems.simpleEvery = 'Enter a whole number from 1 to 31.';
      }
    }
    const location = slice.syncSourceLocation.safeParse(draft.syncSourceLocation);
    if (!location.success) {
      problems.syncSourceLocation = `${location.error.issues[0]?.message ?? 'Not a valid location'}.`;
    } else if (draft.syncSource === 'msrc' && draft.syncSourceLocation.trim() === '') {
      problems.syncSourceLocation = 'Enter the folder or URL of the MSRC CVRF documents.';
    } else if (
      draft.syncSource === 'upstream-site' &&
      !/^https?:\/\//i.test(draft.syncSourceLocation.trim())
    ) {
      problems.syncSourceLocation =
        "Enter the http(s) URL of the parent site's patchbay serve, for example http://parent:8601/.";
    }
    // The site refuses an empty language column (sup.settings.set); say so before it does.
    if (draft.updateFileLanguages.length === 0) {
      problems.updateFileLanguages = 'Select at least one language for software update files.';
    }
    if (draft.summaryDetailsLanguages.length === 0) {
      problems.summaryDetailsLanguages = 'Select at least one language for summary details.';
    }
    return problems;
  }

  problem(field: ProblemField): string | undefined {
    return this.problems[field];
  }

  /** Tabs holding a problem, so the tab strip can mark them. */
  get tabsWithProblems(): Set<SupTabId> {
    return new Set((Object.keys(this.problems) as ProblemField[]).map((field) => tabOf[field]));
  }

  /**
   * Sends the changed fields. With a problem left, shows its tab instead; with a refusal from the
   * site, keeps the draft and shows the site's sentence. Resolves whether everything is stored.
   */
  async apply(): Promise<boolean> {
    const first = Object.keys(this.problems)[0] as ProblemField | undefined;
    if (first) {
      this.tab = tabOf[first];
      return false;
    }
    const change = this.change;
    if (Object.keys(change).length === 0) return true;
    this.isApplying = true;
    this.applyError = null;
    try {
      const stored = await this.api.call('sup.settings.set', change);
      runInAction(() => this.accept(stored));
      return true;
    } catch (error) {
      runInAction(() => (this.applyError = errorSentence(error)));
      return false;
    } finally {
      runInAction(() => (this.isApplying = false));
    }
  }

  private accept(settings: SupComponentSettings): void {
    const { modifiedAt, ...fields } = settings;
    this.saved = fields;
    this.savedAt = modifiedAt;
    this.draft = structuredClone(fields);
    for (const field of numberFields) this.numberText[field] = String(fields[field]);
    const schedule = fields.schedule;
    if (schedule.kind === 'simple') {
      this.simpleEveryText = String(schedule.every);
      this.otherSchedule = defaultCustomSchedule();
    } else {
      this.simpleEveryText = String(defaultSimpleSchedule.every);
      this.otherSchedule = defaultSimpleSchedule;
    }
  }
}

/** "Enter a whole number from 1 to 99.", from the bounds the site's schema sets. */
function rangeSentence(schema: z.ZodNumber): string {
  return `Enter a whole number from ${schema.minValue ?? 0} to ${schema.maxValue ?? 9999}.`;
}
