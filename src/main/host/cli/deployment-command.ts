import type { Command } from 'commander';
import type { DeploymentCreate, DeploymentJobResult } from '../../../shared/contract/deployments';
import { DeploymentListQuery } from '../../../shared/contract/deployments';
import { SiteError } from '../../../shared/errors';
import { resolveUpdateReferences } from '../../site/groups/update-references';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import { findCollection, formatOf, withSite } from './command-helpers';
import { findDistributionPoints, findPackage } from './content-cli-helpers';
import { deploymentColumns, findDeployment, jobStepColumns } from './deployment-columns';
import {
  inOptionTerms,
  invalidOption,
  settingsFromFlags,
  withSettingFlags,
  type SettingFlags,
} from './deployment-options';
import { registerDeploymentTemplate, templateSettings } from './deployment-template-command';
import { findGroup } from './group-command';
import { emitRows, printProperties, printRows } from './output';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';
import { waitForJob } from './wait-for-job';

interface NewOptions extends SiteCommandOptions, SettingFlags {
  group?: string;
  update?: string[];
  collection?: string;
  name?: string;
  description?: string;
  package?: string;
  newPackage?: string;
  path?: string;
  dp?: string[];
  location?: string;
  language?: string[];
  template?: string;
  disabled?: boolean;
  wait: boolean;
}

/** The content pages from --package / --new-package, or none when everything is downloaded. */
async function contentOf(site: Site, options: NewOptions): Promise<DeploymentCreate['content']> {
  if (options.package && options.newPackage)
    throw invalidOption('--package', 'name an existing package or --new-package, not both');
  if (!options.package && !options.newPackage) {
    if (options.path || options.dp || options.location || options.language)
      throw invalidOption('--package', 'content options need --package or --new-package');
    return undefined;
  }
  if (options.newPackage && !options.path)
    throw invalidOption('--path', 'a new deployment package needs its package source folder');
  const languages =
    options.language ??
    (await callSite(site, 'sup.languages', {}))
      .filter((l) => l.isUpdateFileEnabled)
      .map((l) => l.code);
  const dps = await findDistributionPoints(site, options.dp ?? []);
  return {
    deploymentPackage: options.package
      ? { choice: 'existing', packageId: (await findPackage(site, options.package)).id }
      : { choice: 'new', package: { name: options.newPackage!, sourcePath: options.path! } },
    distributionPoints: {
      distributionPointIds: dps.map((dp) => dp.id),
      distributionPointGroupIds: [],
    },
    location: options.location
      ? { source: 'network', path: options.location }
      : { source: 'internet' },
    languageSelection: { languages },
  };
}

async function newDeployment(options: NewOptions): Promise<void> {
  if (!options.group === !options.update)
    throw invalidOption(
      '--group',
      'deploy either a software update group (--group) or updates (--update)',
    );
  const flags = settingsFromFlags(options);
  const site = await openSiteFor(options, options.wait);
  try {
    const template = options.template ? await templateSettings(site, options.template) : null;
    const collectionRef =
      options.collection ?? (template?.collectionId ? String(template.collectionId) : undefined);
    if (!collectionRef)
      throw invalidOption('--collection', 'choose the device collection to deploy to');
    const collection = await findCollection(site, collectionRef);
    const selection = options.group
      ? { groupId: (await findGroup(site, options.group)).id }
      : { ciIds: await resolveUpdateReferences(site.database, options.update!) };
    const pages = [
      'deploymentSettings',
      'scheduling',
      'userExperience',
      'alerts',
      'downloadSettings',
    ] as const;
    const settings = Object.fromEntries(
      pages.map((page) => [page, { ...template?.settings[page], ...flags[page] }]),
    );
    const content = await contentOf(site, options);
    const request: DeploymentCreate = {
      ...settings,
      selection,
      general: {
        name: options.name ?? '',
        description: options.description ?? '',
        collectionId: collection.id,
        ...(template && { templateId: template.id }),
      },
      ...(content && { content }),
      isEnabled: !options.disabled,
    };
    const { jobId } = await callSite(site, 'deployments.create', request).catch(
      (error: unknown) => {
        throw inOptionTerms(error);
      },
    );
    console.log(`Deployment job ${jobId} started.`);
    if (!options.wait) return;
    const job = await waitForJob(site, jobId);
    const result = job.result as DeploymentJobResult | null;
    if (result) process.stdout.write(printRows(result.steps, jobStepColumns, 'table'));
    if (job.state !== 'succeeded' || !result?.deploymentId) {
      console.error(`patchbay: Deployment ${job.state}: ${job.error ?? 'see objreplmgr.log'}`);
      process.exitCode = 1;
      return;
    }
    console.log(`Created deployment ${result.deploymentId} "${result.deploymentName}".`);
  } finally {
    await site.close();
  }
}

