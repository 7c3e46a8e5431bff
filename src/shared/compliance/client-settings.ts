import { z } from 'zod';

/** "Period of time for which all pending deployments with deadline in this time will also be installed". */
const OtherDeploymentsPeriod = z
  .object({ every: z.number().int().min(1).max(365), unit: z.enum(['hours', 'days']) })
  .strict()
  .refine((period) => period.unit === 'days' || period.every <= 23, {
    message: 'the period is 1–23 hours or 1–365 days',
  });

/**
 * Each setting of the Software Updates group and the related Computer Agent, Computer Restart
 * and State Messaging settings clients need (spec §10.2), without defaults: a custom client
 * settings object configures some of them, and only those override lower priorities.
 */
const clientSettingFields = {
  isSoftwareUpdatesEnabled: z.boolean(),
  /** Simple schedule; an interval under a day is forced to a day. */
  scanScheduleDays: z.number().int().min(1).max(31),
  reevaluationScheduleDays: z.number().int().min(1).max(31),
  isUserProxyAllowedForScans: z.boolean(),
  isTlsCertificatePinningEnforced: z.boolean(),
  isDeadlineInstallOfOtherDeploymentsEnabled: z.boolean(),
  otherDeploymentsPeriod: OtherDeploymentsPeriod,
  isDeltaContentAllowed: z.boolean(),
  deltaContentPort: z.number().int().min(1).max(65535),
  isNeighborFallbackForDeltaImmediate: z.boolean(),
  isAllDeploymentsWindowAllowedForUpdates: z.boolean(),
  featureUpdateThreadPriority: z.enum(['Not Configured', 'Normal', 'Low']),
  isDynamicUpdateEnabled: z.enum(['Not Configured', 'Yes', 'No']),
  /** State Messaging: State message reporting cycle (minutes). */
  stateMessageReportingCycleMinutes: z.number().int().min(1).max(1440),
  isDeadlineRandomizationDisabled: z.boolean(),
  enforcementGracePeriodHours: z.number().int().min(1).max(120),
  restartAfterDeadlineMinutes: z.number().int().min(1).max(20_160),
  restartFinalCountdownMinutes: z.number().int().min(1).max(1440),
  restartReminderMinutes: z.number().int().min(1).max(1440),
  isRestartDialogInsteadOfToast: z.boolean(),
};
type Fields = typeof clientSettingFields;
export type ClientSettingKey = keyof Fields;
type Values = { [K in ClientSettingKey]: z.output<Fields[K]> };

/** ConfigMgr's documented defaults: what the Default Client Settings hold until changed. */
export const defaultClientSettings: Values = {
  isSoftwareUpdatesEnabled: true,
  scanScheduleDays: 7,
  reevaluationScheduleDays: 7,
  isUserProxyAllowedForScans: false,
  isTlsCertificatePinningEnforced: true,
  isDeadlineInstallOfOtherDeploymentsEnabled: false,
  otherDeploymentsPeriod: { every: 7, unit: 'days' },
  isDeltaContentAllowed: true,
  deltaContentPort: 8005,
  isNeighborFallbackForDeltaImmediate: false,
  isAllDeploymentsWindowAllowedForUpdates: false,
  featureUpdateThreadPriority: 'Not Configured',
  isDynamicUpdateEnabled: 'Not Configured',
  stateMessageReportingCycleMinutes: 15,
  // Yes: current documentation says the post-deadline delay of up to 2 hours is off by default,
  // so deadlines are enforced at the deadline; older sites had No (randomized).
  isDeadlineRandomizationDisabled: true,
  enforcementGracePeriodHours: 120,
  restartAfterDeadlineMinutes: 90,
  restartFinalCountdownMinutes: 15,
  restartReminderMinutes: 240,
  isRestartDialogInsteadOfToast: false,
};

const withDefaults = Object.fromEntries(
  Object.entries(clientSettingFields).map(([key, schema]) => [
    key,
    (schema as z.ZodType).default(defaultClientSettings[key as ClientSettingKey]),
  ]),
) as unknown as { [K in ClientSettingKey]: z.ZodDefault<Fields[K]> };

/** Every setting with its value; a missing one (added by a later version) takes its default. */
export const SoftwareUpdateClientSettings = z.object(withDefaults).strict();
export type SoftwareUpdateClientSettings = z.infer<typeof SoftwareUpdateClientSettings>;

/** The settings one custom client settings object configures; the rest fall through. */
export const ConfiguredClientSettings = z.object(clientSettingFields).partial().strict();
export type ConfiguredClientSettings = z.infer<typeof ConfiguredClientSettings>;

export const clientSettingGroups = [
  'Software Updates',
  'Computer Agent',
  'Computer Restart',
  'State Messaging',
] as const;
export type ClientSettingGroup = (typeof clientSettingGroups)[number];

export interface ClientSettingInfo {
  key: ClientSettingKey;
  group: ClientSettingGroup;
  /** The label of the client settings dialog. */
  label: string;
  /** The CLI flag (without --) that sets it. */
  flag: string;
}

const info = (
  key: ClientSettingKey,
  group: ClientSettingGroup,
  label: string,
  flag: string,
): ClientSettingInfo => ({ key, group, label, flag });

