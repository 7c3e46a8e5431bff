import type { SiteDatabase } from '../db/open-database';

const flagColumns = { expired: 'u.is_expired', superseded: 'u.is_superseded' } as const;

/**
 * Set-CMSoftwareUpdateGroup -ClearExpiredSoftwareUpdate / -ClearSupersededSoftwareUpdate: the
 * members to remove. Read from the tables, not through `updates.list`, because that list leaves
 * out Office 365 Client updates while a group may hold them.
 */
export async function membersFlagged(
  site: SiteDatabase,
  groupId: number,
  flag: keyof typeof flagColumns,
): Promise<number[]> {
  const rows = await site.read
    .selectFrom('software_update_group_member as m')
    .innerJoin('software_update as u', 'u.ci_id', 'm.ci_id')
    .select('m.ci_id')
    .where('m.group_id', '=', groupId)
    .where(flagColumns[flag], '=', 1)
    .orderBy('m.ci_id')
    .execute();
  return rows.map((row) => row.ci_id);
}
