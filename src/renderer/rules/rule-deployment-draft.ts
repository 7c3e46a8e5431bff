import { makeAutoObservable } from 'mobx';
import {
  RuleDeploymentSchedulePage,
  RuleDeploymentSettings,
  ruleSettingsProblems,
  type RuleTimeOffset,
} from '../../shared/contract/automatic-deployment-rules';
import { DeploymentSettings } from '../../shared/contract/deployments';
import { DeploymentSettingsDraft, type SettingsPageId } from '../deployments/settings-draft';
import { asSentence, pageProblems, type FieldPath } from '../wizards/page-problems';

/** The setting pages of a rule's deployment: the deploy wizard's, with Deployment Schedule. */
export type RuleDeploymentPageId = Exclude<SettingsPageId, 'scheduling'> | 'deploymentSchedule';

export const ruleDeploymentPageIds: readonly RuleDeploymentPageId[] = [
  'deploymentSettings',
  'deploymentSchedule',
  'userExperience',
  'alerts',
  'downloadSettings',
];

export const ruleDeploymentPageTitles: Record<RuleDeploymentPageId, string> = {
  deploymentSettings: 'Deployment Settings',
  deploymentSchedule: 'Deployment Schedule',
  userExperience: 'User Experience',
  alerts: 'Alerts',
  downloadSettings: 'Download Settings',
};

export type OffsetUnit = RuleTimeOffset['unit'];

/** "As soon as possible" or "N units after…", the amount still text while it is typed. */
export interface OffsetFields {
  isAsap: boolean;
  amount: string;
  unit: OffsetUnit;
}

export interface RuleScheduleFields {
  timeBasedOn: 'LocalTime' | 'Utc';
  available: OffsetFields;
  deadline: OffsetFields;
  isSoftDeadline: boolean;
}

function fieldsOf(offset: 'asap' | RuleTimeOffset | null, fallback: RuleTimeOffset): OffsetFields {
  const value = offset === null || offset === 'asap' ? fallback : offset;
  return { isAsap: offset === 'asap', amount: String(value.amount), unit: value.unit };
}

function offsetValue(fields: OffsetFields): 'asap' | { amount: number; unit: OffsetUnit } {
  if (fields.isAsap) return 'asap';
  const text = fields.amount.trim();
  return { amount: /^\d+$/.test(text) ? Number(text) : Number.NaN, unit: fields.unit };
}

/**
 * One deployment of an automatic deployment rule being edited (§8.2, §8.4): Deployment Settings,
 * User Experience, Alerts and Download Settings are the deploy wizard's own draft and pages;
 * Deployment Schedule counts from the run instead of naming a date. Each page is checked with
 * its slice of RuleDeploymentSettings and the contract's rules between fields.
 */
export class RuleDeploymentDraft {
  /** The deploy wizard's pages; its Scheduling is not used (a rule's times are offsets). */
  readonly pages: DeploymentSettingsDraft;
  schedule: RuleScheduleFields;
  private isScheduleDirty = false;

  constructor(initial: RuleDeploymentSettings = RuleDeploymentSettings.parse({})) {
    const { deploymentSchedule, ...shared } = initial;
    this.pages = new DeploymentSettingsDraft(
      () => {
        const now = new Date().toISOString().slice(0, 16);
        return { local: now, utc: now };
      },
      DeploymentSettings.parse({
        ...shared,
        scheduling: { timeBasedOn: deploymentSchedule.timeBasedOn },
      }),
    );
    this.schedule = {
      timeBasedOn: deploymentSchedule.timeBasedOn,
      available: fieldsOf(deploymentSchedule.availableTime, { amount: 0, unit: 'Hours' }),
      deadline: fieldsOf(deploymentSchedule.deadlineTime, { amount: 7, unit: 'Days' }),
      isSoftDeadline: deploymentSchedule.isSoftDeadline,
    };
    makeAutoObservable<RuleDeploymentDraft, 'isScheduleDirty'>(this, {
      pages: false,
      isScheduleDirty: true,
    });
  }

  get isDirty(): boolean {
    return this.isScheduleDirty || this.pages.isDirty;
  }

  get isRequired(): boolean {
    return this.pages.isRequired;
  }

  updateSchedule(change: Partial<Omit<RuleScheduleFields, 'available' | 'deadline'>>): void {
    Object.assign(this.schedule, change);
    this.isScheduleDirty = true;
  }

  setOffset(which: 'available' | 'deadline', change: Partial<OffsetFields>): void {
    Object.assign(this.schedule[which], change);
    this.isScheduleDirty = true;
  }

  /** The Deployment Schedule page as the site's schema reads it; no deadline for Available. */
  get scheduleValue(): unknown {
    return {
      timeBasedOn: this.schedule.timeBasedOn,
      availableTime: offsetValue(this.schedule.available),
      deadlineTime: this.isRequired ? offsetValue(this.schedule.deadline) : null,
      isSoftDeadline: this.isRequired && this.schedule.isSoftDeadline,
    };
  }

  /** Every page parsed; a page that does not parse yet counts with its defaults. */
  get settings(): RuleDeploymentSettings {
    const { scheduling: _scheduling, ...shared } = this.pages.settings;
    const schedule = RuleDeploymentSchedulePage.safeParse(this.scheduleValue);
    return RuleDeploymentSettings.parse({
      ...shared,
      ...(schedule.success ? { deploymentSchedule: schedule.data } : {}),
    });
  }

  problems(page: RuleDeploymentPageId): Map<FieldPath, string> {
    const problems =
      page === 'deploymentSchedule'
        ? pageProblems(RuleDeploymentSchedulePage, this.scheduleValue)
        : this.pages.problems(page);
    if (page === 'deploymentSchedule') {
      for (const which of ['availableTime', 'deadlineTime'] as const) {
        const fields = which === 'availableTime' ? this.schedule.available : this.schedule.deadline;
        const isAsked = which === 'availableTime' || this.isRequired;
        if (isAsked && !fields.isAsap && !/^\s*\d+\s*$/.test(fields.amount))
          problems.set(`${which}.amount`, 'Enter a whole number from 0 to 999.');
      }
    }
    const { settings } = this;
    for (const problem of ruleSettingsProblems(settings)) {
      const [problemPage, ...path] = problem.path;
      const key = path.join('.');
      if (problemPage === page && !problems.has(key))
        problems.set(key, asSentence(problem.message));
    }
    return problems;
  }

  get hasProblems(): boolean {
    return ruleDeploymentPageIds.some((page) => this.problems(page).size > 0);
  }
}
