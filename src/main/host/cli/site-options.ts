import type { Command } from 'commander';
import { defaultDataFolder, resolveDatabaseConfig } from '../../site/db/database-config';
import { openSite, type Site } from '../../site/site';

export interface SiteCommandOptions {
  db?: string;
  dataDir?: string;
  siteCode?: string;
  /** `--out <file>` of the list verbs that take `--format` (required for xlsx). */
  out?: string;
}

/** The options every verb that opens the site accepts. */
export function withSiteOptions(command: Command): Command {
  return command
    .option(
      '--db <url>',
      'postgres://… for a shared site, or a SQLite file (default: PATCHBAY_DB, else site.db in the data folder)',
    )
    .option(
      '--data-dir <dir>',
      'folder for the embedded database, logs and backups (default: PATCHBAY_DATA_DIR, else the OS user-data folder)',
    )
    .option('--site-code <code>', 'three-character site code given to a new site', 'PS1');
}

/**
 * Opens the site a verb works on. Only `sync`, `serve` and `db init` pass `create`: every other
 * verb refuses a database with no site, so a mistyped `--db` is an error, not an empty new site.
 */
export async function openSiteFor(
  options: SiteCommandOptions,
  runJobs: boolean,
  ifNoSite: 'create' | 'refuse' = 'refuse',
): Promise<Site> {
  const dataFolder = options.dataDir ?? defaultDataFolder();
  const siteCode = (options.siteCode ?? 'PS1').toUpperCase();
  if (!/^[A-Z0-9]{3}$/.test(siteCode)) {
    throw new Error(
      `--site-code: "${options.siteCode}" is not a site code (three letters or digits, like PS1).`,
    );
  }
  const site = await openSite({
    database: resolveDatabaseConfig(options.db, dataFolder),
    dataFolder,
    siteCode,
    runJobs,
    ifNoSite,
  });
  if (site.isNew)
    console.log(`Created a new site ${site.local.code} at ${site.database.location}.`);
  return site;
}
