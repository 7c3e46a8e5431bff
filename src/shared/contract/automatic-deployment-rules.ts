import { z } from 'zod';
import { CustomSchedule } from '../schedule/schedule';
import { method } from './define';
import { DownloadJobResult } from './deployment-packages';
import {
  AlertsPage,
  DeploymentSettingsPage,
  DownloadSettingsPage,
  TimeBasedOn,
  UserExperiencePage,
  type FieldProblem,
} from './deployment-settings';
import { DeploymentContent } from './deployments';
import { IsoTime, listPage, listQuery } from './list-query';
import { RuleCriteria } from './rule-criteria';

export * from './rule-criteria';

/**
 * Automatic deployment rules (spec §8): saved criteria + an evaluation schedule + the settings of
 * the deployments a run creates. The Create Automatic Deployment Rule Wizard sends every page as
 * one request (`rules.create`); Properties sends whole pages back (`rules.update`). A run is a
 * durable job of SMS_RULE_ENGINE (ruleengine.log): evaluate -> download -> group -> deploy, all or
 * nothing.
 */

/** Name: required, unique (in any case), one line. */
export const RuleName = z
  .string()
  .trim()
  .min(1, 'a rule needs a name')
  .max(256, 'at most 256 characters')
  .refine((value) => !/[\r\n]/.test(value), 'a name cannot contain a line break');

/** Group choice of the General page (PS AddToExistingSoftwareUpdateGroup). */
export const RuleGroupMode = z.enum(['new-group', 'existing-group']);
export type RuleGroupMode = z.infer<typeof RuleGroupMode>;

export const ruleGroupModeLabels: Record<RuleGroupMode, string> = {
  'new-group': 'Create a new Software Update Group',
  'existing-group': 'Add to an existing Software Update Group',
};

/** General (§8.2). */
export const RuleGeneralPage = z
  .object({
    name: RuleName,
    description: z.string().trim().max(256, 'at most 256 characters').default(''),
    /** The template picked on this page ("Patch Tuesday"), kept for the Template column. */
    template: z.string().trim().max(256).default(''),
    collectionId: z.number({ error: 'choose a device collection' }).int().positive(),
    groupMode: RuleGroupMode.default('new-group'),
    /** Off: group and content are prepared, the deployment is created disabled. */
    isDeploymentEnabledAfterRun: z.boolean().default(true),
  })
  .strict();

/** License terms setting (PS DeployWithoutLicense). */
export const LicenseTermsSetting = z.enum(['approve-all', 'only-without-license']);
export type LicenseTermsSetting = z.infer<typeof LicenseTermsSetting>;

export const licenseTermsLabels: Record<LicenseTermsSetting, string> = {
  'approve-all':
    'Automatically deploy all software updates and approve any associated license agreements',
  'only-without-license': 'Only deploy software updates that do not contain license agreements',
};

/** Deployment Settings of a rule: the deployment's page plus the license terms setting. */
export const RuleDeploymentSettingsPage = DeploymentSettingsPage.extend({
  licenseTerms: LicenseTermsSetting.default('approve-all'),
}).strict();

/** Software Updates: the property filters. */
export const RuleSoftwareUpdatesPage = z.object({ criteria: RuleCriteria }).strict();

/** Evaluation Schedule (PS RunType). */
export const RuleRunType = z.enum(['after-sync', 'schedule', 'manual']);
export type RuleRunType = z.infer<typeof RuleRunType>;

export const ruleRunTypeLabels: Record<RuleRunType, string> = {
  'after-sync': 'Run the rule after any software update point synchronization',
  schedule: 'Run the rule on a schedule',
  manual: 'Do not run this rule automatically',
};

/** At most three evaluations a day (§8.2, §14). */
export const maxEvaluationsPerDay = 3;

export const RuleEvaluationSchedulePage = z
  .object({
    runType: RuleRunType.default('after-sync'),
    /** Required with runType "schedule": the Custom Schedule dialog (§2.6). */
    schedule: CustomSchedule.optional(),
  })
  .strict();
