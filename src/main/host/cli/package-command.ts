import type { Command } from 'commander';
import { SiteError } from '../../../shared/errors';
import { callSite } from './call-site';
import {
  findDistributionPoints,
  findPackage,
  followContentJob,
  packageColumns,
} from './content-cli-helpers';
import { emitRows, parseFormat, printProperties } from './output';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';
import type { Site } from '../../site/site';

async function withSite(
  options: SiteCommandOptions,
  runJobs: boolean,
  work: (site: Site) => Promise<void>,
) {
  const site = await openSiteFor(options, runJobs);
  try {
    await work(site);
  } finally {
    await site.close();
  }
}

function formatOf(value: string) {
  try {
    return parseFormat(value);
  } catch (error) {
    throw new SiteError('invalid-input', (error as Error).message);
  }
}

/**
 * `patchbay package`: Deployment Packages (New-/Get-/Remove-CMSoftwareUpdateDeploymentPackage,
 * Set-… -RefreshDistributionPoint) through the console's API methods.
 */
export function registerPackage(program: Command): void {
  const pkg = program
    .command('package')
    .description('Deployment packages (New-/Get-/Remove-CMSoftwareUpdateDeploymentPackage)');

  withSiteOptions(
    pkg
      .command('new')
      .description('Create a deployment package (New-CMSoftwareUpdateDeploymentPackage)')
      .argument('<name>', 'the package name (at most 50 characters)')
      .requiredOption(
        '--path <folder>',
        'the package source: an existing, writable folder no other package uses',
      )
      .option('--description <text>', 'at most 127 characters', '')
      .option('--priority <priority>', 'High, Medium or Low', 'Medium')
      .option('--dp <dps...>', 'distribution points (name or ID)'),
  ).action(
    async (
      name: string,
      options: SiteCommandOptions & {
        path: string;
        description: string;
        priority: string;
        dp?: string[];
      },
    ) =>
      withSite(options, false, async (site) => {
        if (!['High', 'Medium', 'Low'].includes(options.priority))
          throw new SiteError(
            'invalid-input',
            `--priority: "${options.priority}" is not High, Medium or Low.`,
          );
        const dps = await findDistributionPoints(site, options.dp ?? []);
        const created = await callSite(site, 'packages.create', {
          name,
          description: options.description,
          sourcePath: options.path,
          priority: options.priority as 'High' | 'Medium' | 'Low',
          distributionPointIds: dps.map((dp) => dp.id),
        });
        console.log(
          `Created deployment package "${created.name}" (${created.packageId}) at ${created.sourcePath}, Source Version ${created.sourceVersion}.`,
        );
      }),
  );

  withSiteOptions(
    pkg
      .command('list')
      .description('List deployment packages (Get-CMSoftwareUpdateDeploymentPackage)')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(async (options: SiteCommandOptions & { format: string }) => {
    const format = formatOf(options.format);
    await withSite(options, false, async (site) => {
      const page = await callSite(site, 'packages.list', { page: { size: 5000 } });
      await emitRows(page.rows, packageColumns, { format, out: options.out });
    });
  });

  withSiteOptions(
    pkg
      .command('show')
      .description(
        "A package's properties, with --status its Content Status per distribution point",
      )
      .argument('<package>', 'name, Package ID or ID')
      .option('--status', 'the package on each distribution point (View Status)')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(
    async (
      reference: string,
      options: SiteCommandOptions & { status?: boolean; format: string },
    ) => {
      const format = formatOf(options.format);
      await withSite(options, false, async (site) => {
        const found = await findPackage(site, reference);
        if (options.status) {
          const rows = await callSite(site, 'contentStatus.get', { packageId: found.id });
          await emitRows(
            rows,
            [
              { header: 'Distribution Point', value: (row) => row.distributionPointName },
              { header: 'State', value: (row) => row.state },
              { header: 'Version', value: (row) => row.contentVersion },
              { header: 'Message', value: (row) => row.message },
              { header: 'Modified', value: (row) => row.modifiedAt },
            ],
            { format, out: options.out },
          );
          return;
        }
        if (format === 'json')
          return void process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
        const properties = packageColumns.map((column) => ({
          property: column.header,
          value: column.value(found),
        }));
        process.stdout.write(printProperties(properties, format));
      });
    },
  );

  withSiteOptions(
    pkg
      .command('delete')
      .description('Delete deployment packages (Remove-CMSoftwareUpdateDeploymentPackage)')
      .argument('<packages...>', 'names, Package IDs or IDs'),
  ).action(async (references: string[], options: SiteCommandOptions) =>
    withSite(options, false, async (site) => {
      const ids = [];
      for (const reference of references) ids.push((await findPackage(site, reference)).id);
      const { deleted } = await callSite(site, 'packages.delete', { ids });
      console.log(
        `Deleted ${deleted} deployment package${deleted === 1 ? '' : 's'}; updates no other package holds show the red arrow again.`,
      );
    }),
  );

  withSiteOptions(
    pkg
      .command('redistribute')
      .description('Copy a package again to distribution points (Content Locations > Redistribute)')
      .argument('<package>', 'name, Package ID or ID')
      .option('--dp <dps...>', 'the distribution points (default: every one the package targets)')
      .option('--validate', 'check every file on them instead of copying (Validate)'),
  ).action(
    async (
      reference: string,
      options: SiteCommandOptions & { dp?: string[]; validate?: boolean },
    ) =>
      withSite(options, true, async (site) => {
        const found = await findPackage(site, reference);
        const dps = options.dp
          ? (await findDistributionPoints(site, options.dp)).map((dp) => dp.id)
          : (await callSite(site, 'contentStatus.get', { packageId: found.id })).map(
              (row) => row.distributionPointId,
            );
        const method = options.validate ? 'packages.validate' : 'packages.redistribute';
        const { jobId } = await callSite(site, method, { id: found.id, distributionPointIds: dps });
        await followContentJob(site, jobId, options.validate ? 'Validation' : 'Redistribution');
        for (const row of await callSite(site, 'contentStatus.get', { packageId: found.id }))
          console.log(
            `${row.distributionPointName}: ${row.state}${row.message ? ` (${row.message})` : ''}`,
          );
      }),
  );
}