const sortColumns = DeploymentListQuery.shape.sort.unwrap().shape.column.options;

/**
 * `patchbay deployment` (New-/Get-/Set-/Remove-CMSoftwareUpdateDeployment): the Deploy Software
 * Updates Wizard and Monitoring > Deployments from the shell, through the console's API calls.
 */
export function registerDeployment(program: Command): void {
  const deployment = program
    .command('deployment')
    .description('Software update deployments (New-/Get-/Set-/Remove-CMSoftwareUpdateDeployment)');

  withSiteOptions(
    withSettingFlags(
      deployment
        .command('new')
        .description('Deploy a software update group or updates (New-CMSoftwareUpdateDeployment)')
        .option('--group <group>', 'the software update group (name or ID)')
        .option('--update <updates...>', 'updates by article ID, update GUID or CI ID (ci:123)')
        .option('--collection <collection>', 'the device collection (name, CollectionID or ID)')
        .option('--name <name>', 'default: Microsoft Software Updates - <date> <time>')
        .option('--description <text>', 'the deployment description'),
    )
      .option('--package <package>', 'download into an existing deployment package')
      .option('--new-package <name>', 'download into a new deployment package (with --path)')
      .option('--path <folder>', 'the new package source folder')
      .option('--dp <dps...>', 'distribution points for the new package')
      .option('--location <folder>', 'download from this folder instead of the Internet')
      .option('--language <codes...>', 'update file languages')
      .option('--template <template>', 'apply a deployment template first')
      .option('--disabled', 'create the deployment disabled')
      .option('--no-wait', 'start the job and return'),
  ).action((options: NewOptions) => newDeployment(options));

  withSiteOptions(
    deployment
      .command('list')
      .description('List deployments (Get-CMSoftwareUpdateDeployment)')
      .option('--filter <text>', 'name, description, collection or group contains the text')
      .option('--group <group>', "only the group's deployments")
      .option('--collection <collection>', 'only deployments to the collection')
      .option('--update <update>', 'only deployments that hold the update')
      .option('--sort <column>', `sort by ${sortColumns.join(', ')}`, 'name')
      .option('--descending', 'sort descending')
      .option('--limit <n>', 'how many', '500')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(
    async (
      options: SiteCommandOptions & {
        filter?: string;
        group?: string;
        collection?: string;
        update?: string;
        sort: string;
        descending?: boolean;
        limit: string;
        format: string;
      },
    ) => {
      const format = formatOf(options.format);
      const column = sortColumns.find((name) => name === options.sort);
      if (!column)
        throw invalidOption('--sort', `"${options.sort}" is not one of ${sortColumns.join(', ')}`);
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
        throw invalidOption('--limit', `"${options.limit}" is not from 1 to 5000`);
      await withSite(options, async (site) => {
        const [ciId] = options.update
          ? await resolveUpdateReferences(site.database, [options.update])
          : [];
        const page = await callSite(site, 'deployments.list', {
          filter: {
            ...(options.filter && { text: options.filter }),
            ...(options.group && { groupId: (await findGroup(site, options.group)).id }),
            ...(options.collection && {
              collectionId: (await findCollection(site, options.collection)).id,
            }),
            ...(ciId !== undefined && { ciId }),
          },
          sort: { column, direction: options.descending ? 'desc' : 'asc' },
          page: { size: limit },
        });
        await emitRows(page.rows, deploymentColumns, { format, out: options.out });
      });
    },
  );

  withSiteOptions(
    deployment
      .command('show')
      .description('Print one deployment with every setting')
      .argument('<deployment>', 'the deployment name or ID')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (reference: string, options: SiteCommandOptions & { format: string }) => {
    const format = formatOf(options.format);
    await withSite(options, async (site) => {
      const found = await findDeployment(site, reference);
      const detail = await callSite(site, 'deployments.get', { id: found.id });
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(detail, null, 2)}\n`);
        return;
      }
      const properties = [
        ...deploymentColumns.map((column) => ({
          property: column.header,
          value: column.value(detail),
        })),
        ...Object.entries(detail.settings).flatMap(([page, fields]) =>
          Object.entries(fields as Record<string, unknown>).map(([field, value]) => ({
            property: `${page}.${field}`,
            value: value === null ? '' : String(value),
          })),
        ),
      ];
      process.stdout.write(printProperties(properties, format));
    });
  });

  withSiteOptions(
    withSettingFlags(
      deployment
        .command('set')
        .description(
          'Change a deployment (Set-CMSoftwareUpdateDeployment); only the options given change',
        )
        .argument('<deployment>', 'the deployment name or ID')
        .option('--new-name <name>', 'rename the deployment')
        .option('--description <text>', 'replace the description'),
    ),
  ).action(
    async (
      reference: string,
      options: SiteCommandOptions & SettingFlags & { newName?: string; description?: string },
    ) => {
      const settings = settingsFromFlags(options);
      if (
        Object.keys(settings).length === 0 &&
        options.newName === undefined &&
        options.description === undefined
      )
        throw new SiteError(
          'invalid-input',
          'Nothing to change: give at least one option (see --help).',
        );
      await withSite(options, async (site) => {
        const found = await findDeployment(site, reference);
        const changed = await callSite(site, 'deployments.update', {
          id: found.id,
          ...settings,
          ...(options.newName !== undefined && { name: options.newName }),
          ...(options.description !== undefined && { description: options.description }),
        }).catch((error: unknown) => {
          throw inOptionTerms(error);
        });
        console.log(`Deployment ${changed.id} "${changed.name}" changed.`);
      });
    },
  );

  for (const [verb, isEnabled] of [
    ['enable', true],
    ['disable', false],
  ] as const)
    withSiteOptions(
      deployment
        .command(verb)
        .description(`${isEnabled ? 'Enable' : 'Disable'} deployments`)
        .argument('<deployments...>', 'deployment names or IDs'),
    ).action(async (references: string[], options: SiteCommandOptions) =>
      withSite(options, async (site) => {
        const ids: number[] = [];
        for (const reference of references) ids.push((await findDeployment(site, reference)).id);
        const { changed } = await callSite(site, 'deployments.setEnabled', { ids, isEnabled });
        console.log(
          `${isEnabled ? 'Enabled' : 'Disabled'} ${changed} of ${ids.length} deployments.`,
        );
      }),
    );

  withSiteOptions(
    deployment
      .command('delete')
      .description('Delete deployments (Remove-CMSoftwareUpdateDeployment)')
      .argument('<deployments...>', 'deployment names or IDs'),
  ).action(async (references: string[], options: SiteCommandOptions) =>
    withSite(options, async (site) => {
      const ids: number[] = [];
      for (const reference of references) ids.push((await findDeployment(site, reference)).id);
      const { deleted } = await callSite(site, 'deployments.delete', { ids });
      console.log(`Deleted ${deleted === 1 ? '1 deployment' : `${deleted} deployments`}.`);
    }),
  );

  registerDeploymentTemplate(deployment);
}
