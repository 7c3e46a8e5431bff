/**
 * ConfigMgr's built-in security roles (spec §13.1) that an administrative user can hold. Each
 * account stores one of these names now; enforcing what each role may do comes with issue 18
 * item 3, which reads this same list.
 */
export const builtInRoleNames = [
  'Full Administrator',
  'Software Update Manager',
  'Read-only Analyst',
  'Security Administrator',
] as const;

export type BuiltInRoleName = (typeof builtInRoleNames)[number];

/** The role as the admin typed it, matched without regard to case; null when it is none of them. */
export function builtInRoleNamed(name: string): BuiltInRoleName | null {
  const wanted = name.trim().toLowerCase();
  return builtInRoleNames.find((role) => role.toLowerCase() === wanted) ?? null;
}
