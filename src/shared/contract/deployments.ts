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
import {
  DeploymentGeneralPage,
  DeploymentSettings,
  DeploymentPurpose,
  TimeBasedOn,
  DeploymentName,
  DeploymentDescription,
  DeploymentSettingsPage,
  SchedulingPage,
  UserExperiencePage,
  AlertsPage,
  DownloadSettingsPage,
} from './deployment-settings';

export * from './deployment-settings';

/**
 * Software update deployments (spec §7, §7.12): SMS_UpdateGroupAssignment (a group, assignment
 * type 5) or SMS_UpdatesAssignment (selected updates, type 1) to a device collection.
 */
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
