import { randomUUID } from 'node:crypto';

/**
 * CI_UniqueID of a new group, shaped like ConfigMgr's "ScopeId_<scope>/AuthList_<GUID>". The
 * scope is the site code that created the group, so ids stay unique when a child site's groups
 * are compared with its parent's.
 */
export function newGroupUniqueId(siteCode: string): string {
  return `ScopeId_${siteCode}/AuthList_${randomUUID().toUpperCase()}`;
}
