import { z } from 'zod';
import { SoftwareUpdateClientSettings } from '../compliance/client-settings';
import { CustomSchedule } from '../schedule/schedule';
import {
  DeploymentPurpose,
  DownloadSettingsPage,
  StateMessageVerbosity,
  TimeBasedOn,
  UserExperiencePage,
} from './deployments';
import { IsoTime } from './list-query';

/**
 * The client protocol: what an agent (a real one or `patchbay fleet`) and the management point
 * say to each other over HTTP. The management point parses with these schemas and the fleet
 * builds and parses with them, so neither imports the other.
 */

/** Headers a client signs its requests with: its SMS GUID and the key issued at registration. */
export const clientIdHeader = 'x-patchbay-client';
export const clientKeyHeader = 'x-patchbay-client-key';

/** The management point's endpoints, under the site server's address. */
export const managementPointPaths = {
  register: '/mp/register',
  policy: '/mp/policy',
  stateMessages: '/mp/state-messages',
} as const;

/**
 * Where a distribution point serves a file of its content library by hash: the site's own
 * library at /dp/content/<sha256>, another library on this machine at /dp/<id>/content/<sha256>.
 */
export function distributionPointContentPath(sha256: string, libraryId?: number): string {
  return libraryId === undefined ? `/dp/content/${sha256}` : `/dp/${libraryId}/content/${sha256}`;
}

// ---------------------------------------------------------------- registration

/**
 * What a client sends when it registers with the management point (ConfigMgr's client
 * registration request): its identity and inventory, which query rules of collections read.
 */
export const ClientRegistration = z
  .object({
    /** The SMS unique identifier ("GUID:…"); the site assigns one when absent. */
    smsGuid: z
      .string()
      .regex(/^GUID:[0-9A-Fa-f-]{36}$/, 'expected GUID:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx')
      .optional(),
    /**
     * The device's hardware identity (ConfigMgr's Hardware ID, "2:" and a digest of SMBIOS
     * identifiers): a device registering again without its SMS GUID is recognised by it and keeps
     * its record. Absent for agents that do not send it.
     */
    hardwareId: z
      .string()
      .regex(/^[0-9A-Za-z:._-]{8,100}$/, 'hardwareId: 8 to 100 letters, digits or : . _ -')
      .optional(),
    name: z.string().trim().min(1, 'a client needs a computer name').max(64),
    domain: z.string().trim().max(255).default(''),
    osName: z.string().trim().min(1, 'the operating system name is required').max(200),
    osBuild: z.string().trim().max(50).default(''),
    isServer: z.boolean().default(false),
    /** Product names of the catalog installed on the device (e.g. "Windows 11"). */
    products: z.array(z.string().max(200)).max(200).default([]),
    clientVersion: z.string().trim().max(50).default(''),
    /**
     * The device's current UTC offset in minutes (UTC+01:00 is 60), so deadlines in Client local
     * time can be shown per device; absent for agents that do not send it.
     */
    timeZoneOffsetMinutes: z
      .number()
      .int()
      .min(-720, 'timeZoneOffsetMinutes: from -720 (UTC-12:00)')
      .max(840, 'timeZoneOffsetMinutes: to 840 (UTC+14:00)')
      .optional(),
  })
  .strict();
export type ClientRegistration = z.input<typeof ClientRegistration>;

/**
 * The answer to a registration. `clientKey` is shown once: the site keeps only its hash, and the
 * client signs every later request with it.
 */
export const ClientRegistrationResult = z.object({
  clientId: z.number().int(),
  smsGuid: z.string(),
  clientKey: z.string(),
  siteCode: z.string(),
});
export type ClientRegistrationResult = z.infer<typeof ClientRegistrationResult>;

// ---------------------------------------------------------------- policy

/** One content file of a deployed update and the distribution points that hold it. */
export const PolicyContentFile = z.object({
  fileName: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  /**
   * Addresses to download it from, best first: paths (resolved against the management point's
   * address) or absolute URLs of remote distribution points. Empty when no distribution point
   * holds the package: the client fails to download and retries.
   */
  locations: z.array(z.string()),
});
export type PolicyContentFile = z.infer<typeof PolicyContentFile>;

export const PolicyUpdate = z.object({
  updateId: z.string(),
  /** Minutes the install may take; it starts only if that fits the maintenance window. */
  maxRunTimeMinutes: z.number().int().nonnegative(),
  /** "Never restarts", "Always requires restart", "Can request restart"… as the catalog says. */
  restartBehavior: z.string(),
  files: z.array(PolicyContentFile),
});
export type PolicyUpdate = z.infer<typeof PolicyUpdate>;

