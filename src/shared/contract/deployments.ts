import { z } from 'zod';
import { method } from './define';
import {
  DeploymentPackagePage,
  DistributionPointsPage,
  DistributionSettingsPage,
  DownloadJobResult,
  DownloadLocationPage,
  LanguageSelectionPage,
} from './deployment-packages';
import { IsoTime, listPage, listQuery } from './list-query';
import { maxUpdatesPerDeployment } from './update-groups';

/**
 * Software update deployments (spec §7, §7.12): SMS_UpdateGroupAssignment (a group, assignment
 * type 5) or SMS_UpdatesAssignment (selected updates, type 1) to a device collection. The schemas
 * of the Deploy Software Updates Wizard's pages live here, so the wizard checks each page with the
 * slice of the schema the site parses the whole request with, and a template is the same pages.
 */
export const DeploymentPurpose = z.enum(['Required', 'Available']);
export type DeploymentPurpose = z.infer<typeof DeploymentPurpose>;

/** Schedule evaluation (PS TimeBasedOn): each client's local clock, or one instant in UTC. */
export const TimeBasedOn = z.enum(['LocalTime', 'Utc']);
export type TimeBasedOn = z.infer<typeof TimeBasedOn>;

/** StateMessageVerbosity: 10 all messages, 5 only success and error, 1 only errors. */
export const StateMessageVerbosity = z.union([z.literal(10), z.literal(5), z.literal(1)]);
export type StateMessageVerbosity = z.infer<typeof StateMessageVerbosity>;

export const verbosityLabels: Record<StateMessageVerbosity, string> = {
  10: 'All messages',
  5: 'Only success and error messages',
  1: 'Only error messages',
};

export const UserNotification = z.enum(['DisplayAll', 'DisplaySoftwareCenterOnly', 'HideAll']);
export type UserNotification = z.infer<typeof UserNotification>;

export const userNotificationLabels: Record<UserNotification, string> = {
  DisplayAll: 'Display in Software Center and show all notifications',
  DisplaySoftwareCenterOnly:
    'Display in Software Center, and only show notifications for computer restarts',
  HideAll: 'Hide in Software Center and all notifications',
};

/**
 * A wall-clock date and time without an offset ("2026-12-08T02:00"). With Client local time it
 * falls at that time on each client's own clock; with UTC it is that UTC instant.
 */
export const WallClockTime = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/,
    'expected a date and time such as 2026-12-08T02:00',
  )
  .refine((value) => !Number.isNaN(Date.parse(`${value}Z`)), 'not a real date and time');

/** "As soon as possible" or a specific time (Software available time, Installation deadline). */
export const ScheduleTime = z.union([z.literal('asap'), WallClockTime]);
export type ScheduleTime = z.infer<typeof ScheduleTime>;

export const DeploymentName = z
  .string()
  .trim()
  .min(1, 'a deployment needs a name')
  .max(256, 'at most 256 characters');
export const DeploymentDescription = z.string().trim().max(256, 'at most 256 characters');

// ---------------------------------------------------------------- wizard page schemas

/** General (§7.1). The deployed group or updates are the request's `selection`. */
export const DeploymentGeneralPage = z
  .object({
    /** Blank takes the default `Microsoft Software Updates - YYYY-MM-DD hh:mm:ss AM/PM`. */
    name: z.string().trim().max(256, 'at most 256 characters').default(''),
    description: DeploymentDescription.default(''),
    collectionId: z.number({ error: 'choose a device collection' }).int().positive(),
    /** The template applied on this page, if any (kept for the record). */
    templateId: z.number().int().positive().optional(),
  })
  .strict();

/** Deployment Settings (§7.2). */
export const DeploymentSettingsPage = z
  .object({
    purpose: DeploymentPurpose.default('Required'),
    /** Available only: Software Center shows the update once its content is downloaded. */
    isPreDownload: z.boolean().default(false),
    /** Required only: wake clients that need an update of the deployment at deadline. */
    isWakeOnLan: z.boolean().default(false),
    verbosity: StateMessageVerbosity.default(10),
  })
  .strict();

