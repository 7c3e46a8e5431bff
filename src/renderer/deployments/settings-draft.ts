import { makeAutoObservable } from 'mobx';
import type { z } from 'zod';
import {
  AlertsPage,
  DeploymentSettings,
  DeploymentSettingsPage,
  DownloadSettingsPage,
  SchedulingPage,
  UserExperiencePage,
  defaultDeadline,
  deploymentSettingsProblems,
  type DeploymentPurpose,
  type TemplatePart,
} from '../../shared/contract/deployments';
import { pageProblems, asSentence, type FieldPath } from '../wizards/page-problems';

/** The setting pages a deployment keeps: the wizard's pages and the Properties tabs alike. */
export type SettingsPageId = keyof DeploymentSettings;
export const settingsPageIds: readonly SettingsPageId[] = [
  'deploymentSettings',
  'scheduling',
  'userExperience',
  'alerts',
  'downloadSettings',
];

export const settingsPageTitles: Record<SettingsPageId, string> = {
  deploymentSettings: 'Deployment Settings',
  scheduling: 'Scheduling',
  userExperience: 'User Experience',
  alerts: 'Alerts',
  downloadSettings: 'Download Settings',
};

/** Save As Template's checklist, in page order. */
export const templatePartLabels: Record<TemplatePart, string> = {
  deploymentSettings: 'Deployment Settings',
  scheduling: 'Scheduling',
  userExperience: 'User Experience',
  alerts: 'Alerts',
  downloadSettings: 'Download Settings',
  collection: 'Collection',
};

const pageSchemas: Record<SettingsPageId, z.ZodType> = {
  deploymentSettings: DeploymentSettingsPage,
  scheduling: SchedulingPage,
  userExperience: UserExperiencePage,
  alerts: AlertsPage,
  downloadSettings: DownloadSettingsPage,
};

/** A time field as the page edits it: a date box and a time box ("2026-12-08", "02:00"). */
export interface TimeFields {
  isAsap: boolean;
  date: string;
  time: string;
}

/** The Scheduling page as edited; the deadline follows the available time until it is edited. */
export interface SchedulingFields {
  timeBasedOn: 'LocalTime' | 'Utc';
  available: TimeFields;
  deadline: TimeFields;
  isDeadlineEdited: boolean;
  isSoftDeadline: boolean;
}

/** Numbers typed into the Alerts page stay text until checked, so "" gets its own sentence. */
export interface AlertFields extends Omit<
  z.output<typeof AlertsPage>,
  'compliancePercentBelow' | 'offsetFromDeadline'
> {
  compliancePercentBelow: string;
  offsetFromDeadline: string;
}

/** The console's "now" for As soon as possible, in Client local time and in UTC. */
export interface WallClockNow {
  local: string;
  utc: string;
}

function splitTime(wallClock: string): { date: string; time: string } {
  return { date: wallClock.slice(0, 10), time: wallClock.slice(11, 16) };
}

function joinTime(fields: TimeFields): string {
  return fields.isAsap ? 'asap' : `${fields.date}T${fields.time}`;
}

/**
 * The setting pages of one deployment being edited (spec §7.2–§7.6), shared by the Deploy
 * Software Updates Wizard and the deployment's Properties. Each page is checked with its slice
 * of the site's DeploymentSettings schema, then with the contract's rules between fields.
 */
export class DeploymentSettingsDraft {
  deploymentSettings: z.output<typeof DeploymentSettingsPage>;
  scheduling: SchedulingFields;
  userExperience: z.output<typeof UserExperiencePage>;
  alerts: AlertFields;
  downloadSettings: z.output<typeof DownloadSettingsPage>;
  isDirty = false;

  constructor(
    private readonly now: () => WallClockNow,
    initial: DeploymentSettings = DeploymentSettings.parse({}),
  ) {
    const fields = DeploymentSettingsDraft.fieldsOf(initial, now().local);
    this.deploymentSettings = fields.deploymentSettings;
    this.scheduling = fields.scheduling;
    this.userExperience = fields.userExperience;
    this.alerts = fields.alerts;
    this.downloadSettings = fields.downloadSettings;
    makeAutoObservable<DeploymentSettingsDraft, 'now'>(this, { now: false });
  }

  /** The page fields of saved settings; a specific time defaults to now, the deadline +7 days. */
  private static fieldsOf(settings: DeploymentSettings, nowLocal: string) {
    const { scheduling } = settings;
    const availableAt = scheduling.availableTime === 'asap' ? nowLocal : scheduling.availableTime;
    const deadlineAt =
      scheduling.deadlineTime == null || scheduling.deadlineTime === 'asap'
        ? defaultDeadline(availableAt)
        : scheduling.deadlineTime;
    return {
      deploymentSettings: { ...settings.deploymentSettings },
      scheduling: {
        timeBasedOn: scheduling.timeBasedOn,
        available: { isAsap: scheduling.availableTime === 'asap', ...splitTime(availableAt) },
        deadline: { isAsap: scheduling.deadlineTime === 'asap', ...splitTime(deadlineAt) },
        isDeadlineEdited: scheduling.deadlineTime != null,
        isSoftDeadline: scheduling.isSoftDeadline,
      },
      userExperience: { ...settings.userExperience },
      alerts: {
        ...settings.alerts,
        compliancePercentBelow: String(settings.alerts.compliancePercentBelow),
        offsetFromDeadline: String(settings.alerts.offsetFromDeadline),
      },
      downloadSettings: { ...settings.downloadSettings },
    };
  }

