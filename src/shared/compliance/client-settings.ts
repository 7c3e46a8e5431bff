import { z } from 'zod';

/**
 * Client settings of the Software Updates group and the related settings clients need (spec
 * §10.2), each defaulting to ConfigMgr's documented default. The Default Client Settings hold
 * exactly these values until an admin changes them.
 */
export const SoftwareUpdateClientSettings = z
  .object({
    isSoftwareUpdatesEnabled: z.boolean().default(true),
    /** Simple schedule; an interval under a day is forced to a day. */
    scanScheduleDays: z.number().int().min(1).max(31).default(7),
    reevaluationScheduleDays: z.number().int().min(1).max(31).default(7),
    isUserProxyAllowedForScans: z.boolean().default(false),
    isTlsCertificatePinningEnforced: z.boolean().default(true),
    isDeadlineInstallOfOtherDeploymentsEnabled: z.boolean().default(false),
    otherDeploymentsPeriod: z
      .object({ every: z.number().int().min(1).max(365), unit: z.enum(['hours', 'days']) })
      .refine((period) => period.unit === 'days' || period.every <= 23, {
        message: 'the period is 1–23 hours or 1–365 days',
      })
      .default({ every: 7, unit: 'days' }),
    isDeltaContentAllowed: z.boolean().default(true),
    deltaContentPort: z.number().int().min(1).max(65535).default(8005),
    isNeighborFallbackForDeltaImmediate: z.boolean().default(false),
    isAllDeploymentsWindowAllowedForUpdates: z.boolean().default(false),
    featureUpdateThreadPriority: z
      .enum(['Not Configured', 'Normal', 'Low'])
      .default('Not Configured'),
    isDynamicUpdateEnabled: z.enum(['Not Configured', 'Yes', 'No']).default('Not Configured'),
    /** State Messaging: State message reporting cycle (minutes). */
    stateMessageReportingCycleMinutes: z.number().int().min(1).max(1440).default(15),
    isDeadlineRandomizationDisabled: z.boolean().default(true),
    enforcementGracePeriodHours: z.number().int().min(1).max(120).default(120),
    restartAfterDeadlineMinutes: z.number().int().min(1).max(20_160).default(90),
    restartFinalCountdownMinutes: z.number().int().min(1).max(1440).default(15),
    restartReminderMinutes: z.number().int().min(1).max(1440).default(240),
    isRestartDialogInsteadOfToast: z.boolean().default(false),
  })
  .strict();
export type SoftwareUpdateClientSettings = z.infer<typeof SoftwareUpdateClientSettings>;

export const defaultClientSettings: SoftwareUpdateClientSettings =
  SoftwareUpdateClientSettings.parse({});