/** Scheduling (§7.3). Default deadline is the available time plus 7 days. */
export const SchedulingPage = z
  .object({
    timeBasedOn: TimeBasedOn.default('LocalTime'),
    availableTime: ScheduleTime.default('asap'),
    /** Required only; null for an Available deployment. */
    deadlineTime: ScheduleTime.nullable().optional(),
    /** Delay enforcement according to user preferences, up to the client's grace period. */
    isSoftDeadline: z.boolean().default(false),
  })
  .strict();

/** User Experience (§7.4). */
export const UserExperiencePage = z
  .object({
    userNotification: UserNotification.default('DisplayAll'),
    /** OverrideServiceWindows: install outside a maintenance window when the deadline is reached. */
    isInstallOutsideMaintenanceWindow: z.boolean().default(false),
    /** RebootOutsideOfServiceWindows: restart outside a maintenance window at deadline. */
    isRestartOutsideMaintenanceWindow: z.boolean().default(false),
    isRestartSuppressedOnServers: z.boolean().default(false),
    isRestartSuppressedOnWorkstations: z.boolean().default(false),
    /** PersistOnWriteFilterDevices: commit changes at deadline or in a window (default on). */
    isWriteFilterCommitted: z.boolean().default(true),
    /** RequirePostRebootFullScan. */
    isReevaluatedAfterRestart: z.boolean().default(false),
  })
  .strict();

export const AlertOffsetUnit = z.enum(['Hours', 'Days', 'Weeks', 'Months']);
export type AlertOffsetUnit = z.infer<typeof AlertOffsetUnit>;

/** Alerts (§7.5); meaningful for Required deployments. */
export const AlertsPage = z
  .object({
    isAlertOnLowCompliance: z.boolean().default(false),
    compliancePercentBelow: z.number().int().min(1, 'from 1').max(99, 'to 99').default(95),
    offsetFromDeadline: z.number().int().min(1, 'at least 1').max(999, 'at most 999').default(1),
    offsetUnit: AlertOffsetUnit.default('Days'),
    isOperationsManagerAlertsDisabled: z.boolean().default(false),
    isOperationsManagerAlertOnFailure: z.boolean().default(false),
  })
  .strict();

export const BoundaryGroupChoice = z.enum(['NoInstall', 'DownloadAndInstall']);
export type BoundaryGroupChoice = z.infer<typeof BoundaryGroupChoice>;

/** Download Settings (§7.6); "Download … and install" for both, as the spec advises. */
export const DownloadSettingsPage = z
  .object({
    /** Clients using a DP from a neighbor or the default site boundary group. */
    neighborBoundaryGroups: BoundaryGroupChoice.default('DownloadAndInstall'),
    /** When no DP in current or neighbor groups has the content: the site default group. */
    siteDefaultBoundaryGroup: BoundaryGroupChoice.default('DownloadAndInstall'),
    isBranchCacheAllowed: z.boolean().default(true),
    isMicrosoftUpdateFallback: z.boolean().default(false),
    isMeteredNetworkAllowed: z.boolean().default(false),
  })
  .strict();

/** Every setting a deployment keeps: the wizard's setting pages, and what a template holds. */
export const DeploymentSettings = z
  .object({
    deploymentSettings: DeploymentSettingsPage.default(DeploymentSettingsPage.parse({})),
    scheduling: SchedulingPage.default(SchedulingPage.parse({})),
    userExperience: UserExperiencePage.default(UserExperiencePage.parse({})),
    alerts: AlertsPage.default(AlertsPage.parse({})),
    downloadSettings: DownloadSettingsPage.default(DownloadSettingsPage.parse({})),
  })
  .strict();
export type DeploymentSettings = z.output<typeof DeploymentSettings>;
export type DeploymentSettingsInput = z.input<typeof DeploymentSettings>;

/** A problem with one field, as the wizard shows it beside the field and the CLI prints it. */
export interface FieldProblem {
  /** Page and field, e.g. ['scheduling', 'deadlineTime']. */
  path: string[];
  message: string;
}

/**
 * The rules between fields of §7 that no single field's schema can hold. `now` resolves "as soon
 * as possible" (the console machine's time with Client local time, the same instant in UTC).
 */
