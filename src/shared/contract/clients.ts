import { z } from 'zod';
import { method } from './define';
import { IsoTime, listPage, listQuery } from './list-query';

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
    name: z.string().trim().min(1, 'a client needs a computer name').max(64),
    domain: z.string().trim().max(255).default(''),
    osName: z.string().trim().min(1, 'the operating system name is required').max(200),
    osBuild: z.string().trim().max(50).default(''),
    isServer: z.boolean().default(false),
    /** Product names of the catalog installed on the device (e.g. "Windows 11"). */
    products: z.array(z.string().max(200)).max(200).default([]),
    clientVersion: z.string().trim().max(50).default(''),
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

/** One row of Assets and Compliance > Devices. */
export const Device = z.object({
  id: z.number().int(),
  smsGuid: z.string(),
  name: z.string(),
  domain: z.string(),
  osName: z.string(),
  osBuild: z.string(),
  isServer: z.boolean(),
  products: z.array(z.string()),
  siteCode: z.string().nullable(),
  clientVersion: z.string(),
  registeredAt: IsoTime,
  lastPolicyRequestAt: IsoTime.nullable(),
  lastScanAt: IsoTime.nullable(),
  /** TopicType 501 state of the last scan: 0 unknown … 3 completed, 5 failed, 6 with errors. */
  lastScanState: z.number().int(),
  lastScanErrorCode: z.number().int(),
  lastStateMessageAt: IsoTime.nullable(),
});
export type Device = z.infer<typeof Device>;

export const DeviceListQuery = listQuery(
  z
    .object({
      text: z.string().trim().max(200).optional(),
      /** Members of one collection (its database id). */
      collectionId: z.number().int().positive().optional(),
    })
    .strict(),
  ['name', 'osName'] as const,
);

export const clientsMethods = {
  'devices.list': method(
    DeviceListQuery,
    listPage(Device),
    'Devices, or the members of a device collection, by name unless the grid sorts otherwise.',
  ),
  'devices.get': method(
    z.object({ id: z.number().int().positive() }).strict(),
    Device,
    'One device (Get-CMDevice).',
  ),
} as const;
