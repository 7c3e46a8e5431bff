import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { Account, AccountStore } from './account-store';

export type SessionKind = 'cookie' | 'bearer';

/**
 * How long a sign-in lasts: a working day for the browser console, 30 days for a CLI token the
 * admin stored with `patchbay login` (signing in again, or a new password, replaces it).
 */
const lifetimeMs: Record<SessionKind, number> = {
  cookie: 12 * 60 * 60 * 1000,
  bearer: 30 * 24 * 60 * 60 * 1000,
};

/** The session tokens of signed-in accounts; only their SHA-256 is stored. */
export class SessionStore {
  constructor(
    private readonly site: SiteDatabase,
    private readonly accounts: AccountStore,
    private readonly clock: Clock,
  ) {}

  /** A new token for the account; the caller hands it out once (cookie or bearer). */
  async open(
    account: Account,
    kind: SessionKind,
    address: string,
  ): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + lifetimeMs[kind]).toISOString();
    await this.site.db
      .insertInto('account_session')
      .values({
        token_hash: hashOf(token),
        account_id: account.id,
        kind,
        address,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    return { token, expiresAt };
  }

  /** The account a token signs in, or null when it is unknown, expired or its account is gone. */
  async accountFor(token: string): Promise<Account | null> {
    // Read on every call: the read connection, never queued behind a long job's writes.
    const row = await this.site.read
      .selectFrom('account_session')
      .select(['account_id', 'expires_at'])
      .where('token_hash', '=', hashOf(token))
      .executeTakeFirst();
    if (!row || row.expires_at <= this.clock.now().toISOString()) return null;
    return this.accounts.byId(row.account_id);
  }

  /** Sign out: the token stops working at once, on every server of a shared site. */
  async close(token: string): Promise<void> {
    await this.site.db
      .deleteFrom('account_session')
      .where('token_hash', '=', hashOf(token))
      .execute();
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
