import { z } from 'zod';
import { CustomSchedule } from '../schedule/schedule';
import { method } from './define';
import { objectName } from './object-name';
import { IsoTime } from './list-query';

/** Client properties a query rule may test (the WQL of ConfigMgr, reduced to what we store). */
export const queryProperties = [
  'name',
  'domain',
  'osName',
  'osBuild',
  'isServer',
  'clientVersion',
  'product',
] as const;
export const QueryProperty = z.enum(queryProperties);

/** A query rule: every condition must hold (AND), as a WQL WHERE clause with ANDs. */
export const CollectionQuery = z
  .object({
    conditions: z
      .array(
        z
          .object({
            property: QueryProperty,
            operator: z.enum(['equals', 'notEquals', 'contains', 'startsWith']),
            value: z.string().max(200),
          })
          .strict(),
      )
      .min(1, 'a query rule needs at least one condition')
      .max(20),
  })
  .strict();
export type CollectionQuery = z.infer<typeof CollectionQuery>;

/**
 * Membership rules of a device collection. Members are the union of direct, query and include
 * rules, minus the members of excluded collections, within the limiting collection.
 */
export const CollectionRuleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('direct'), clientId: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('include'), collectionId: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('exclude'), collectionId: z.number().int().positive() }).strict(),
  z
    .object({
      kind: z.literal('query'),
      name: objectName('a query rule', 256),
      query: CollectionQuery,
    })
    .strict(),
]);
export type CollectionRuleInput = z.infer<typeof CollectionRuleInput>;

export const CollectionRule = z.object({
  id: z.number().int(),
  kind: z.enum(['direct', 'include', 'exclude', 'query']),
  name: z.string(),
  clientId: z.number().int().nullable(),
  collectionId: z.number().int().nullable(),
  query: CollectionQuery.nullable(),
});
export type CollectionRule = z.infer<typeof CollectionRule>;

/** One row of Device Collections. */
export const DeviceCollection = z.object({
  id: z.number().int(),
  /** CollectionID: SMS00001 for All Systems, <site code>000nn for the admin's. */
  collectionId: z.string(),
  name: z.string(),
  comment: z.string(),
  limitingCollectionId: z.string().nullable(),
  isBuiltIn: z.boolean(),
  memberCount: z.number().int(),
  createdAt: IsoTime,
  membersChangedAt: IsoTime,
  /**
   * The full membership update schedule (ConfigMgr's "Schedule a full update on this
   * collection", every 7 days by default); null updates only on demand. New clients are
   * always evaluated incrementally when they register.
   */
  refreshEveryDays: z.number().int().nullable(),
  lastRefreshedAt: IsoTime.nullable(),
});
export type DeviceCollection = z.infer<typeof DeviceCollection>;

/** Apply this schedule to (§10.1): PowerShell's ApplyTo values. */
export const MaintenanceWindowApplyTo = z.enum(['Any', 'SoftwareUpdatesOnly', 'TaskSequencesOnly']);
export type MaintenanceWindowApplyTo = z.infer<typeof MaintenanceWindowApplyTo>;

/** A maintenance window of a collection (New-CMMaintenanceWindow). */
export const MaintenanceWindowInput = z
  .object({
    collectionId: z.number().int().positive(),
    name: objectName('a maintenance window', 256),
    /** The start and recurrence; `schedule.isUtc` is the UTC checkbox. */
    schedule: CustomSchedule,
    durationMinutes: z
      .number()
      .int()
      .min(1, 'a maintenance window lasts at least a minute')
      .max(1439, 'a maintenance window must be shorter than 24 hours'),
    applyTo: MaintenanceWindowApplyTo.default('Any'),
    isEnabled: z.boolean().default(true),
  })
  .strict();
export type MaintenanceWindowInput = z.input<typeof MaintenanceWindowInput>;