export type RuleEvaluationSchedulePage = z.output<typeof RuleEvaluationSchedulePage>;

/** "N Hours/Days/Weeks/Months after the rule runs" (available) or "after available" (deadline). */
export const RuleTimeOffset = z
  .object({
    amount: z.number().int().min(0, 'at least 0').max(999, 'at most 999'),
    unit: z.enum(['Hours', 'Days', 'Weeks', 'Months']),
  })
  .strict();
export type RuleTimeOffset = z.infer<typeof RuleTimeOffset>;

/** Deployment Schedule (§8.2): times are offsets from the scheduled start of the evaluation. */
export const RuleDeploymentSchedulePage = z
  .object({
    timeBasedOn: TimeBasedOn.default('LocalTime'),
    availableTime: z.union([z.literal('asap'), RuleTimeOffset]).default('asap'),
    /** Added to the available time; null for an Available deployment. */
    deadlineTime: z
      .union([z.literal('asap'), RuleTimeOffset])
      .nullable()
      .default({ amount: 7, unit: 'Days' }),
    isSoftDeadline: z.boolean().default(false),
  })
  .strict();
export type RuleDeploymentSchedulePage = z.output<typeof RuleDeploymentSchedulePage>;

/** Alerts of a rule: the deployment's, plus "Generate an alert when this rule fails". */
export const RuleAlertsPage = AlertsPage.extend({
  isAlertOnRuleFailure: z.boolean().default(false),
}).strict();

/** The settings of one deployment of a rule (the first, and every Add Deployment, §8.4). */
export const RuleDeploymentSettings = z
  .object({
    deploymentSettings: DeploymentSettingsPage.default(DeploymentSettingsPage.parse({})),
    deploymentSchedule: RuleDeploymentSchedulePage.default(RuleDeploymentSchedulePage.parse({})),
    userExperience: UserExperiencePage.default(UserExperiencePage.parse({})),
    alerts: AlertsPage.default(AlertsPage.parse({})),
    downloadSettings: DownloadSettingsPage.default(DownloadSettingsPage.parse({})),
  })
  .strict();
export type RuleDeploymentSettings = z.output<typeof RuleDeploymentSettings>;

/** Every page of the Create Automatic Deployment Rule Wizard, in order (Summary excluded). */
export const RuleSettings = z
  .object({
    general: RuleGeneralPage,
    deploymentSettings: RuleDeploymentSettingsPage.default(RuleDeploymentSettingsPage.parse({})),
    softwareUpdates: RuleSoftwareUpdatesPage,
    evaluationSchedule: RuleEvaluationSchedulePage.default(RuleEvaluationSchedulePage.parse({})),
    deploymentSchedule: RuleDeploymentSchedulePage.default(RuleDeploymentSchedulePage.parse({})),
    userExperience: UserExperiencePage.default(UserExperiencePage.parse({})),
    alerts: RuleAlertsPage.default(RuleAlertsPage.parse({})),
    downloadSettings: DownloadSettingsPage.default(DownloadSettingsPage.parse({})),
    /** Deployment Package (or "No deployment package"), Distribution Points, Download
     * Location, Language Selection. */
    content: DeploymentContent,
  })
  .strict();
export type RuleSettings = z.output<typeof RuleSettings>;
export type RuleSettingsInput = z.input<typeof RuleSettings>;

/** The wizard's Finish (New-CMSoftwareUpdateAutoDeploymentRule). */
export const RuleCreate = RuleSettings.extend({
  /** "After finishing, the rule runs immediately" (§8.2); the CLI may say --no-run. */
  runAfterCreate: z.boolean().default(true),
}).strict();
export type RuleCreate = z.input<typeof RuleCreate>;

/**
 * The rules between fields that no single field's schema can hold: a schedule for "on a
 * schedule", at most three evaluations a day, the Available/Required rules of §7 (no deadline,
 * no HideAll, no Wake-on-LAN for Available).
 */
