import type { Command } from 'commander';
import type { SyncHistoryRow } from '../../../shared/contract';
import { syncStateName } from '../../../shared/sync-state';
import { callSite } from './call-site';
import { parseFormat, printRows } from './output';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';
import { waitForJob } from './wait-for-job';
import type { Site } from '../../site/site';

interface SyncOptions extends SiteCommandOptions {
  full?: boolean;
  wait: boolean;
}

/** Follows a synchronization job to its end and prints its outcome in one line. */
export async function followSync(site: Site, jobId: number, success: string): Promise<void> {
  const job = await waitForJob(site, jobId);
  if (job.state !== 'succeeded')
    throw new Error(`Synchronization ${job.state}: ${job.error ?? 'see wsyncmgr.log'}`);
  const result = job.result as {
    added: number;
    changed: number;
    expired: number;
    catalogVersion: number;
  };
  console.log(
    `${success}: ${result.added} added, ${result.changed} changed, ${result.expired} expired; catalog version ${result.catalogVersion}.`,
  );
}

/** `patchbay sync` (Sync-CMSoftwareUpdate) and `patchbay sync status` (Get-CMSoftwareUpdateSyncStatus). */
export function registerSync(program: Command): void {
  const sync = withSiteOptions(
    program
      .command('sync')
      .description(
        'Synchronize Software Updates from the source on the Sync Settings tab (Sync-CMSoftwareUpdate)',
      )
      .option('--full', 'a full synchronization instead of a delta one')
      .option('--no-wait', 'start the job and return its id')
      .enablePositionalOptions(),
  ).action(async (options: SyncOptions) => {
    // The first sync of a new site creates it (and says so), as the console's first open does.
    const site = await openSiteFor(options, options.wait, 'create');
    try {
      const { jobId } = await callSite(site, 'sync.start', { isFull: options.full === true });
      console.log(`Synchronization job ${jobId} started${options.full ? ' (full)' : ''}.`);
      if (!options.wait) return;
      await followSync(site, jobId, 'Sync succeeded');
    } finally {
      await site.close();
    }
  });

  withSiteOptions(
    sync
      .command('status')
      .description(
        'Software Update Point Synchronization Status, newest first (Get-CMSoftwareUpdateSyncStatus)',
      )
      .option('--limit <n>', 'how many synchronizations', '20')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (options: SiteCommandOptions & { limit: string; format: string }) => {
    const format = parseFormat(options.format);
    const site = await openSiteFor(options, false);
    try {
      const page = await callSite(site, 'sync.history', {
        page: { size: Math.min(5000, Number(options.limit) || 20) },
      });
      process.stdout.write(
        printRows<SyncHistoryRow>(
          page.rows,
          [
            { header: 'Software Update Point', value: (row) => row.softwareUpdatePoint },
            { header: 'Site Code', value: (row) => row.siteCode },
            { header: 'Synchronization Source', value: (row) => row.syncSource },
            {
              header: 'Synchronization Status',
              value: (row) => syncStateName(row.lastStateMessageId),
            },
            { header: 'Type', value: (row) => row.syncType },
            { header: 'Started', value: (row) => row.startedAt },
            { header: 'Last Synchronization State Time', value: (row) => row.lastStateTime },
            {
              header: 'Last Synchronization Error Code',
              value: (row) =>
                row.errorCode ? `0x${(row.errorCode >>> 0).toString(16).toUpperCase()}` : '0',
            },
            { header: 'Catalog Version', value: (row) => row.catalogVersion },
            { header: 'Added', value: (row) => row.updatesAdded },
            { header: 'Changed', value: (row) => row.updatesChanged },
            { header: 'Expired', value: (row) => row.updatesExpired },
            { header: 'Error', value: (row) => row.errorText },
          ],
          format,
        ),
      );
    } finally {
      await site.close();
    }
  });
}