export const MaintenanceWindow = z.object({
  id: z.number().int(),
  collectionId: z.number().int(),
  collectionName: z.string(),
  name: z.string(),
  schedule: CustomSchedule,
  durationMinutes: z.number().int(),
  applyTo: MaintenanceWindowApplyTo,
  isEnabled: z.boolean(),
});
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;

/** One effective window of a device: a merged span in which software updates may install. */
export const EffectiveWindow = z.object({ start: IsoTime, end: IsoTime });

const CollectionRef = z.object({ id: z.number().int().positive() }).strict();

export const collectionsMethods = {
  'collections.list': method(
    z.object({}).strict(),
    z.array(DeviceCollection),
    'Device Collections, by name (Get-CMDeviceCollection).',
  ),
  'collections.create': method(
    z
      .object({
        name: objectName('a collection', 256),
        comment: z.string().trim().max(512).default(''),
        /** The limiting collection (its database id); All Systems when absent. */
        limitingCollectionId: z.number().int().positive().optional(),
      })
      .strict(),
    DeviceCollection,
    'Create Device Collection (New-CMDeviceCollection); members follow its rules.',
  ),
  'collections.update': method(
    z
      .object({
        id: z.number().int().positive(),
        name: objectName('a collection', 256).optional(),
        comment: z.string().trim().max(512).optional(),
        limitingCollectionId: z.number().int().positive().optional(),
        refreshEveryDays: z
          .number()
          .int()
          .min(1, 'refreshEveryDays: a full update runs every 1 to 31 days')
          .max(31, 'refreshEveryDays: a full update runs every 1 to 31 days')
          .nullable()
          .optional(),
      })
      .strict(),
    DeviceCollection,
    'Collection Properties > General (Set-CMCollection): name, comment, limiting collection, schedule.',
  ),
  'collections.updateMembership': method(
    CollectionRef,
    z.object({
      collection: DeviceCollection,
      added: z.number().int(),
      removed: z.number().int(),
    }),
    'Update Membership (Invoke-CMCollectionUpdate): a full evaluation of one collection now.',
  ),
  'collections.delete': method(
    z
      .object({ ids: z.array(z.number().int().positive()).min(1, 'choose a collection').max(100) })
      .strict(),
    z.object({ deleted: z.number().int() }),
    'Remove-CMDeviceCollection: never a built-in one, one that limits or is included in another, or one with deployments.',
  ),
  'collections.rules': method(CollectionRef, z.array(CollectionRule), 'Membership rules.'),
  'collections.addRule': method(
    z.object({ id: z.number().int().positive(), rule: CollectionRuleInput }).strict(),
    DeviceCollection,
    'Add a membership rule (Add-CMDeviceCollection*MembershipRule); members are re-evaluated.',
  ),
  'collections.removeRule': method(
    // Rule 0 is a built-in collection's own rule: asking to remove it is refused with a reason.
    z.object({ id: z.number().int().positive(), ruleId: z.number().int().nonnegative() }).strict(),
    DeviceCollection,
    'Remove a membership rule; members are re-evaluated.',
  ),
  'collections.memberIds': method(CollectionRef, z.array(z.number().int()), 'Client ids.'),
  'maintenanceWindows.list': method(
    z.object({ collectionId: z.number().int().positive().optional() }).strict(),
    z.array(MaintenanceWindow),
    'Maintenance windows of one collection, or of all (Get-CMMaintenanceWindow).',
  ),
  'maintenanceWindows.create': method(
    MaintenanceWindowInput,
    MaintenanceWindow,
    'New-CMMaintenanceWindow; All Systems cannot have one (§10.1).',
  ),
  'maintenanceWindows.delete': method(
    z.object({ id: z.number().int().positive() }).strict(),
    z.object({ deleted: z.number().int() }),
    'Remove-CMMaintenanceWindow.',
  ),
  'maintenanceWindows.effective': method(
    z
      .object({
        clientId: z.number().int().positive(),
        from: IsoTime,
        to: IsoTime,
      })
      .strict(),
    z.array(EffectiveWindow),
    "A device's effective software-update windows over a range: merged across its collections.",
  ),
} as const;
