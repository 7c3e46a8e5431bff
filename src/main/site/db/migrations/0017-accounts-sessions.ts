import { id, index, int, table, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * Administrative users and their sign-in sessions (issue 18): once an account exists, every
 * call to a served site names one. Passwords are kept only as scrypt hashes; sessions only as
 * the SHA-256 of their token, so a copy of the database signs nobody in.
 */
export const migration: Migration = {
  id: '0017-accounts-sessions',
  statements: [
    table('account', [
      id(),
      // Unique without regard to case, as Windows account names are.
      text('name', 'NOT NULL'),
      text('name_key', 'NOT NULL UNIQUE'),
      // One of the built-in security roles (§13.1); enforced by a later migration's handlers.
      text('role', 'NOT NULL'),
      // "scrypt$N$r$p$salt$hash" for local accounts; a directory authenticator leaves it empty.
      text('password_hash', "NOT NULL DEFAULT ''"),
      // Which authenticator vouches for this account: "local" now, "ldap"/"oidc" later.
      text('source', "NOT NULL DEFAULT 'local'"),
      time('created_at', 'NOT NULL'),
      time('modified_at', 'NOT NULL'),
    ]),
    table('account_session', [
      id(),
      text('token_hash', 'NOT NULL UNIQUE'),
      int('account_id', 'NOT NULL REFERENCES account(id) ON DELETE CASCADE'),
      // "cookie" for the browser console, "bearer" for the CLI and other consoles.
      text('kind', 'NOT NULL'),
      text('address', "NOT NULL DEFAULT ''"),
      time('created_at', 'NOT NULL'),
      time('expires_at', 'NOT NULL'),
    ]),
    index('account_session_by_account', 'account_session', 'account_id'),
  ],
};
