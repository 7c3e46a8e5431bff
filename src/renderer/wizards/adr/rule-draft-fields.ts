import type {
  RuleDeploymentSchedulePage,
  RuleGroupMode,
  RuleRunType,
  RuleSettings,
  RuleTimeOffset,
} from '../../../shared/contract/automatic-deployment-rules';
import {
  RuleAlertsPage,
  RuleDeploymentSchedulePage as SchedulePage,
  RuleDeploymentSettingsPage,
  RuleEvaluationSchedulePage,
  RuleGeneralPage,
} from '../../../shared/contract/automatic-deployment-rules';
import type { DeviceCollection } from '../../../shared/contract/collections';
import {
  DownloadSettingsPage,
  UserExperiencePage,
  type TimeBasedOn,
} from '../../../shared/contract/deployment-settings';
import type { CustomSchedule, Schedule } from '../../../shared/schedule/schedule';
import type { DownloadWizardStore } from '../download/download-wizard-store';

/*
 * The fields of a rule's pages as the admin edits them (numbers as typed, a package choice
 * still to make), the defaults of a new rule, and the way saved pages come back into them.
 */

/** The General page as edited. */
export interface RuleGeneralFields {
  name: string;
  description: string;
  template: string;
  collectionId: number | null;
  groupMode: RuleGroupMode;
  isDeploymentEnabledAfterRun: boolean;
}

/** "As soon as possible" or "N units after the rule runs", the number as typed. */
export interface OffsetFields {
  isAsap: boolean;
  amount: string;
  unit: RuleTimeOffset['unit'];
}

export interface RuleScheduleFields {
  timeBasedOn: TimeBasedOn;
  available: OffsetFields;
  deadline: OffsetFields;
  isSoftDeadline: boolean;
}

export interface EvaluationFields {
  runType: RuleRunType;
  schedule: CustomSchedule | undefined;
}

/** The lists the pages pick from, read from the site. */
export interface RuleChoices {
  collections: DeviceCollection[];
  products: string[];
  classifications: string[];
  languages: string[];
  vendors: string[];
  /** The software update point's schedule, shown on Evaluation Schedule for reference. */
  syncSchedule: Schedule | null;
}

export function offsetFields(
  value: 'asap' | RuleTimeOffset | null,
  fallback: RuleTimeOffset,
): OffsetFields {
  const offset = value === null || value === 'asap' ? fallback : value;
  return { isAsap: value === 'asap', amount: String(offset.amount), unit: offset.unit };
}

export function offsetValue(fields: OffsetFields): unknown {
  if (fields.isAsap) return 'asap';
  const amount = /^\s*\d+\s*$/.test(fields.amount) ? Number(fields.amount) : Number.NaN;
  return { amount, unit: fields.unit };
}

/** A Patch Tuesday evaluation: the second Tuesday of each month, at 23:00 local time. */
export function defaultEvaluationSchedule(): CustomSchedule {
  const today = new Date();
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return {
    kind: 'custom',
    start: `${date}T23:00`,
    isUtc: false,
    recurrence: {
      pattern: 'monthly-weekday',
      everyMonths: 1,
      week: 'Second',
      day: 'Tuesday',
      offsetDays: 0,
    },
  };
}

/** A new rule's pages: the schema's defaults, no criteria, no name or collection yet. */
export function newRulePages(): Omit<RuleSettings, 'general' | 'content'> & {
  general: Omit<RuleSettings['general'], 'name' | 'collectionId'>;
} {
  return {
    general: RuleGeneralPage.omit({ name: true, collectionId: true }).parse({}),
    deploymentSettings: RuleDeploymentSettingsPage.parse({}),
    softwareUpdates: { criteria: [] },
    evaluationSchedule: RuleEvaluationSchedulePage.parse({}),
    deploymentSchedule: SchedulePage.parse({}),
    userExperience: UserExperiencePage.parse({}),
    alerts: RuleAlertsPage.parse({}),
    downloadSettings: DownloadSettingsPage.parse({}),
  };
}

/** The Deployment Schedule page's fields of a saved page. */
export function scheduleFields(page: RuleDeploymentSchedulePage): RuleScheduleFields {
  return {
    timeBasedOn: page.timeBasedOn,
    available: offsetFields(page.availableTime, { amount: 0, unit: 'Days' }),
    deadline: offsetFields(page.deadlineTime, { amount: 7, unit: 'Days' }),
    isSoftDeadline: page.isSoftDeadline,
  };
}

/** A rule's (or a template's) content pages into the Download wizard's draft. */
export function applyContentPages(
  store: DownloadWizardStore,
  content: Partial<RuleSettings['content']>,
): void {
  const choice = content.deploymentPackage;
  if (choice?.choice === 'none') store.set('packageChoice', 'none');
  if (choice?.choice === 'existing') {
    store.set('packageChoice', 'existing');
    store.set('existingPackageId', choice.packageId);
  }
  if (choice?.choice === 'new') {
    store.set('packageChoice', 'new');
    store.set('name', choice.package.name);
    store.set('description', choice.package.description);
    store.set('sourcePath', choice.package.sourcePath);
    store.set('isBinaryDifferentialReplication', choice.package.isBinaryDifferentialReplication);
  }
  if (content.distributionPoints) {
    store.set('distributionPointIds', [...content.distributionPoints.distributionPointIds]);
    store.set('distributionPointGroupIds', [
      ...content.distributionPoints.distributionPointGroupIds,
    ]);
  }
  if (content.location) {
    store.set('locationSource', content.location.source);
    if (content.location.source === 'network') store.set('networkPath', content.location.path);
  }
  if (content.languageSelection) store.set('languages', [...content.languageSelection.languages]);
}