export function deploymentSettingsProblems(
  settings: DeploymentSettings,
  now: { wallClock: string },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { purpose } = settings.deploymentSettings;
  const { availableTime, deadlineTime } = settings.scheduling;
  if (purpose === 'Available') {
    if (deadlineTime != null)
      problems.push({
        path: ['scheduling', 'deadlineTime'],
        message: 'an Available deployment has no installation deadline',
      });
    if (settings.userExperience.userNotification === 'HideAll')
      problems.push({
        path: ['userExperience', 'userNotification'],
        message: 'an Available deployment must be shown in Software Center',
      });
    if (settings.deploymentSettings.isWakeOnLan)
      problems.push({
        path: ['deploymentSettings', 'isWakeOnLan'],
        message: 'Wake-on-LAN is only for Required deployments',
      });
  } else {
    if (settings.deploymentSettings.isPreDownload)
      problems.push({
        path: ['deploymentSettings', 'isPreDownload'],
        message: 'pre-download is only for Available deployments',
      });
    if (deadlineTime == null)
      problems.push({
        path: ['scheduling', 'deadlineTime'],
        message: 'a Required deployment needs an installation deadline',
      });
  }
  if (deadlineTime != null) {
    const available = availableTime === 'asap' ? now.wallClock : availableTime;
    const deadline = deadlineTime === 'asap' ? now.wallClock : deadlineTime;
    if (normalizeWallClock(deadline) < normalizeWallClock(available))
      problems.push({
        path: ['scheduling', 'deadlineTime'],
        message: 'the installation deadline cannot be before the software available time',
      });
  }
  return problems;
}

/** "2026-12-08T02:00" and "2026-12-08T02:00:00" compare equal as text once seconds are added. */
export function normalizeWallClock(value: string): string {
  return value.length === 16 ? `${value}:00` : value;
}

/** The default deadline: the available time plus seven days (§7.3). */
export function defaultDeadline(available: string): string {
  const at = new Date(`${normalizeWallClock(available)}Z`);
  at.setUTCDate(at.getUTCDate() + 7);
  return at.toISOString().slice(0, 16);
}

/** What is deployed: a software update group (type 5) or selected updates (type 1). */
export const DeploymentSelection = z.union([
  z.object({ groupId: z.number().int().positive() }).strict(),
  z
    .object({
      ciIds: z
        .array(z.number().int().positive())
        .min(1, 'select at least one software update')
        .max(maxUpdatesPerDeployment, 'a deployment holds at most 1,000 software updates'),
    })
    .strict(),
]);
export type DeploymentSelection = z.infer<typeof DeploymentSelection>;

/**
 * The content pages (§7.7–§7.10). Absent when everything is already downloaded (the wizard skips
 * the pages); `deploymentPackage.choice: 'none'` is "No deployment package".
 */
export const DeploymentContent = z
  .object({
    deploymentPackage: z.union([
      DeploymentPackagePage,
      z.object({ choice: z.literal('none') }).strict(),
    ]),
    distributionPoints: DistributionPointsPage.default({
      distributionPointIds: [],
      distributionPointGroupIds: [],
    }),
    distributionSettings: DistributionSettingsPage.default({
      priority: 'Medium',
      isOnDemandDistribution: false,
      prestageBehavior: 'ManualCopy',
    }),
    location: DownloadLocationPage.default({ source: 'internet' }),
    languageSelection: LanguageSelectionPage,
  })
  .strict();
export type DeploymentContent = z.input<typeof DeploymentContent>;

/** The whole wizard (and New-CMSoftwareUpdateDeployment) as the site parses it. */
export const DeploymentCreate = DeploymentSettings.extend({
  selection: DeploymentSelection,
  general: DeploymentGeneralPage,
  content: DeploymentContent.optional(),
  /** False creates the deployment disabled (-Enable $false). */
  isEnabled: z.boolean().default(true),
}).strict();
export type DeploymentCreate = z.input<typeof DeploymentCreate>;

/**
 * A page with every field optional and no defaults: a change names only what it changes, and a
 * field left out keeps its value (`.partial()` alone would still fill in the page's defaults).
 */
