import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSiteFolder } from '../../site/site-folder';

export interface SiteLogin {
  account: string;
  role: string;
  token: string;
  expiresAt: string;
  /** The certificate fingerprint pinned at login, for a self-signed site. */
  fingerprint?: string;
}

/**
 * The bearer tokens `patchbay login` got, one per site origin, in <data folder>/site-logins.json.
 * Readable by the admin only (0600): a token signs in as its account until it expires.
 */
export function siteLoginsFile(dataFolder: string): string {
  return join(dataFolder, 'site-logins.json');
}

export function readSiteLogins(dataFolder: string): Record<string, SiteLogin> {
  const file = siteLoginsFile(dataFolder);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, SiteLogin>;
  } catch {
    throw new Error(
      `${file} is not a list of site logins; remove it and run \`patchbay login\` again.`,
    );
  }
}

export function writeSiteLogins(dataFolder: string, logins: Record<string, SiteLogin>): void {
  makeSiteFolder(dataFolder, 'data folder');
  const file = siteLoginsFile(dataFolder);
  // Written aside and renamed, so a crash never leaves half a file; 0600 from its first byte.
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, `${JSON.stringify(logins, null, 2)}\n`, { mode: 0o600 });
  chmodSync(next, 0o600);
  renameSync(next, file);
}
