import type { Command } from 'commander';
import type {
  DeploymentSettings,
  DeploymentTemplate,
  TemplatePart,
} from '../../../shared/contract/deployments';
import { SiteError } from '../../../shared/errors';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import { findCollection, formatOf, withSite } from './command-helpers';
import { settingsFromFlags, withSettingFlags, type SettingFlags } from './deployment-options';
import { printRows } from './output';
import { withSiteOptions, type SiteCommandOptions } from './site-options';

async function findTemplate(site: Site, reference: string): Promise<DeploymentTemplate> {
  const all = await callSite(site, 'deploymentTemplates.list', {});
  const found =
    all.find((each) => each.name.toLowerCase() === reference.toLowerCase()) ??
    (/^\d+$/.test(reference) ? all.find((each) => each.id === Number(reference)) : undefined);
  if (!found)
    throw new SiteError('not-found', `There is no deployment template named "${reference}".`);
  return found;
}

/** What Select Deployment Template applies: only the parts the template includes. */
export async function templateSettings(
  site: Site,
  reference: string,
): Promise<{ id: number; collectionId: number | null; settings: Partial<DeploymentSettings> }> {
  const template = await findTemplate(site, reference);
  const settings = Object.fromEntries(
    Object.entries(template.settings).filter(([page]) =>
      template.parts.includes(page as TemplatePart),
    ),
  );
  return {
    id: template.id,
    collectionId: template.parts.includes('collection') ? template.collectionId : null,
    settings,
  };
}

/** `patchbay deployment template`: Save As Template and Select Deployment Template's list. */
export function registerDeploymentTemplate(deployment: Command): void {
  const template = deployment
    .command('template')
    .description('Deployment templates (Save As Template)');

  withSiteOptions(
    template
      .command('list')
      .description('List deployment templates')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (options: SiteCommandOptions & { format: string }) => {
    const format = formatOf(options.format);
    await withSite(options, async (site) => {
      const rows = await callSite(site, 'deploymentTemplates.list', {});
      process.stdout.write(
        printRows(
          rows,
          [
            { header: 'ID', value: (row) => row.id },
            { header: 'Name', value: (row) => row.name },
            { header: 'Includes', value: (row) => row.parts.join(', ') },
            { header: 'Collection ID', value: (row) => row.collectionId ?? '' },
            { header: 'Date Created', value: (row) => row.dateCreated },
          ],
          format,
        ),
      );
    });
  });

  withSiteOptions(
    withSettingFlags(
      template
        .command('new')
        .description(
          'Save the setting options given as a template; it includes the pages they are on',
        )
        .argument('<name>', "letters, digits, spaces, \\ and ' only")
        .option('--collection <collection>', 'include this device collection'),
    ),
  ).action(
    async (name: string, options: SiteCommandOptions & SettingFlags & { collection?: string }) => {
      const settings = settingsFromFlags(options);
      const parts = Object.keys(settings) as TemplatePart[];
      await withSite(options, async (site) => {
        const collection = options.collection
          ? await findCollection(site, options.collection)
          : null;
        const created = await callSite(site, 'deploymentTemplates.create', {
          name,
          parts: collection ? [...parts, 'collection'] : parts,
          settings,
          ...(collection && { collectionId: collection.id }),
        });
        console.log(
          `Saved deployment template ${created.id} "${created.name}" (${created.parts.join(', ')}).`,
        );
      });
    },
  );

  withSiteOptions(
    template
      .command('delete')
      .description('Delete deployment templates')
      .argument('<templates...>', 'template names or IDs'),
  ).action(async (references: string[], options: SiteCommandOptions) =>
    withSite(options, async (site) => {
      const ids: number[] = [];
      for (const reference of references) ids.push((await findTemplate(site, reference)).id);
      const { deleted } = await callSite(site, 'deploymentTemplates.delete', { ids });
      console.log(
        `Deleted ${deleted === 1 ? '1 deployment template' : `${deleted} deployment templates`}.`,
      );
    }),
  );
}
