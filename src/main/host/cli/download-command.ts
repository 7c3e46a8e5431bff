import type { Command } from 'commander';
import type { DownloadJobResult, DownloadRequest } from '../../../shared/contract';
import { SiteError } from '../../../shared/errors';
import { resolveUpdateReferences } from '../../site/groups/update-references';
import { callSite } from './call-site';
import { findDistributionPoints, findPackage, followContentJob } from './content-cli-helpers';
import { printRows } from './output';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';

interface DownloadOptions extends SiteCommandOptions {
  update?: string[];
  group?: string;
  package?: string;
  newPackage?: string;
  path?: string;
  description?: string;
  priority: string;
  dp?: string[];
  location?: string;
  language?: string[];
  wait: boolean;
}

/**
 * `patchbay download` (Save-CMSoftwareUpdate): the Download Software Updates Wizard in one line,
 * through the same `content.download` call and job as the console.
 */
export function registerDownload(program: Command): void {
  withSiteOptions(
    program
      .command('download')
      .description('Download software updates into a deployment package (Save-CMSoftwareUpdate)')
      .option(
        '--update <updates...>',
        'updates by article ID (KB5034441), update GUID or CI ID (ci:123)',
      )
      .option('--group <group>', 'every update of a software update group (name or ID)')
      .option('--package <package>', 'an existing deployment package (name, Package ID or ID)')
      .option('--new-package <name>', 'create a deployment package with this name')
      .option(
        '--path <folder>',
        'the new package source folder (existing, writable, used by no other package)',
      )
      .option('--description <text>', 'the new package description')
      .option('--priority <priority>', 'High, Medium or Low', 'Medium')
      .option('--dp <dps...>', 'distribution points for the new package (name or ID)')
      .option('--location <folder>', 'download from this folder instead of the Internet')
      .option(
        '--language <codes...>',
        'update file languages (default: those on the SUP Languages tab)',
      )
      .option('--no-wait', 'start the job and return its id'),
  ).action(async (options: DownloadOptions) => {
    if (!options.package === !options.newPackage)
      throw new SiteError(
        'invalid-input',
        'Name either --package (an existing package) or --new-package with --path.',
      );
    if (options.newPackage && !options.path)
      throw new SiteError(
        'invalid-input',
        '--path: a new deployment package needs its package source folder.',
      );
    if (!['High', 'Medium', 'Low'].includes(options.priority))
      throw new SiteError(
        'invalid-input',
        `--priority: "${options.priority}" is not High, Medium or Low.`,
      );
    const site = await openSiteFor(options, options.wait);
    try {
      const ciIds = await resolveUpdateReferences(site.database, options.update ?? []);
      let groupId: number | undefined;
      if (options.group) {
        const { rows } = await callSite(site, 'groups.list', {
          filter: { text: options.group },
          page: { size: 5000 },
        });
        const group =
          rows.find((row) => row.name.toLowerCase() === options.group!.toLowerCase()) ??
          rows.find((row) => String(row.id) === options.group);
        if (!group)
          throw new SiteError(
            'not-found',
            `There is no software update group named "${options.group}".`,
          );
        groupId = group.id;
      }
      const languages =
        options.language ??
        (await callSite(site, 'sup.languages', {}))
          .filter((l) => l.isUpdateFileEnabled)
          .map((l) => l.code);
      const dps = await findDistributionPoints(site, options.dp ?? []);
      const request: DownloadRequest = {
        selection: { ciIds, ...(groupId !== undefined && { groupId }) },
        deploymentPackage: options.package
          ? { choice: 'existing', packageId: (await findPackage(site, options.package)).id }
          : {
              choice: 'new',
              package: {
                name: options.newPackage!,
                description: options.description ?? '',
                sourcePath: options.path!,
              },
            },
        distributionPoints: {
          distributionPointIds: dps.map((dp) => dp.id),
          distributionPointGroupIds: [],
        },
        distributionSettings: { priority: options.priority as 'High' | 'Medium' | 'Low' },
        location: options.location
          ? { source: 'network', path: options.location }
          : { source: 'internet' },
        languageSelection: { languages },
      };
      const { jobId, packageId } = await callSite(site, 'content.download', request);
      console.log(`Download job ${jobId} started into deployment package ${packageId}.`);
      if (!options.wait) return;
      const job = await followContentJob(site, jobId, 'Download');
      const result = job.result as DownloadJobResult;
      process.stdout.write(
        printRows(
          result.updates,
          [
            { header: 'Title', value: (row) => row.title },
            { header: 'Result', value: (row) => row.outcome },
            { header: 'Files', value: (row) => row.files },
            { header: 'Bytes', value: (row) => row.bytes },
            { header: 'Message', value: (row) => row.message },
          ],
          'table',
        ),
      );
      console.log(
        `Package is at Source Version ${result.sourceVersion}: ${result.filesFetched} files downloaded (${result.bytesFetched} bytes), ${result.filesReused} reused.`,
      );
      if (result.updates.some((row) => row.outcome === 'Failed')) process.exitCode = 1;
    } finally {
      await site.close();
    }
  });
}

/** `patchbay demo-content`: the clearly marked demo updates and their loopback content source. */
export function registerDemoContent(program: Command): void {
  withSiteOptions(
    program
      .command('demo-content')
      .description(
        'Add the demo updates (vendor "Patchbay Demo") whose files come from a loopback demo content source',
      ),
  ).action(async (options: SiteCommandOptions) => {
    const site = await openSiteFor(options, false);
    try {
      const status = await callSite(site, 'content.addDemo', {});
      console.log(
        `The demo content source is on: ${status.updates} demo updates, ${status.files} files (${status.bytes} bytes). Their titles start with "Patchbay Demo".`,
      );
    } finally {
      await site.close();
    }
  });
}
