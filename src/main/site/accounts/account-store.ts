import type { Selectable } from 'kysely';
import { SiteError } from '../../../shared/errors';
import { builtInRoleNamed, type BuiltInRoleName } from '../../../shared/security/built-in-roles';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { AccountTable } from '../db/schema-types';
import { hashPassword } from './password-hash';

export interface Account {
  id: number;
  name: string;
  role: BuiltInRoleName;
  source: string;
  createdAt: string;
  modifiedAt: string;
}

/** An account row with its password hash, for the authenticator only. */
export interface StoredAccount extends Account {
  passwordHash: string;
}

const minimumPasswordLength = 12;

/**
 * Administration > Security > Administrative Users: the accounts that may use a served site.
 * Names are unique without regard to case; a password is kept only as its scrypt hash.
 */
export class AccountStore {
  constructor(
    private readonly site: SiteDatabase,
    private readonly clock: Clock,
  ) {}

  /** Whether any account exists: from then on every API call must be signed in. */
  async hasAccounts(): Promise<boolean> {
    // Every request asks, so on the read connection: a sync holding the writer must not stall
    // the console's calls (a Cancel among them) behind it.
    const row = await this.site.read.selectFrom('account').select('id').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async list(): Promise<Account[]> {
    const rows = await this.site.read
      .selectFrom('account')
      .selectAll()
      .orderBy('name_key')
      .execute();
    return rows.map((row) => toStored(row)).map(({ passwordHash: _, ...account }) => account);
  }

  async find(name: string): Promise<StoredAccount | null> {
    const row = await this.site.read
      .selectFrom('account')
      .selectAll()
      .where('name_key', '=', keyOf(name))
      .executeTakeFirst();
    return row ? toStored(row) : null;
  }

  async byId(id: number): Promise<Account | null> {
    const row = await this.site.read
      .selectFrom('account')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const { passwordHash: _, ...account } = toStored(row);
    return account;
  }

  async add(input: { name: string; role: string; password: string }): Promise<Account> {
    const name = checkedName(input.name);
    const role = checkedRole(input.role);
    checkPassword(input.password);
    if (await this.find(name)) {
      throw new SiteError('conflict', `There is already an account named ${name}.`);
    }
    const now = this.clock.now().toISOString();
    const row = await this.site.db
      .insertInto('account')
      .values({
        name,
        name_key: keyOf(name),
        role,
        password_hash: await hashPassword(input.password),
        source: 'local',
        created_at: now,
        modified_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const { passwordHash: _, ...account } = toStored(row);
    return account;
  }

  /** A new role or password; a new password signs the account out everywhere. */
  async set(name: string, change: { role?: string; password?: string }): Promise<Account> {
    const existing = await this.find(name);
    if (!existing) throw noAccount(name);
    const values: Partial<Selectable<AccountTable>> = {
      modified_at: this.clock.now().toISOString(),
    };
    if (change.role !== undefined) values.role = checkedRole(change.role);
    if (change.password !== undefined) {
      checkPassword(change.password);
      values.password_hash = await hashPassword(change.password);
    }
    await this.site.db.transaction().execute(async (trx) => {
      await trx.updateTable('account').set(values).where('id', '=', existing.id).execute();
      if (change.password !== undefined) {
        await trx.deleteFrom('account_session').where('account_id', '=', existing.id).execute();
      }
    });
    return (await this.byId(existing.id))!;
  }

  /** Removes the account and ends its sessions. */
  async remove(name: string): Promise<Account> {
    const existing = await this.find(name);
    if (!existing) throw noAccount(name);
    await this.site.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('account_session').where('account_id', '=', existing.id).execute();
      await trx.deleteFrom('account').where('id', '=', existing.id).execute();
    });
    const { passwordHash: _, ...account } = existing;
    return account;
  }
}

function keyOf(name: string): string {
  return name.trim().toLowerCase();
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!/^[\p{L}\p{N}._@\\ -]{1,64}$/u.test(trimmed)) {
    throw new SiteError(
      'invalid-input',
      `"${name}" is not an account name: use 1 to 64 letters, digits, spaces or . _ @ \\ -.`,
    );
  }
  return trimmed;
}

function checkedRole(role: string): BuiltInRoleName {
  const found = builtInRoleNamed(role);
  if (!found) {
    throw new SiteError(
      'invalid-input',
      `"${role}" is not a security role; choose Full Administrator, Software Update Manager, Read-only Analyst or Security Administrator.`,
    );
  }
  return found;
}

function checkPassword(password: string): void {
  if ([...password].length < minimumPasswordLength) {
    throw new SiteError(
      'invalid-input',
      `The password is too short: use at least ${minimumPasswordLength} characters.`,
    );
  }
}

function noAccount(name: string): SiteError {
  return new SiteError('not-found', `There is no account named ${name}.`);
}

function toStored(row: Selectable<AccountTable>): StoredAccount {
  return {
    id: row.id,
    name: row.name,
    role: builtInRoleNamed(row.role) ?? 'Read-only Analyst',
    source: row.source,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    passwordHash: row.password_hash,
  };
}
