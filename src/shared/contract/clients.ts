import { z } from 'zod';
import { method } from './define';
import { IsoTime, listPage, listQuery } from './list-query';

// The registration is part of the client protocol; re-exported for existing imports.
export { ClientRegistration, ClientRegistrationResult } from './client-protocol';

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
  /** The UTC offset the client reported at registration (minutes); null when it sent none. */
  timeZoneOffsetMinutes: z.number().int().nullable(),
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

/** A client's approval (ConfigMgr's Approved column): only an approved client's batches count. */
export const ClientApproval = z.enum(['approved', 'pending', 'blocked']);
export type ClientApproval = z.infer<typeof ClientApproval>;

const ClientByName = z.object({ name: z.string().trim().min(1).max(100) }).strict();
const ClientApprovalResult = z.object({ name: z.string(), approval: ClientApproval });

export const clientsMethods = {
  'clients.approve': method(
    ClientByName,
    ClientApprovalResult,
    'Approves a client registered from outside the trusted networks, so its state messages count.',
  ),
  'clients.block': method(
    ClientByName,
    ClientApprovalResult,
    'Blocks a client: its requests are refused, even when it registers again.',
  ),
  'clients.unblock': method(
    ClientByName,
    ClientApprovalResult,
    'Unblocks a client; it then waits for approval like a newly registered untrusted client.',
  ),
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