function changeOf<S extends z.ZodRawShape>(page: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(page.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault
        ? (field.unwrap() as z.ZodType)
        : (field as z.ZodType)
      ).optional(),
    ]),
  ) as unknown as { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer T> ? T : S[K]> };
  return z.object(shape).strict();
}

/**
 * Deployment Properties: every page. The purpose is fixed once created: it may be sent (the
 * dialog sends its whole page) but a different one is refused with a sentence that says so.
 */
export const DeploymentChange = z
  .object({
    id: z.number().int().positive(),
    name: DeploymentName.optional(),
    description: DeploymentDescription.optional(),
    deploymentSettings: changeOf(DeploymentSettingsPage).optional(),
    scheduling: changeOf(SchedulingPage).optional(),
    userExperience: changeOf(UserExperiencePage).optional(),
    alerts: changeOf(AlertsPage).optional(),
    downloadSettings: changeOf(DownloadSettingsPage).optional(),
  })
  .strict();
export type DeploymentChange = z.input<typeof DeploymentChange>;

// ---------------------------------------------------------------- rows and status

/** The SMS_DeploymentSummary counters (spec §9.2), named exactly as the CLI's JSON carries them. */
export const DeploymentSummaryCounters = z.object({
  numberTargeted: z.number().int(),
  numberSuccess: z.number().int(),
  numberInProgress: z.number().int(),
  numberErrors: z.number().int(),
  /** Requirements not met. */
  numberOther: z.number().int(),
  numberUnknown: z.number().int(),
  /** Live data: the time the counters were read (ConfigMgr's summarized time). */
  summarizationTime: IsoTime,
});
export type DeploymentSummaryCounters = z.infer<typeof DeploymentSummaryCounters>;

/** One row of Monitoring > Deployments, and of a group's or an update's Deployments tab. */
export const Deployment = DeploymentSummaryCounters.extend({
  /** AssignmentID (site-local). */
  id: z.number().int(),
  /** AssignmentUniqueID (GUID). */
  assignmentUniqueId: z.string(),
  name: z.string(),
  description: z.string(),
  /** 1 SMS_UpdatesAssignment, 5 SMS_UpdateGroupAssignment. */
  assignmentType: z.union([z.literal(1), z.literal(5)]),
  /** The Software column: the group's name, or the update's title (or "N software updates"). */
  softwareName: z.string(),
  groupId: z.number().int().nullable(),
  collectionId: z.number().int(),
  collectionName: z.string(),
  purpose: DeploymentPurpose,
  isEnabled: z.boolean(),
  timeBasedOn: TimeBasedOn,
  /** Deployment Start Time (software available time), wall clock. */
  startTime: z.string(),
  /** Enforcement Deadline, wall clock; null for Available. */
  enforcementDeadline: z.string().nullable(),
  numberOfUpdates: z.number().int(),
  containsExpiredUpdates: z.boolean(),
  packageId: z.number().int().nullable(),
  ruleId: z.number().int().nullable(),
  /** (NumberSuccess / NumberTargeted), whole percent; 0 with no target. */
  compliancePercent: z.number().int(),
  dateCreated: IsoTime,
  createdBy: z.string(),
  dateModified: IsoTime,
  modifiedBy: z.string(),
});
export type Deployment = z.infer<typeof Deployment>;

/** One deployment with every setting, for Properties and `deployment show`. */
export const DeploymentDetail = Deployment.extend({
  settings: DeploymentSettings,
  ciIds: z.array(z.number().int()),
});
export type DeploymentDetail = z.infer<typeof DeploymentDetail>;

export const DeploymentListQuery = listQuery(
  z
    .object({
      text: z.string().trim().max(200).optional(),
      /** A group's Deployments tab. */
      groupId: z.number().int().positive().optional(),
      /** An update's Deployments tab: deployments that hold it. */
      ciId: z.number().int().positive().optional(),
      collectionId: z.number().int().positive().optional(),
    })
    .strict(),
  ['name', 'dateCreated', 'dateModified', 'startTime', 'enforcementDeadline'] as const,
);