export function ruleSettingsProblems(settings: {
  deploymentSettings: z.output<typeof DeploymentSettingsPage>;
  deploymentSchedule: RuleDeploymentSchedulePage;
  userExperience: z.output<typeof UserExperiencePage>;
  evaluationSchedule?: RuleEvaluationSchedulePage;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const evaluation = settings.evaluationSchedule;
  if (evaluation?.runType === 'schedule') {
    if (!evaluation.schedule)
      problems.push({
        path: ['evaluationSchedule', 'schedule'],
        message: 'choose when the rule runs (Customize)',
      });
    else {
      const perDay = evaluationsPerDay(evaluation.schedule);
      if (perDay > maxEvaluationsPerDay)
        problems.push({
          path: ['evaluationSchedule', 'schedule'],
          message: `this schedule evaluates the rule ${perDay} times a day; a rule runs at most ${maxEvaluationsPerDay} times a day`,
        });
    }
  }
  const { purpose, isWakeOnLan, isPreDownload } = settings.deploymentSettings;
  const { deadlineTime } = settings.deploymentSchedule;
  if (purpose === 'Available') {
    if (deadlineTime !== null)
      problems.push({
        path: ['deploymentSchedule', 'deadlineTime'],
        message: 'an Available deployment has no installation deadline',
      });
    if (settings.userExperience.userNotification === 'HideAll')
      problems.push({
        path: ['userExperience', 'userNotification'],
        message: 'an Available deployment must be shown in Software Center',
      });
    if (isWakeOnLan)
      problems.push({
        path: ['deploymentSettings', 'isWakeOnLan'],
        message: 'Wake-on-LAN is only for Required deployments',
      });
  } else {
    if (isPreDownload)
      problems.push({
        path: ['deploymentSettings', 'isPreDownload'],
        message: 'pre-download is only for Available deployments',
      });
    if (deadlineTime === null)
      problems.push({
        path: ['deploymentSchedule', 'deadlineTime'],
        message: 'a Required deployment needs an installation deadline',
      });
  }
  return problems;
}

/** How many times a day a schedule fires at most (a monthly or weekly schedule: once). */
export function evaluationsPerDay(schedule: z.output<typeof CustomSchedule>): number {
  const rule = schedule.recurrence;
  if (rule.pattern !== 'interval') return 1;
  const minutes = { minutes: 1, hours: 60, days: 1440 }[rule.unit] * rule.every;
  return Math.ceil(1440 / minutes);
}

/**
 * Last Error Code values (hex in the node). 0x87D20417 is ConfigMgr's documented failure of a
 * rule's content download; the others are Patchbay's own, in the same facility, because the
 * reference documents no code for them.
 */
export const ruleErrorCodes = {
  none: 0,
  contentDownloadFailed: 0x87d20417,
  tooManyUpdates: 0x87d20418,
  collectionMissing: 0x87d20419,
  packageFailed: 0x87d2041a,
  deploymentFailed: 0x87d2041b,
  siteStopped: 0x87d2041c,
} as const;

// ---------------------------------------------------------------- rows

/** One row of Software Library > Software Updates > Automatic Deployment Rules (§8.3). */
export const AutomaticDeploymentRule = z.object({
  /** AutoDeploymentID. */
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  isEnabled: z.boolean(),
  lastRunTime: IsoTime.nullable(),
  /** Signed 32-bit as stored (0 = none); the node shows `lastErrorCodeHex`. */
  lastErrorCode: z.number().int(),
  /** "0x87D20418", or "0x00000000" for none (as ConfigMgr shows it). */
  lastErrorCodeHex: z.string(),
  lastErrorTime: IsoTime.nullable(),
  /** Why the last run failed, in a sentence ("" when it succeeded). */
  lastErrorMessage: z.string(),
  collectionId: z.number().int(),
  collectionName: z.string(),
  template: z.string(),
  dateCreated: IsoTime,
  createdBy: z.string(),
  runType: RuleRunType,
  /** Null for "Do not run automatically" and for after-sync when no sync is scheduled. */
  nextRunTime: IsoTime.nullable(),
  /**
   * "After the synchronization at 2026-12-09 02:00", "2026-12-09 02:00" (the site's local time of
   * a scheduled rule's next occurrence), "Run Now only", "Disabled".
   */
  nextRunText: z.string(),
  /** The group of the last successful run (Show Software Update Group). */
  groupId: z.number().int().nullable(),
  groupName: z.string().nullable(),
  packageId: z.number().int().nullable(),
  /** Deployments made by the rule (the first one and every Add Deployment). */
  deploymentCount: z.number().int(),
  /** The job of a run in progress, if any. */
  runningJobId: z.number().int().nullable(),
});
export type AutomaticDeploymentRule = z.infer<typeof AutomaticDeploymentRule>;

/** One deployment of a rule: the first (the rule's own collection) or one from Add Deployment. */
export const RuleDeployment = z.object({
  /** Null for the rule's own deployment; the adr_deployment id for the others. */
  id: z.number().int().nullable(),
  collectionId: z.number().int(),
  collectionName: z.string(),
  settings: RuleDeploymentSettings,
  /** The deployment the last run made or refreshed, if any. */
  deploymentId: z.number().int().nullable(),
  deploymentName: z.string().nullable(),
});
export type RuleDeployment = z.infer<typeof RuleDeployment>;

export const AutomaticDeploymentRuleDetail = AutomaticDeploymentRule.extend({
  settings: RuleSettings,
  criteriaText: z.string(),
  deployments: z.array(RuleDeployment),
});
export type AutomaticDeploymentRuleDetail = z.infer<typeof AutomaticDeploymentRuleDetail>;

export const RuleListQuery = listQuery(
  z.object({ text: z.string().trim().max(200).optional() }).strict(),
  ['name', 'lastRunTime', 'lastErrorTime', 'dateCreated', 'nextRunTime'] as const,
);

// ---------------------------------------------------------------- preview and run

/** One update a rule selects, with what the dry run adds beyond ConfigMgr's Preview. */
export const RulePreviewUpdate = z.object({
  ciId: z.number().int(),
  articleId: z.string(),
  bulletinId: z.string(),
  title: z.string(),
  classification: z.string(),
  severity: z.string(),
  cves: z.array(z.string()),
  sizeBytes: z.number(),
  /** Devices of the target collection that require it. */
  requiredDevices: z.number().int(),
  isDownloaded: z.boolean(),
  hasLicenseTerms: z.boolean(),
});
export type RulePreviewUpdate = z.infer<typeof RulePreviewUpdate>;

/** Dry run: what a run would do now, computed by the run's own code. */
export const RulePreview = z.object({
  criteriaText: z.string(),
  /** Every update selected (at most 1,000 listed; `updateCount` is the full number). */
  updates: z.array(RulePreviewUpdate),
  updateCount: z.number().int(),
  /** Left out by "Only deploy software updates that do not contain license agreements". */
  skippedForLicense: z.number().int(),
  /** Distinct devices of the target collection that require at least one selected update. */
  deviceCount: z.number().int(),
  collectionMembers: z.number().int(),
  /** Bytes the run downloads (content in no package yet) and distributes (the package grows). */
  contentBytes: z.number(),
  distributeBytes: z.number(),
  exceedsLimit: z.boolean(),
  /** The sentence the run would fail with, or null. */
  problem: z.string().nullable(),
  /** The evaluation this preview stands for: its scheduled start and the times it gives. */
  scheduledStart: IsoTime,
  availableTime: z.string(),
  deadlineTime: z.string().nullable(),
  nextRunTime: IsoTime.nullable(),
});
export type RulePreview = z.infer<typeof RulePreview>;

export const RuleRunStep = z.enum(['Evaluate', 'Download', 'SoftwareUpdateGroup', 'Deploy']);

/** The result of a rule-engine job (Progress / Completion, `adr run`). */
export const RuleRunResult = z.object({
  ruleId: z.number().int(),
  ruleName: z.string(),
  outcome: z.enum(['Succeeded', 'Failed']),
  errorCode: z.number().int(),
  errorCodeHex: z.string(),
  /** A sentence: what was made, or why nothing was. */
  message: z.string(),
  scheduledStart: IsoTime,
  updateCount: z.number().int(),
  groupId: z.number().int().nullable(),
  groupName: z.string().nullable(),
  packageId: z.number().int().nullable(),
  deploymentIds: z.array(z.number().int()),
  steps: z.array(
    z.object({
      step: RuleRunStep,
      outcome: z.enum(['Succeeded', 'Failed', 'Skipped']),
      message: z.string(),
    }),
  ),
  download: DownloadJobResult.nullable(),
});
export type RuleRunResult = z.infer<typeof RuleRunResult>;

// ---------------------------------------------------------------- changes and templates

/** Properties: whole pages as tabs; a page left out keeps its value. */
export const RuleChange = z
  .object({
    id: z.number().int().positive(),
    general: RuleGeneralPage.partial().optional(),
    deploymentSettings: RuleDeploymentSettingsPage.optional(),
    softwareUpdates: RuleSoftwareUpdatesPage.optional(),
    evaluationSchedule: RuleEvaluationSchedulePage.optional(),
    deploymentSchedule: RuleDeploymentSchedulePage.optional(),
    userExperience: UserExperiencePage.optional(),
    alerts: RuleAlertsPage.optional(),
    downloadSettings: DownloadSettingsPage.optional(),
    /** A rule made with "No deployment package" cannot get one later (§8.3). */
    content: DeploymentContent.optional(),
  })
  .strict();
export type RuleChange = z.input<typeof RuleChange>;

/** Add Deployment (§8.4, New-CMAutoDeploymentRuleDeployment). */
export const RuleDeploymentCreate = z
  .object({
    ruleId: z.number().int().positive(),
    collectionId: z.number({ error: 'choose a device collection' }).int().positive(),
    settings: RuleDeploymentSettings,
  })
  .strict();

export const RuleDeploymentChange = z
  .object({
    ruleId: z.number().int().positive(),
    /** The adr_deployment id (the rule's own deployment changes through `rules.update`). */
    id: z.number().int().positive(),
    collectionId: z.number().int().positive().optional(),
    settings: RuleDeploymentSettings.optional(),
  })
  .strict();

/** Where a template comes from: built in, saved from this wizard, or a deployment template. */
export const RuleTemplateSource = z.enum(['builtin', 'rule', 'deployment']);

/**
 * Pages a template fills in; the General page's name and collection are never in one. A page
 * left out stays absent (no defaults filled in), so applying a template changes only its pages.
 */
export const RuleTemplateSettings = z
  .object({
    general: RuleGeneralPage.pick({ groupMode: true, isDeploymentEnabledAfterRun: true })
      .partial()
      .optional(),
    deploymentSettings: RuleDeploymentSettingsPage.optional(),
    softwareUpdates: RuleSoftwareUpdatesPage.optional(),
    evaluationSchedule: RuleEvaluationSchedulePage.optional(),
    deploymentSchedule: RuleDeploymentSchedulePage.optional(),
    userExperience: UserExperiencePage.optional(),
    alerts: RuleAlertsPage.optional(),
    downloadSettings: DownloadSettingsPage.optional(),
    content: DeploymentContent.partial().optional(),
  })
  .strict();
export type RuleTemplateSettings = z.input<typeof RuleTemplateSettings>;

export const RuleTemplate = z.object({
  /** "builtin:patch-tuesday", "rule:4", "deployment:2". */
  key: z.string(),
  name: z.string(),
  source: RuleTemplateSource,
  description: z.string(),
  settings: RuleTemplateSettings,
});
export type RuleTemplate = z.infer<typeof RuleTemplate>;

export const builtinRuleTemplateNames = [
  'Patch Tuesday',
  'Office 365 Client Updates',
  'SCEP and Windows Defender Antivirus Updates',
] as const;

const RuleIds = z.array(z.number().int().positive()).min(1, 'choose at least one rule').max(100);
const RuleRef = z.object({ id: z.number().int().positive() }).strict();

export const ruleMethods = {
  'rules.list': method(
    RuleListQuery,
    listPage(AutomaticDeploymentRule),
    'Software Library > Automatic Deployment Rules (Get-CMSoftwareUpdateAutoDeploymentRule).',
  ),
  'rules.get': method(
    RuleRef,
    AutomaticDeploymentRuleDetail,
    'One rule with every page and its deployments (Properties, details pane).',
  ),
  'rules.checkName': method(
    z.object({ name: z.string().max(1000), excludeId: z.number().int().optional() }).strict(),
    z.object({ problem: z.string().nullable() }),
    'Whether a rule name is free and valid, for the General page.',
  ),
  'rules.preview': method(
    z.union([
      z.object({ draft: RuleSettings }).strict(),
      z.object({ id: z.number().int().positive() }).strict(),
    ]),
    RulePreview,
    'Dry run of a rule being written or saved: the updates, devices, bytes, the cap and the times, by the run code.',
  ),
  'rules.create': method(
    RuleCreate,
    z.object({ id: z.number().int(), jobId: z.number().int().nullable() }),
    'Create Automatic Deployment Rule Wizard (New-CMSoftwareUpdateAutoDeploymentRule); the rule runs at once.',
  ),
  'rules.update': method(
    RuleChange,
    AutomaticDeploymentRuleDetail,
    'Rule Properties (Set-CMSoftwareUpdateAutoDeploymentRule).',
  ),
  'rules.setEnabled': method(
    z.object({ ids: RuleIds, isEnabled: z.boolean() }).strict(),
    z.object({ changed: z.number().int() }),
    'Enable / Disable: a disabled rule is never evaluated automatically.',
  ),
  'rules.delete': method(
    z.object({ ids: RuleIds }).strict(),
    z.object({ deleted: z.number().int() }),
    'Remove-CMSoftwareUpdateAutoDeploymentRule: the rule goes; its groups stay.',
  ),
  'rules.run': method(
    RuleRef,
    z.object({ jobId: z.number().int() }),
    'Run Now (Invoke-CMSoftwareUpdateAutoDeploymentRule): a rule-engine job.',
  ),
  'rules.addDeployment': method(
    RuleDeploymentCreate,
    AutomaticDeploymentRuleDetail,
    'Add Deployment: another collection for the same group and package.',
  ),
  'rules.updateDeployment': method(
    RuleDeploymentChange,
    AutomaticDeploymentRuleDetail,
    'Set-CMAutoDeploymentRuleDeployment.',
  ),
  'rules.removeDeployment': method(
    z.object({ ruleId: z.number().int().positive(), id: z.number().int().positive() }).strict(),
    AutomaticDeploymentRuleDetail,
    'Remove-CMAutoDeploymentRuleDeployment.',
  ),
  'ruleTemplates.list': method(
    z.object({}).strict(),
    z.array(RuleTemplate),
    'Templates for the General page: built-in, saved rule templates, deployment templates.',
  ),
  'ruleTemplates.create': method(
    z
      .object({
        name: z
          .string()
          .trim()
          .min(1, 'a template needs a name')
          .max(256)
          .regex(/^[A-Za-z0-9\\' ]+$/, "use letters, digits, spaces, \\ and ' only"),
        settings: RuleTemplateSettings,
      })
      .strict(),
    RuleTemplate,
    'Save As Template on the Summary page of the rule wizard.',
  ),
  'ruleTemplates.delete': method(
    z.object({ keys: z.array(z.string().max(100)).min(1).max(100) }).strict(),
    z.object({ deleted: z.number().int() }),
    'Deletes saved rule templates (built-in ones cannot be deleted).',
  ),
} as const;
