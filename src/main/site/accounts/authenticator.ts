import type { Account, AccountStore } from './account-store';
import { decoyPasswordHash, verifyPassword } from './password-hash';

/**
 * Who vouches for a name and password. The site's own accounts now; a directory (LDAP/AD bind,
 * or an OIDC provider's token) implements the same interface later and maps its groups to a
 * role, so the sign-in route, sessions, throttle and audit stay as they are.
 */
export interface Authenticator {
  readonly name: string;
  /** The account when the password is right; null otherwise, without saying which part was wrong. */
  authenticate(name: string, password: string): Promise<Account | null>;
}

/** Accounts added with `patchbay admin add`, checked against their scrypt hash. */
export class LocalPasswordAuthenticator implements Authenticator {
  readonly name = 'local';

  constructor(private readonly accounts: AccountStore) {}

  async authenticate(name: string, password: string): Promise<Account | null> {
    const stored = await this.accounts.find(name);
    if (!stored || stored.source !== 'local') {
      // The same work as a real check, so timing does not tell which names exist.
      await verifyPassword(password, await decoyPasswordHash());
      return null;
    }
    if (!(await verifyPassword(password, stored.passwordHash))) return null;
    const { passwordHash: _, ...account } = stored;
    return account;
  }
}
