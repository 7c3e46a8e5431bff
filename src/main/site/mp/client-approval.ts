import type { ClientApproval } from '../../../shared/contract/clients';
import { SiteError } from '../../../shared/errors';
import type { SiteDatabase } from '../db/open-database';

/** What an administrator can do to a client, and the approval it leaves the client with. */
export const approvalActions = {
  approve: 'approved',
  block: 'blocked',
  // Unblocked, a client is back where an untrusted one starts: waiting for approval.
  unblock: 'pending',
} as const;

export type ApprovalAction = keyof typeof approvalActions;

/**
 * Approves, blocks or unblocks a client by its name (the Devices node's Name, upper case as
 * registered), as ConfigMgr's Approve and Block on a device. Unblocking a client that is not
 * blocked is refused rather than silently approving or un-approving it.
 */
export async function changeClientApproval(
  site: SiteDatabase,
  name: string,
  action: ApprovalAction,
): Promise<{ name: string; approval: ClientApproval }> {
  const key = name.trim().toUpperCase();
  const rows = await site.db
    .selectFrom('client')
    .select(['id', 'approval'])
    .where('name', '=', key)
    .execute();
  const [row] = rows;
  if (!row) throw new SiteError('not-found', `No client is named ${key}.`);
  if (rows.length > 1)
    throw new SiteError('invalid-input', `${rows.length} clients are named ${key}; name one.`);
  if (action === 'unblock' && row.approval !== 'blocked')
    throw new SiteError('invalid-input', `Client ${key} is not blocked.`);
  const approval = approvalActions[action];
  await site.db.updateTable('client').set({ approval }).where('id', '=', row.id).execute();
  return { name: key, approval };
}
