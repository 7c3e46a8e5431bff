import { z } from 'zod';

/**
 * The setting pages of the Deploy Software Updates Wizard (spec §7.1–§7.6), shared by manual
 * deployments, automatic deployment rules (§8.2) and templates, so every wizard checks a page
 * with the very slice of the schema the site parses the whole request with.
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
