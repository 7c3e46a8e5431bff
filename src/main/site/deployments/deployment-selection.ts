import type { Kysely } from 'kysely';
import type { DeploymentSelection, FieldProblem } from '../../../shared/contract/deployments';
import { maxUpdatesPerDeployment } from '../../../shared/contract/update-groups';
import type { SiteSchema } from '../db/schema-types';
import { batches } from '../groups/member-rows';
import { fieldError } from './field-error';

/** What a deployment deploys, read once for the wizard's preview and for the create request. */
export interface ResolvedSelection {
  groupId: number | null;
  /** 5 SMS_UpdateGroupAssignment, 1 SMS_UpdatesAssignment. */
  assignmentType: 1 | 5;
  ciIds: number[];
  /** The General page's "Software Update/Software Update Group". */
  softwareName: string;
  expired: Array<{ ciId: number; title: string }>;
  /** Updates with files to download that no deployment package holds. */
  notDownloaded: number;
}

const count = (value: number) => value.toLocaleString('en-US');

/** The Software column for selected updates: the title of one, "N software updates" for more. */
export function softwareNameOf(numberOfUpdates: number, firstTitle: string): string {
  return numberOfUpdates === 1 ? firstTitle : `${count(numberOfUpdates)} software updates`;
}

/** Reads the group's members or the selected updates; a missing group or update says which. */
export async function resolveSelection(
  db: Kysely<SiteSchema>,
  selection: DeploymentSelection,
): Promise<ResolvedSelection> {
  let ciIds: number[];
  let groupName: string | null = null;
  if ('groupId' in selection) {
    const group = await db
      .selectFrom('software_update_group')
      .select('name')
      .where('id', '=', selection.groupId)
      .executeTakeFirst();
    if (!group)
      throw fieldError('not-found', [
        {
          path: ['selection', 'groupId'],
          message: `software update group ${selection.groupId} does not exist`,
        },
      ]);
    groupName = group.name;
    const members = await db
      .selectFrom('software_update_group_member')
      .select('ci_id')
      .where('group_id', '=', selection.groupId)
      .orderBy('ci_id')
      .execute();
    ciIds = members.map((row) => row.ci_id);
  } else ciIds = [...new Set(selection.ciIds)];
  const rows: Array<{
    ci_id: number;
    title: string;
    is_expired: number;
    is_metadata_only: number;
    is_content_provisioned: number;
  }> = [];
  for (const batch of batches(ciIds))
    rows.push(
      ...(await db
        .selectFrom('software_update')
        .select(['ci_id', 'title', 'is_expired', 'is_metadata_only', 'is_content_provisioned'])
        .where('ci_id', 'in', batch)
        .execute()),
    );
  if (groupName === null) {
    const missing = ciIds.find((id) => !rows.some((row) => row.ci_id === id));
    if (missing !== undefined)
      throw fieldError('not-found', [
        { path: ['selection', 'ciIds'], message: `software update ${missing} does not exist` },
      ]);
  }
  rows.sort((a, b) => a.ci_id - b.ci_id);
  return {
    groupId: 'groupId' in selection ? selection.groupId : null,
    assignmentType: groupName === null ? 1 : 5,
    ciIds: rows.map((row) => row.ci_id),
    softwareName: groupName ?? softwareNameOf(rows.length, rows[0]?.title ?? ''),
    expired: rows
      .filter((row) => row.is_expired === 1)
      .map((row) => ({ ciId: row.ci_id, title: row.title })),
    notDownloaded: rows.filter(
      (row) => row.is_metadata_only === 0 && row.is_content_provisioned === 0,
    ).length,
  };
}

/** Why a selection cannot be deployed at all (§7: expired, over 1,000, empty), or null. */
export function selectionProblem(resolved: ResolvedSelection): FieldProblem | null {
  const path = ['selection', resolved.groupId === null ? 'ciIds' : 'groupId'];
  const what =
    resolved.groupId === null
      ? 'the selection'
      : `the software update group "${resolved.softwareName}"`;
  if (resolved.ciIds.length === 0)
    return { path, message: `${what} has no software updates to deploy` };
  if (resolved.ciIds.length > maxUpdatesPerDeployment)
    return {
      path,
      message: `${what} has ${count(resolved.ciIds.length)} software updates; a deployment can hold at most ${count(maxUpdatesPerDeployment)}`,
    };
  const [first] = resolved.expired;
  if (first)
    return {
      path,
      message:
        resolved.expired.length === 1
          ? `"${first.title}" is expired; expired software updates cannot be deployed`
          : `${what} holds ${count(resolved.expired.length)} expired software updates (the first: "${first.title}"); expired software updates cannot be deployed`,
    };
  return null;
}
