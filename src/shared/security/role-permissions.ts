import type { BuiltInRoleName } from './built-in-roles';
import {
  objectTypes,
  permissionBits,
  type ObjectType,
  type PermissionName,
} from './method-permissions';

/** A role as ConfigMgr stores it: per object type, the OR of the permission bits it grants. */
export type RolePermissions = Readonly<Record<ObjectType, number>>;

function bits(...names: PermissionName[]): number {
  return names.reduce((mask, name) => mask | permissionBits[name], 0);
}

function everyObject(mask: number): Record<ObjectType, number> {
  return Object.fromEntries(objectTypes.map((type) => [type, mask])) as Record<ObjectType, number>;
}

const everything = bits(...(Object.keys(permissionBits) as PermissionName[]));
const viewing = bits('Read', 'Read Resource', 'Run Report');

/**
 * The built-in roles of spec §13.1 as permission sets (§13.2). They cannot be edited; a custom
 * role starts as a copy of one of these.
 */
export const builtInRolePermissions: Readonly<Record<BuiltInRoleName, RolePermissions>> = {
  'Full Administrator': everyObject(everything),
  // View everything, change nothing: reports run, but no report schedule is made.
  'Read-only Analyst': everyObject(viewing),
  // Define and deploy software updates; collections it may create and deploy to, but the site's
  // own configuration (SUP, sync, backups) stays with a Full Administrator.
  'Software Update Manager': {
    ...everyObject(viewing),
    'Software Updates': bits('Read', 'Modify'),
    'Software Update Group': bits('Read', 'Modify', 'Delete', 'Create', 'Set Security Scope'),
    'Software Update Package': bits(
      'Read',
      'Modify',
      'Delete',
      'Create',
      'Copy to Distribution Point',
      'Set Security Scope',
    ),
    Deployment: bits('Read', 'Modify', 'Delete', 'Create'),
    'Deployment Template': bits('Read', 'Modify', 'Delete', 'Create', 'Set Security Scope'),
    'Automatic Deployment Rule': bits('Read', 'Modify', 'Delete', 'Create', 'Set Security Scope'),
    Collection: bits('Read', 'Read Resource', 'Create', 'Modify', 'Deploy Software Updates'),
    Report: bits('Read', 'Run Report', 'Modify Report'),
  },
  // Manages who may do what (accounts, scopes) but changes no software update object itself.
  'Security Administrator': everyObject(
    bits('Read', 'Read Resource', 'Run Report', 'Set Security Scope'),
  ),
};

export function roleGrants(
  role: BuiltInRoleName,
  object: ObjectType,
  permission: PermissionName,
): boolean {
  return (builtInRolePermissions[role][object] & permissionBits[permission]) !== 0;
}
