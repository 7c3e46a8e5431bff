import type { Command } from 'commander';
import { SiteError, WireResultSchema } from '../../../shared/errors';
import { defaultDataFolder } from '../../site/db/database-config';
import { readPasswordFromStdin } from './admin-command';
import { requestSite } from './site-connection';
import { readSiteLogins, siteLoginsFile, writeSiteLogins } from './site-logins';

interface LoginOptions {
  name: string;
  passwordStdin?: boolean;
  fingerprint?: string;
  dataDir?: string;
}

function siteOrigin(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SiteError(
      'invalid-input',
      `"${text}" is not a site address like https://server:8530/.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteError('invalid-input', `"${text}" is not an http:// or https:// address.`);
  }
  return new URL(url.origin);
}

/** The envelope's sentence, or the status when the answer is not Patchbay's. */
function replyError(status: number, body: string): Error {
  const parsed = WireResultSchema.safeParse(JSON.parse(body || 'null') as unknown);
  return new Error(
    parsed.success && !parsed.data.ok
      ? parsed.data.error.message
      : `The site answered ${status}, which is not a Patchbay sign-in reply.`,
  );
}

/** `patchbay login <url>` / `patchbay logout <url>`: a bearer token for another site's API. */
export function registerLogin(program: Command): void {
  program
    .command('login <url>')
    .description('Sign in to a served site and keep its token (0600) in the data folder')
    .requiredOption('--name <name>', 'the account to sign in as')
    .option('--password-stdin', 'read the password from standard input')
    .option('--fingerprint <sha256>', "trust the site's self-signed certificate with this SHA-256")
    .option(
      '--data-dir <dir>',
      'where the token is kept (default: PATCHBAY_DATA_DIR, else the OS user-data folder)',
    )
    .action(async (url: string, options: LoginOptions) => {
      if (!options.passwordStdin) {
        throw new SiteError('invalid-input', 'Give --password-stdin and pipe the password in.');
      }
      const origin = siteOrigin(url);
      const password = await readPasswordFromStdin();
      const reply = await requestSite(new URL('/auth/token', origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: options.name, password }),
        fingerprint: options.fingerprint,
      });
      if (reply.status !== 200) throw replyError(reply.status, reply.body);
      const value = (
        JSON.parse(reply.body) as {
          value: { token: string; expiresAt: string; account: { name: string; role: string } };
        }
      ).value;
      const dataFolder = options.dataDir ?? defaultDataFolder();
      const logins = readSiteLogins(dataFolder);
      logins[origin.origin] = {
        account: value.account.name,
        role: value.account.role,
        token: value.token,
        expiresAt: value.expiresAt,
        ...(options.fingerprint ? { fingerprint: options.fingerprint } : {}),
      };
      writeSiteLogins(dataFolder, logins);
      console.log(
        `Signed in to ${origin.origin} as ${value.account.name} (${value.account.role}) until ${value.expiresAt}; token kept in ${siteLoginsFile(dataFolder)}.`,
      );
    });

  program
    .command('logout <url>')
    .description('End the session `patchbay login` opened and forget its token')
    .option('--data-dir <dir>', 'where the token is kept')
    .action(async (url: string, options: { dataDir?: string }) => {
      const origin = siteOrigin(url);
      const dataFolder = options.dataDir ?? defaultDataFolder();
      const logins = readSiteLogins(dataFolder);
      const login = logins[origin.origin];
      if (!login) throw new SiteError('not-found', `There is no login for ${origin.origin}.`);
      const reply = await requestSite(new URL('/auth/signout', origin), {
        method: 'POST',
        headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' },
        body: '{}',
        fingerprint: login.fingerprint,
      });
      delete logins[origin.origin];
      writeSiteLogins(dataFolder, logins);
      console.log(
        reply.status === 200
          ? `Signed out of ${origin.origin}.`
          : `Forgot the token of ${origin.origin} (the site answered ${reply.status}).`,
      );
    });
}