  get purpose(): DeploymentPurpose {
    return this.deploymentSettings.purpose;
  }

  get isRequired(): boolean {
    return this.purpose === 'Required';
  }

  /** Changes fields of a page; the Cancel question is asked from now on. */
  update<Page extends Exclude<SettingsPageId, 'scheduling'>>(
    page: Page,
    change: Partial<DeploymentSettingsDraft[Page]>,
  ): void {
    Object.assign(this[page], change);
    this.isDirty = true;
  }

  setTimeBasedOn(value: 'LocalTime' | 'Utc'): void {
    this.scheduling.timeBasedOn = value;
    this.isDirty = true;
  }

  setSoftDeadline(value: boolean): void {
    this.scheduling.isSoftDeadline = value;
    this.isDirty = true;
  }

  /** Edits the available time; an unedited deadline moves with it (available + 7 days). */
  setAvailable(change: Partial<TimeFields>): void {
    Object.assign(this.scheduling.available, change);
    if (!this.scheduling.isDeadlineEdited) {
      const available = this.scheduling.available;
      const base = available.isAsap ? this.now().local : `${available.date}T${available.time}`;
      if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(base)) {
        Object.assign(this.scheduling.deadline, splitTime(defaultDeadline(base.slice(0, 16))));
      }
    }
    this.isDirty = true;
  }

  setDeadline(change: Partial<TimeFields>): void {
    Object.assign(this.scheduling.deadline, change);
    this.scheduling.isDeadlineEdited = true;
    this.isDirty = true;
  }

  /** Each page's value as the site's schema reads it; fields that do not apply are left out. */
  pageValue(page: SettingsPageId): unknown {
    switch (page) {
      case 'deploymentSettings':
        return {
          ...this.deploymentSettings,
          isPreDownload: !this.isRequired && this.deploymentSettings.isPreDownload,
          isWakeOnLan: this.isRequired && this.deploymentSettings.isWakeOnLan,
        };
      case 'scheduling':
        return {
          timeBasedOn: this.scheduling.timeBasedOn,
          availableTime: joinTime(this.scheduling.available),
          deadlineTime: this.isRequired ? joinTime(this.scheduling.deadline) : null,
          isSoftDeadline: this.scheduling.isSoftDeadline,
        };
      case 'userExperience':
        return { ...this.userExperience };
      case 'alerts': {
        const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
        return {
          ...this.alerts,
          compliancePercentBelow: number(this.alerts.compliancePercentBelow),
          offsetFromDeadline: number(this.alerts.offsetFromDeadline),
        };
      }
      case 'downloadSettings':
        return { ...this.downloadSettings };
    }
  }

  /** Every page parsed; a page that does not parse yet counts with its defaults. */
  get settings(): DeploymentSettings {
    const value: Record<string, unknown> = {};
    for (const page of settingsPageIds) {
      const parsed = pageSchemas[page].safeParse(this.pageValue(page));
      if (parsed.success) value[page] = parsed.data;
    }
    return DeploymentSettings.parse(value);
  }

  /** The console's "now" in the time the deployment is evaluated in. */
  get nowWallClock(): string {
    const now = this.now();
    return this.scheduling.timeBasedOn === 'Utc' ? now.utc : now.local;
  }

  problems(page: SettingsPageId): Map<FieldPath, string> {
    const problems = pageProblems(pageSchemas[page], this.pageValue(page));
    if (page === 'alerts') {
      // A blank or non-numeric box: zod says "expected number, received NaN".
      const ranges = { compliancePercentBelow: '1 to 99', offsetFromDeadline: '1 to 999' };
      for (const [key, range] of Object.entries(ranges)) {
        const text = this.alerts[key as keyof typeof ranges];
        if (!/^\s*\d+\s*$/.test(text)) problems.set(key, `Enter a whole number from ${range}.`);
      }
    }
    for (const problem of deploymentSettingsProblems(this.settings, {
      wallClock: this.nowWallClock,
    })) {
      const [problemPage, ...path] = problem.path;
      const key = path.join('.');
      if (problemPage === page && !problems.has(key))
        problems.set(key, asSentence(problem.message));
    }
    return problems;
  }

  get hasProblems(): boolean {
    return settingsPageIds.some((page) => this.problems(page).size > 0);
  }

  /** Select Deployment Template: the template's pages replace the draft's. */
  applySettings(settings: DeploymentSettings, parts: readonly TemplatePart[]): void {
    const fields = DeploymentSettingsDraft.fieldsOf(settings, this.now().local);
    for (const part of parts) {
      if (part === 'collection') continue;
      Object.assign(this, { [part]: fields[part] });
    }
    this.isDirty = true;
  }
}