/** The five categories of View Status (§9.3), in the order of its tabs. */
export const DeploymentStatusCategory = z.enum([
  'Compliant',
  'InProgress',
  'Error',
  'RequirementsNotMet',
  'Unknown',
]);
export type DeploymentStatusCategory = z.infer<typeof DeploymentStatusCategory>;

export const deploymentStatusCategoryLabels: Record<DeploymentStatusCategory, string> = {
  Compliant: 'Compliant',
  InProgress: 'In Progress',
  Error: 'Error',
  RequirementsNotMet: 'Requirements Not Met',
  Unknown: 'Unknown',
};

/** One sub-state of a category ("Downloading update(s)", 412). */
export const DeploymentSubState = z.object({
  /** Stable key for `deployments.assets`, e.g. "301-7", or "none" for no message. */
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
});

export const DeploymentStatus = z.object({
  deployment: Deployment,
  categories: z.array(
    z.object({
      category: DeploymentStatusCategory,
      count: z.number().int(),
      subStates: z.array(DeploymentSubState),
    }),
  ),
});
export type DeploymentStatus = z.infer<typeof DeploymentStatus>;

/** View Status shows at most this many assets; reports go beyond (§9.3). */
export const maxStatusAssets = 20_000;

/** One row of Asset Details (SMS_SUMDeploymentAssetDetails). */
export const DeploymentAsset = z.object({
  clientId: z.number().int(),
  deviceName: z.string(),
  statusTime: IsoTime.nullable(),
  /** Signed 32-bit HRESULT; 0 for none. */
  errorCode: z.number().int(),
  /** "0x80240022", or "" for none. */
  errorCodeHex: z.string(),
  /** What the error code means, in a sentence ("" for none). */
  errorDescription: z.string(),
  category: DeploymentStatusCategory,
  subStateLabel: z.string(),
  /** The last enforcement or compliance message, as "301-4". */
  lastMessageKey: z.string(),
});
export type DeploymentAsset = z.infer<typeof DeploymentAsset>;

export const DeploymentAssetsQuery = z
  .object({
    id: z.number().int().positive(),
    category: DeploymentStatusCategory,
    subStateKey: z.string().max(20).optional(),
    limit: z.number().int().min(1).max(maxStatusAssets).default(maxStatusAssets),
  })
  .strict();

export const DeploymentAssets = z.object({
  rows: z.array(DeploymentAsset),
  total: z.number().int(),
  /** Set when more assets exist than are shown: a sentence that says so. */
  cappedMessage: z.string().nullable(),
});
export type DeploymentAssets = z.infer<typeof DeploymentAssets>;

/** What the wizard knows about the selection before its first page. */
export const DeploymentPreview = z.object({
  /** The General page's read-only "Software Update/Software Update Group". */
  softwareName: z.string(),
  numberOfUpdates: z.number().int(),
  numberOfExpired: z.number().int(),
  /** Updates whose content is in no deployment package (metadata-only ones excluded). */
  numberNotDownloaded: z.number().int(),
  /** The wizard skips Deployment Package, Distribution Points and Language Selection. */
  isEverythingDownloaded: z.boolean(),
  defaultName: z.string(),
  /** The site's wall-clock "now" for ASAP, in the console's time (LocalTime) and in UTC. */
  nowLocal: z.string(),
  nowUtc: z.string(),
  /** A sentence when the selection cannot be deployed at all (expired, over 1,000, empty). */
  problem: z.string().nullable(),
});
export type DeploymentPreview = z.infer<typeof DeploymentPreview>;

/** Progress and Completion: download -> distribute -> create, as one job's result. */
export const DeploymentJobStep = z.enum(['Download', 'Distribute', 'CreateDeployment']);
export const DeploymentJobResult = z.object({
  /** Null when a step failed: no deployment was created. */
  deploymentId: z.number().int().nullable(),
  deploymentName: z.string(),
  steps: z.array(
    z.object({
      step: DeploymentJobStep,
      outcome: z.enum(['Succeeded', 'Failed', 'Skipped']),
      message: z.string(),
    }),
  ),
  download: DownloadJobResult.nullable(),
});
export type DeploymentJobResult = z.infer<typeof DeploymentJobResult>;

// ---------------------------------------------------------------- templates

