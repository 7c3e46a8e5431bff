import type { Command } from 'commander';
import { resolveDatabaseConfig, defaultDataFolder } from '../../site/db/database-config';
import { migrateDatabase } from '../../site/db/migrate';
import { openDatabase } from '../../site/db/open-database';
import { holdsSite, noSiteAt, refuseMissingSiteFile } from '../../site/db/site-presence';
import { waitForJob } from './wait-for-job';
import { callSite } from './call-site';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';

export function registerDb(program: Command): void {
  const db = program.command('db').description('Site database maintenance');

  withSiteOptions(
    db
      .command('init')
      .description(
        'Create a new site in the database (--db) or the data folder, named --site-code',
      ),
  ).action(async (options: SiteCommandOptions) => {
    const site = await openSiteFor(options, false, 'create');
    try {
      if (!site.isNew)
        console.log(
          `There is already a site ${site.local.code} at ${site.database.location}; nothing was changed.`,
        );
    } finally {
      await site.close();
    }
  });

  withSiteOptions(
    db.command('migrate').description('Bring the site database to this version’s schema'),
  ).action(async (options: SiteCommandOptions) => {
    const config = resolveDatabaseConfig(options.db, options.dataDir ?? defaultDataFolder());
    // Migrating is for a site that exists: a mistyped path must not become an empty schema.
    refuseMissingSiteFile(config, 'refuse');
    const database = await openDatabase(config);
    try {
      if (!(await holdsSite(database))) throw noSiteAt(config);
      const report = await migrateDatabase(database);
      if (report.backupFile) console.log(`Copied the database aside first: ${report.backupFile}`);
      console.log(
        report.applied.length === 0
          ? `The site database is up to date (schema ${report.schemaVersion}).`
          : `Applied ${report.applied.length} migration(s): ${report.applied.join(', ')}.`,
      );
    } finally {
      await database.close();
    }
  });

  withSiteOptions(
    db.command('backup').description('Back up the site database into the backups folder (a job)'),
  ).action(async (options: SiteCommandOptions) => {
    const site = await openSiteFor(options, true);
    try {
      const { jobId } = await callSite(site, 'site.backupDatabase', {});
      const job = await waitForJob(site, jobId);
      if (job.state !== 'succeeded')
        throw new Error(job.error ?? `The backup job ended ${job.state}.`);
      const result = job.result as { file: string; bytes: number };
      console.log(`Backup written: ${result.file} (${result.bytes} bytes).`);
    } finally {
      await site.close();
    }
  });
}
