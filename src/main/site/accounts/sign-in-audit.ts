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
