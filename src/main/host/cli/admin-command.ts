import type { Command } from 'commander';
import { SiteError } from '../../../shared/errors';
import { builtInRoleNames } from '../../../shared/security/built-in-roles';
import { AccountCollections } from '../../site/accounts/account-collections';
import { AccountStore, type Account } from '../../site/accounts/account-store';
import { auditAccountChange } from '../../site/accounts/sign-in-audit';
import { formatOf, withSite } from './command-helpers';
import { printRows, type Column } from './output';
import { withSiteOptions, type SiteCommandOptions } from './site-options';

const accountColumns: Column<Account>[] = [
  { header: 'Name', value: (a) => a.name },
  { header: 'Security Role', value: (a) => a.role },
  { header: 'Source', value: (a) => a.source },
  { header: 'Created', value: (a) => a.createdAt },
  { header: 'Modified', value: (a) => a.modifiedAt },
];

const roleHelp = `one of: ${builtInRoleNames.map((role) => `"${role}"`).join(', ')}`;

/**
 * The password from standard input, never from the command line (where `ps` and the shell's
 * history would keep it). One trailing newline, as `echo` or a pipe adds, is not part of it.
 */
export async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new SiteError(
      'invalid-input',
      '--password-stdin reads the password from a pipe, e.g. `printf %s "$PASSWORD" | patchbay …`.',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `admin set <name> --collection …`: what the account may deploy to, audited as a change. */
async function setCollections(
  name: string,
  collectionNames: string[],
  options: SiteCommandOptions,
): Promise<void> {
  await withSite(options, async (site) => {
    const account = await new AccountStore(site.database, site.clock).find(name);
    if (!account) throw new SiteError('not-found', `There is no account named ${name}.`);
    const collections = new AccountCollections(site.database);
    await collections.set(account.id, await collections.idsNamed(collectionNames));
    const { passwordHash: _, ...shown } = account;
    await auditAccountChange(site, {
      change: 'modified',
      user: cliUser(),
      account: shown,
      details: { collections: collectionNames.length === 0 ? 'all' : collectionNames.join(', ') },
    });
    console.log(
      collectionNames.length === 0
        ? `Changed ${account.name}: may deploy to every collection.`
        : `Changed ${account.name}: may deploy only to ${collectionNames.join(', ')}.`,
    );
  });
}

/** The admin at the shell, as the other CLI verbs name them in the audit. */
function cliUser(): string {
  return process.env.USER ?? process.env.USERNAME ?? 'cli';
}

interface AddOptions extends SiteCommandOptions {
  role: string;
  passwordStdin?: boolean;
  format: string;
}

/**
 * `patchbay admin`: Administration > Security > Administrative Users. Works on the database
 * directly, like `db` verbs, so the first account can be made before any server is running.
 */
export function registerAdmin(program: Command): void {
  const admin = program
    .command('admin')
    .description('Administrative users who may sign in to a served site');

  withSiteOptions(
    admin
      .command('add <name>')
      .description('Add an account; from the first one on, the served site needs a sign-in')
      .requiredOption('--role <role>', `its security role, ${roleHelp}`)
      .option('--password-stdin', 'read the password from standard input')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (name: string, options: AddOptions) => {
    if (!options.passwordStdin) {
      throw new SiteError(
        'invalid-input',
        'Give --password-stdin and pipe the password in; a password on the command line would be kept in the shell history.',
      );
    }
    const password = await readPasswordFromStdin();
    await withSite(options, async (site) => {
      const account = await new AccountStore(site.database, site.clock).add({
        name,
        role: options.role,
        password,
      });
      await auditAccountChange(site, {
        change: 'added',
        user: cliUser(),
        account,
        details: { role: account.role },
      });
      const format = formatOf(options.format);
      if (format === 'table') console.log(`Added ${account.name} as ${account.role}.`);
      else process.stdout.write(printRows([account], accountColumns, format));
    });
  });

  withSiteOptions(
    admin
      .command('list')
      .description('List the accounts and their security roles')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (options: SiteCommandOptions & { format: string }) => {
    await withSite(options, async (site) => {
      const accounts = await new AccountStore(site.database, site.clock).list();
      process.stdout.write(printRows(accounts, accountColumns, formatOf(options.format)));
    });
  });

  withSiteOptions(
    admin
      .command('set <name>')
      .description('Change an account: a new role, or a new password (which signs it out)')
      .option('--role <role>', `a new security role, ${roleHelp}`)
      .option('--password-stdin', 'read a new password from standard input')
      .option(
        '--collection <name...>',
        'collection limiting: the only collections it may deploy to (replaces the list)',
      )
      .option('--all-collections', 'lift collection limiting: it may deploy to every collection'),
  ).action(
    async (
      name: string,
      options: SiteCommandOptions & {
        role?: string;
        passwordStdin?: boolean;
        collection?: string[];
        allCollections?: boolean;
      },
    ) => {
      if (options.collection !== undefined || options.allCollections) {
        if (
          options.role !== undefined ||
          options.passwordStdin ||
          (options.collection && options.allCollections)
        ) {
          throw new SiteError(
            'invalid-input',
            'Give --collection or --all-collections on its own, without --role or --password-stdin.',
          );
        }
        return setCollections(name, options.collection ?? [], options);
      }
      if (options.role === undefined && !options.passwordStdin) {
        throw new SiteError(
          'invalid-input',
          'Give --role, --password-stdin, or both (or --collection / --all-collections).',
        );
      }
      const password = options.passwordStdin ? await readPasswordFromStdin() : undefined;
      await withSite(options, async (site) => {
        const account = await new AccountStore(site.database, site.clock).set(name, {
          role: options.role,
          password,
        });
        await auditAccountChange(site, {
          change: 'modified',
          user: cliUser(),
          account,
          details: {
            ...(options.role !== undefined ? { role: account.role } : {}),
            ...(password !== undefined ? { password: 'changed' } : {}),
          },
        });
        console.log(
          `Changed ${account.name}: ${[
            options.role !== undefined ? `role ${account.role}` : null,
            password !== undefined ? 'new password, signed out everywhere' : null,
          ]
            .filter(Boolean)
            .join('; ')}.`,
        );
      });
    },
  );

  withSiteOptions(
    admin.command('remove <name>').description('Remove an account and end its sessions'),
  ).action(async (name: string, options: SiteCommandOptions) => {
    await withSite(options, async (site) => {
      const account = await new AccountStore(site.database, site.clock).remove(name);
      await auditAccountChange(site, {
        change: 'removed',
        user: cliUser(),
        account,
        details: { role: account.role },
      });
      const left = await new AccountStore(site.database, site.clock).hasAccounts();
      console.log(
        `Removed ${account.name}.${left ? '' : ' No account is left: on loopback the site answers without a sign-in again.'}`,
      );
    });
  });
}
