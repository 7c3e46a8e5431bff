import { z } from 'zod';
import { method } from './define';
import { objectName } from './object-name';
import { IsoTime, listPage, listQuery } from './list-query';

/**
 * A software update group holds at most this many updates in a deployment (spec §5.1); a group
 * may grow past it, but the site says so whenever a change leaves it there.
 */
export const maxUpdatesPerDeployment = 1000;

/**
 * The group's first-column icon (spec §3.3): it contains an invalid, expired or superseded update,
 * in that precedence, or only normal ones. The red double arrow is `isContentMissing`, apart.
 */
export const GroupIcon = z.enum(['invalid', 'expired', 'superseded', 'normal']);
export type GroupIcon = z.infer<typeof GroupIcon>;

/** One row of Software Update Groups (spec §5.4), named after SMS_AuthorizationList's properties. */
export const SoftwareUpdateGroup = z.object({
  id: z.number().int(),
  /** CI_UniqueID, "ScopeId_<site code>/AuthList_<GUID>". */
  ciUniqueId: z.string(),
  name: z.string(),
  description: z.string(),
  dateCreated: IsoTime,
  dateModified: IsoTime,
  createdBy: z.string(),
  isDeployed: z.boolean(),
  /** IsProvisioned: every member's content is downloaded; false for an empty group. */
  isDownloaded: z.boolean(),
  containsExpired: z.boolean(),
  containsSuperseded: z.boolean(),
  containsInvalid: z.boolean(),
  numberOfUpdates: z.number().int(),
  numberOfExpired: z.number().int(),
  collectionsDeployed: z.number().int(),
  percentCompliant: z.number().int(),
  icon: GroupIcon,
  /** A member needs content that is in no deployment package (and is not metadata-only). */
  isContentMissing: z.boolean(),
});
export type SoftwareUpdateGroup = z.infer<typeof SoftwareUpdateGroup>;

/** A group as a change or a lookup returns it, with the 1,000-update warning when it applies. */
export const SoftwareUpdateGroupResult = SoftwareUpdateGroup.extend({
  warning: z.string().optional(),
});
export type SoftwareUpdateGroupResult = z.infer<typeof SoftwareUpdateGroupResult>;

export const GroupListQuery = listQuery(
  z
    .object({
      /** The search box: name or description contains the text. */
      text: z.string().trim().max(200).optional(),
      /** Show Software Update Group (a rule's): only these groups. */
      ids: z.array(z.number().int().positive()).max(1000).optional(),
    })
    .strict(),
  ['name', 'dateCreated', 'dateModified', 'numberOfUpdates'] as const,
);
export type GroupListQuery = z.output<typeof GroupListQuery>;

const GroupId = z.number().int().positive();
const CiId = z.number().int().positive();
/** Updates named in one call; a group may exceed a deployment's 1,000, so this stays above it. */
const CiIds = z.array(CiId).max(10_000);

const GroupName = objectName('a software update group', 256);
const GroupDescription = z.string().trim().max(512, 'at most 512 characters');

export const GroupCreate = z
  .object({
    name: GroupName,
    description: GroupDescription.default(''),
    /** The updates selected in All Software Updates; a group may start empty. */
    ciIds: CiIds.default([]),
  })
  .strict();

export const GroupChange = z
  .object({ id: GroupId, name: GroupName.optional(), description: GroupDescription.optional() })
  .strict();

/**
 * Edit Membership in one transaction. Every group in `groupIds` (the checked ones, or the groups
 * a cmdlet names) gains the `add` updates and loses the `remove` ones; `uncheckedGroupIds` are
 * the groups the admin unchecked in the dialog, which lose the `add` selection.
 */
export const GroupMembershipChange = z
  .object({
    groupIds: z.array(GroupId).max(1000).default([]),
    add: CiIds.default([]),
    remove: CiIds.default([]),
    uncheckedGroupIds: z.array(GroupId).max(1000).default([]),
  })
  .strict()
  .refine((change) => change.groupIds.length + change.uncheckedGroupIds.length > 0, {
    message: 'choose at least one software update group',
    path: ['groupIds'],
  });

export const GroupMembershipResult = z.object({
  groups: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      added: z.number().int(),
      removed: z.number().int(),
      numberOfUpdates: z.number().int(),
      warning: z.string().optional(),
    }),
  ),
});

/** The Edit Membership checkbox of one group for the selected updates. */
export const GroupMembershipState = z.enum(['all', 'some', 'none']);
export type GroupMembershipState = z.infer<typeof GroupMembershipState>;

export const updateGroupsMethods = {
  'groups.list': method(
    GroupListQuery,
    listPage(SoftwareUpdateGroup),
    'Software Update Groups, by name unless the grid sorts otherwise.',
  ),
  'groups.get': method(
    z.object({ id: GroupId }).strict(),
    SoftwareUpdateGroupResult,
    'One software update group (Get-CMSoftwareUpdateGroup).',
  ),
  'groups.create': method(
    GroupCreate,
    SoftwareUpdateGroupResult,
    'Create Software Update Group from the selected updates (New-CMSoftwareUpdateGroup).',
  ),
  'groups.update': method(
    GroupChange,
    SoftwareUpdateGroupResult,
    'Group Properties: a new name or description (Set-CMSoftwareUpdateGroup -NewName -Description).',
  ),
  'groups.setMembership': method(
    GroupMembershipChange,
    GroupMembershipResult,
    'Edit Membership: adds and removes updates in several groups at once; feature updates are refused.',
  ),
  'groups.delete': method(
    z.object({ ids: z.array(GroupId).min(1, 'choose at least one group').max(1000) }).strict(),
    z.object({ deleted: z.number().int() }),
    'Deletes groups that have no deployment (Remove-CMSoftwareUpdateGroup).',
  ),
  'groups.memberIds': method(
    z.object({ id: GroupId }).strict(),
    z.array(z.number().int()),
    "Show Members: the CI IDs of the group's updates.",
  ),
  'groups.membershipOf': method(
    z.object({ ciIds: CiIds.min(1, 'select at least one software update') }).strict(),
    z.array(z.object({ groupId: z.number().int(), name: z.string(), state: GroupMembershipState })),
    'Edit Membership: every group, by name, with whether it holds all, some or none of the updates.',
  ),
} as const;