/** Template names: alphanumeric ASCII plus `\` and `'` (§7.11), and spaces between words. */
export const TemplateName = z
  .string()
  .trim()
  .min(1, 'a template needs a name')
  .max(256, 'at most 256 characters')
  .regex(/^[A-Za-z0-9\\' ]+$/, "use letters, digits, spaces, \\ and ' only");

/** The setting pages a template can include (Save As Template's checklist). */
export const TemplatePart = z.enum([
  'deploymentSettings',
  'scheduling',
  'userExperience',
  'alerts',
  'downloadSettings',
  'collection',
]);
export type TemplatePart = z.infer<typeof TemplatePart>;

export const DeploymentTemplate = z.object({
  id: z.number().int(),
  name: z.string(),
  parts: z.array(TemplatePart),
  settings: DeploymentSettings,
  collectionId: z.number().int().nullable(),
  dateCreated: IsoTime,
});
export type DeploymentTemplate = z.infer<typeof DeploymentTemplate>;

export const DeploymentTemplateCreate = z
  .object({
    name: TemplateName,
    parts: z.array(TemplatePart).min(1, 'include at least one group of settings'),
    settings: DeploymentSettings,
    collectionId: z.number().int().positive().optional(),
  })
  .strict();

const DeploymentIds = z
  .array(z.number().int().positive())
  .min(1, 'choose at least one deployment')
  .max(1000);

export const deploymentMethods = {
  'deployments.list': method(
    DeploymentListQuery,
    listPage(Deployment),
    'Monitoring > Deployments (software updates), or a group or update Deployments tab.',
  ),
  'deployments.get': method(
    z.object({ id: z.number().int().positive() }).strict(),
    DeploymentDetail,
    'One deployment with every setting (Get-CMSoftwareUpdateDeployment).',
  ),
  'deployments.preview': method(
    z.object({ selection: DeploymentSelection }).strict(),
    DeploymentPreview,
    'What the Deploy Software Updates Wizard deploys: counts, default name, whether content pages are needed.',
  ),
  'deployments.checkName': method(
    z.object({ name: z.string().max(1000), excludeId: z.number().int().optional() }).strict(),
    z.object({ problem: z.string().nullable() }),
    'Whether a deployment name is free and valid, for the General page.',
  ),
  'deployments.create': method(
    DeploymentCreate,
    z.object({ jobId: z.number().int() }),
    'The Deploy Software Updates Wizard (New-CMSoftwareUpdateDeployment): a job that downloads, distributes and creates the deployment.',
  ),
  'deployments.update': method(
    DeploymentChange,
    DeploymentDetail,
    'Deployment Properties (Set-CMSoftwareUpdateDeployment); the purpose cannot change.',
  ),
  'deployments.setEnabled': method(
    z.object({ ids: DeploymentIds, isEnabled: z.boolean() }).strict(),
    z.object({ changed: z.number().int() }),
    'Enable / Disable: a disabled deployment is withdrawn from client policy.',
  ),
  'deployments.delete': method(
    z.object({ ids: DeploymentIds }).strict(),
    z.object({ deleted: z.number().int() }),
    'Remove-CMSoftwareUpdateDeployment: withdraws the deployments from clients.',
  ),
  'deployments.status': method(
    z.object({ id: z.number().int().positive() }).strict(),
    DeploymentStatus,
    'View Status: the five categories with their sub-states, read live.',
  ),
  'deployments.assets': method(
    DeploymentAssetsQuery,
    DeploymentAssets,
    'View Status > Asset Details of one category or sub-state (at most 20,000).',
  ),
  'deploymentTemplates.list': method(
    z.object({}).strict(),
    z.array(DeploymentTemplate),
    'Deployment templates, by name (Select Deployment Template).',
  ),
  'deploymentTemplates.create': method(
    DeploymentTemplateCreate,
    DeploymentTemplate,
    'Save As Template on the Summary page.',
  ),
  'deploymentTemplates.delete': method(
    z.object({ ids: z.array(z.number().int().positive()).min(1).max(100) }).strict(),
    z.object({ deleted: z.number().int() }),
    'Deletes deployment templates.',
  ),
} as const;
