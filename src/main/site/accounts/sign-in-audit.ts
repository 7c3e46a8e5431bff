import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { writeAudit } from '../audit/audit-entry';
import type { StatusMessages } from '../status/status-messages';

/**
 * ConfigMgr audits console changes as SMS Provider messages (30000–30999) but has no message for
 * a console sign-in; these three are Patchbay's, kept in that range so a Status Message Query
 * on the audit ids finds them next to 30196–30198.
 */
export const signInAuditIds = { signedIn: 30900, failed: 30901, signedOut: 30902 } as const;

/** Account changes (Administrative Users), in the same range of Patchbay's own ids. */
export const accountAuditIds = { added: 30903, modified: 30904, removed: 30905 } as const;

export interface AccountAuditEntry {
  change: keyof typeof accountAuditIds;
  /** Who made the change: the signed-in account, or the OS user of the CLI. */
  user: string;
  account: { id: number; name: string; role: string };
  /** What changed, e.g. { role: 'Read-only Analyst' } or { password: 'changed' }; never a secret. */
  details: Record<string, string>;
}

/** The audit row and status message of an account added, changed (role, password) or removed. */
export async function auditAccountChange(
  site: { database: SiteDatabase; statusMessages: StatusMessages; clock: Clock },
  entry: AccountAuditEntry,
): Promise<void> {
  const verb = { added: 'Create', modified: 'Modify', removed: 'Delete' }[entry.change];
  await writeAudit(site.database.db, {
    time: site.clock.now().toISOString(),
    user: entry.user,
    action: `${verb} administrative user`,
    objectType: 'SMS_Admin',
    object: { id: entry.account.id, name: entry.account.name },
    details: entry.details,
  });
  const what = Object.entries(entry.details)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  await site.statusMessages.raise({
    component: 'SMS_PROVIDER',
    messageId: accountAuditIds[entry.change],
    severity: 'Informational',
    message: `User "${entry.user}" ${entry.change} the administrative user "${entry.account.name}"${what ? ` (${what})` : ''}.`,
    insertionStrings: [entry.user, entry.account.name, what],
  });
}

export type SignInOutcome = keyof typeof signInAuditIds;

export interface SignInAuditEntry {
  outcome: SignInOutcome;
  /** The name as typed; for a failure it may be no account at all. */
  account: string;
  accountId: number | null;
  address: string;
  /** "browser" or "token": which kind of session was asked for. */
  via: string;
}

function sentence(entry: SignInAuditEntry): string {
  const where = entry.address ? ` from ${entry.address}` : '';
  switch (entry.outcome) {
    case 'signedIn':
      return `User "${entry.account}" signed in to the site${where} (${entry.via}).`;
    case 'failed':
      return `A sign-in as "${entry.account}"${where} failed: wrong name or password, or too many attempts.`;
    case 'signedOut':
      return `User "${entry.account}" signed out${where}.`;
  }
}

/** The audit row and the SMS_PROVIDER status message of a sign-in, failed sign-in or sign-out. */
export async function auditSignIn(
  site: { database: SiteDatabase; statusMessages: StatusMessages; clock: Clock },
  entry: SignInAuditEntry,
): Promise<void> {
  await writeAudit(site.database.db, {
    time: site.clock.now().toISOString(),
    user: entry.account,
    action: { signedIn: 'Sign in', failed: 'Failed sign-in', signedOut: 'Sign out' }[entry.outcome],
    objectType: 'SMS_Admin',
    object: { id: entry.accountId ?? 0, name: entry.account },
    details: { address: entry.address, via: entry.via },
  });
  await site.statusMessages.raise({
    component: 'SMS_PROVIDER',
    messageId: signInAuditIds[entry.outcome],
    severity: entry.outcome === 'failed' ? 'Warning' : 'Informational',
    message: sentence(entry),
    insertionStrings: [entry.account, entry.address, entry.via],
  });
}