/**
 * One deployment (a CCM_UpdateCIAssignment) as the client evaluates it. Times are the stored
 * wall clock ("2026-12-08T02:00:00"): with `LocalTime` each client reads them on its own clock.
 */
export const PolicyDeployment = z.object({
  assignmentUniqueId: z.string(),
  name: z.string(),
  purpose: DeploymentPurpose,
  updates: z.array(PolicyUpdate),
  availableTime: z.string(),
  deadlineTime: z.string().nullable(),
  timeBasedOn: TimeBasedOn,
  verbosity: StateMessageVerbosity,
  isSoftDeadline: z.boolean(),
  userExperience: UserExperiencePage,
  downloadSettings: DownloadSettingsPage,
});
export type PolicyDeployment = z.infer<typeof PolicyDeployment>;

/** A maintenance window of a collection the client is in; the client merges them itself. */
export const PolicyMaintenanceWindow = z.object({
  name: z.string(),
  schedule: CustomSchedule,
  durationMinutes: z.number().int().positive(),
  applyTo: z.enum(['Any', 'SoftwareUpdatesOnly', 'TaskSequencesOnly']),
  isEnabled: z.boolean(),
});
export type PolicyMaintenanceWindow = z.infer<typeof PolicyMaintenanceWindow>;

/**
 * What a client receives at each policy poll: its effective client settings, the maintenance
 * windows of its collections and every enabled deployment to a collection it is in. A deployment
 * that is disabled or deleted is simply absent, and the client drops it.
 */
export const ClientPolicy = z.object({
  siteCode: z.string(),
  serverTime: IsoTime,
  clientSettings: SoftwareUpdateClientSettings,
  maintenanceWindows: z.array(PolicyMaintenanceWindow),
  deployments: z.array(PolicyDeployment),
});
export type ClientPolicy = z.infer<typeof ClientPolicy>;

// ---------------------------------------------------------------- state messages

/** Message times are compared with the held ones, so they are normalized to UTC ISO text. */
const MessageTime = IsoTime.transform((value) => new Date(value).toISOString());

const UpdateGuid = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'expected an update GUID');

/** An HRESULT as a number or "0x…", kept as the signed 32-bit value Windows logs. */
const HResult = z
  .union([z.number().int(), z.string().regex(/^0x[0-9a-fA-F]{1,8}$/)])
  .default(0)
  // 0x80244022 is stored as -2145107934.
  .transform((value) => (typeof value === 'string' ? Number.parseInt(value, 16) : value) | 0);

/**
 * One state message. Detection (500) and scan (501) states feed compliance; enforcement states
 * (300 compliance, 301 enforcement, 302 evaluation) carry the deployment's AssignmentUniqueID as
 * `topicId`.
 */
export const StateMessage = z.discriminatedUnion('topicType', [
  z
    .object({
      topicType: z.literal(500),
      updateId: UpdateGuid,
      stateId: z.number().int().min(0).max(3),
      time: MessageTime,
    })
    .strict(),
  z
    .object({
      topicType: z.literal(501),
      stateId: z.number().int().min(0).max(6),
      /** HRESULT of a failed scan, e.g. 0x80244022. */
      errorCode: HResult,
      time: MessageTime,
    })
    .strict(),
  z
    .object({
      topicType: z.union([z.literal(300), z.literal(301), z.literal(302)]),
      topicId: z.string().min(1).max(200),
      stateId: z.number().int().min(0).max(100),
      errorCode: HResult,
      time: MessageTime,
    })
    .strict(),
]);
export type StateMessage = z.input<typeof StateMessage>;

/**
 * What a client posts every state message reporting cycle. The batch id makes a retry
 * harmless: a batch is applied once, whole, or refused whole.
 */
export const StateMessageBatch = z
  .object({
    batchId: z.string().min(8, 'batchId: at least 8 characters').max(100),
    messages: z.array(StateMessage).min(1, 'a batch holds at least one message').max(20_000),
  })
  .strict();
export type StateMessageBatch = z.input<typeof StateMessageBatch>;

export const StateMessageBatchResult = z.object({
  batchId: z.string(),
  /** False when the batch id was already applied: nothing was counted twice. */
  isNew: z.boolean(),
  messageCount: z.number().int(),
});
export type StateMessageBatchResult = z.infer<typeof StateMessageBatchResult>;