/** The settings in the order of the Properties dialog, with ConfigMgr's labels. */
export const clientSettingInfo: readonly ClientSettingInfo[] = [
  info(
    'isSoftwareUpdatesEnabled',
    'Software Updates',
    'Enable software updates on clients',
    'enable-software-updates',
  ),
  info('scanScheduleDays', 'Software Updates', 'Software update scan schedule (days)', 'scan-days'),
  info(
    'reevaluationScheduleDays',
    'Software Updates',
    'Schedule deployment re-evaluation (days)',
    'reevaluation-days',
  ),
  info(
    'isUserProxyAllowedForScans',
    'Software Updates',
    'Allow user proxy for software update scans',
    'allow-user-proxy',
  ),
  info(
    'isTlsCertificatePinningEnforced',
    'Software Updates',
    'Enforce TLS certificate pinning for Windows Update client for detecting updates',
    'tls-pinning',
  ),
  info(
    'isDeadlineInstallOfOtherDeploymentsEnabled',
    'Software Updates',
    'When any software update deployment deadline is reached, install all other software update deployments with deadline coming within a specified period of time',
    'install-other-deployments',
  ),
  info(
    'otherDeploymentsPeriod',
    'Software Updates',
    'Period of time for which all pending deployments with deadline in this time will also be installed',
    'other-deployments-period',
  ),
  info(
    'isDeltaContentAllowed',
    'Software Updates',
    'Allow clients to download delta content when available',
    'delta-content',
  ),
  info(
    'deltaContentPort',
    'Software Updates',
    'Port that clients use to receive requests for delta content',
    'delta-port',
  ),
  info(
    'isNeighborFallbackForDeltaImmediate',
    'Software Updates',
    'If content is unavailable from distribution points in the current boundary group, immediately fallback to a neighbor or the site default',
    'immediate-fallback',
  ),
  info(
    'isAllDeploymentsWindowAllowedForUpdates',
    'Software Updates',
    'Enable installation of software updates in "All deployments" maintenance window when "Software Update" maintenance window is available',
    'all-deployments-window',
  ),
  info(
    'featureUpdateThreadPriority',
    'Software Updates',
    'Specify thread priority for feature updates',
    'feature-update-priority',
  ),
  info(
    'isDynamicUpdateEnabled',
    'Software Updates',
    'Enable Dynamic Update for feature updates',
    'dynamic-update',
  ),
  info(
    'isDeadlineRandomizationDisabled',
    'Computer Agent',
    'Disable deadline randomization',
    'disable-deadline-randomization',
  ),
  info(
    'enforcementGracePeriodHours',
    'Computer Agent',
    'Grace period for enforcement after deployment deadline (hours)',
    'grace-period-hours',
  ),
  info(
    'restartAfterDeadlineMinutes',
    'Computer Restart',
    'Specify the amount of time after the deadline before a device gets restarted (minutes)',
    'restart-after-minutes',
  ),
  info(
    'restartFinalCountdownMinutes',
    'Computer Restart',
    'Specify the amount of time that a user is presented a final countdown notification before a device gets restarted (minutes)',
    'final-countdown-minutes',
  ),
  info(
    'restartReminderMinutes',
    'Computer Restart',
    'Specify the frequency of reminder notifications (minutes)',
    'reminder-minutes',
  ),
  info(
    'isRestartDialogInsteadOfToast',
    'Computer Restart',
    'When a deployment requires a restart, show a dialog window to the user instead of a toast notification',
    'restart-dialog',
  ),
  info(
    'stateMessageReportingCycleMinutes',
    'State Messaging',
    'State message reporting cycle (minutes)',
    'state-message-minutes',
  ),
];

/** "7 days", "12 hours", "Yes": how lists, the CLI and Resultant Client Settings show a value. */
export function formatSettingValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value && typeof value === 'object' && 'every' in value && 'unit' in value)
    return `${String(value.every)} ${String(value.unit)}`;
  return String(value);
}

/**
 * Sentences for settings that cannot hold together: the final countdown is part of the time
 * before a restart, so it must be shorter (the dialog refuses otherwise).
 */
export function restartConflicts(settings: ConfiguredClientSettings): string[] {
  const { restartAfterDeadlineMinutes: after, restartFinalCountdownMinutes: countdown } = settings;
  if (after !== undefined && countdown !== undefined && countdown >= after)
    return [
      `restartFinalCountdownMinutes: the final countdown (${countdown} minutes) must be shorter than the time after the deadline before a device gets restarted (${after} minutes).`,
    ];
  return [];
}

/**
 * §10.2: all restart intervals must be shorter than the shortest maintenance window, or a
 * restart can fall outside it. A warning, not a refusal: windows change on their own.
 */
export function restartWindowWarnings(
  settings: ConfiguredClientSettings,
  shortestWindow: { name: string; collectionName: string; durationMinutes: number } | null,
): string[] {
  if (!shortestWindow) return [];
  const intervals: Array<[string, number | undefined]> = [
    ['time after the deadline before a restart', settings.restartAfterDeadlineMinutes],
    ['final countdown', settings.restartFinalCountdownMinutes],
    ['reminder frequency', settings.restartReminderMinutes],
  ];
  return intervals
    .filter(([, minutes]) => minutes !== undefined && minutes >= shortestWindow.durationMinutes)
    .map(
      ([what, minutes]) =>
        `The ${what} (${minutes} minutes) is not shorter than the maintenance window "${shortestWindow.name}" of ${shortestWindow.collectionName} (${shortestWindow.durationMinutes} minutes); all restart intervals must be shorter than the shortest maintenance window.`,
    );
}

/** The values a drop-down setting offers, in the dialog's order. */
export const settingChoices: Partial<Record<ClientSettingKey, readonly string[]>> = {
  featureUpdateThreadPriority: clientSettingFields.featureUpdateThreadPriority.options,
  isDynamicUpdateEnabled: clientSettingFields.isDynamicUpdateEnabled.options,
};
