import type { Command } from 'commander';
import { SiteError } from '../../../shared/errors';
import { callSite } from './call-site';
import { distributionPointColumns, findDistributionPoints } from './content-cli-helpers';
import { emitRows, parseFormat } from './output';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';

/** `patchbay dp`: distribution points — a content library folder here, or another `patchbay serve`. */
export function registerDistributionPoint(program: Command): void {
  const dp = program
    .command('dp')
    .description('Distribution points (content libraries served by hash)');

  withSiteOptions(
    dp
      .command('add')
      .description(
        'Add a distribution point: --path for a folder here, --url for another patchbay serve',
      )
      .argument('<name>', 'the distribution point name')
      .option('--path <folder>', 'a content library folder on this machine (created when missing)')
      .option('--url <address>', 'the address of another patchbay serve, such as http://dp01:8530/')
      .option('--description <text>', 'a description', ''),
  ).action(
    async (
      name: string,
      options: SiteCommandOptions & { path?: string; url?: string; description: string },
    ) => {
      if (!options.path === !options.url)
        throw new SiteError(
          'invalid-input',
          'Give either --path (a folder here) or --url (another patchbay serve).',
        );
      const site = await openSiteFor(options, false);
      try {
        const added = await callSite(
          site,
          'dps.add',
          options.path
            ? { kind: 'library', name, libraryPath: options.path, description: options.description }
            : { kind: 'remote', name, url: options.url!, description: options.description },
        );
        console.log(
          `Added distribution point "${added.name}" (ID ${added.id}) at ${added.libraryPath ?? added.url}.`,
        );
      } finally {
        await site.close();
      }
    },
  );

  withSiteOptions(
    dp
      .command('list')
      .description('List distribution points, the site library first')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(async (options: SiteCommandOptions & { format: string }) => {
    const format = parseFormat(options.format);
    const site = await openSiteFor(options, false);
    try {
      await emitRows(await callSite(site, 'dps.list', {}), distributionPointColumns, {
        format,
        out: options.out,
      });
    } finally {
      await site.close();
    }
  });

  withSiteOptions(
    dp
      .command('remove')
      .description('Remove distribution points and their copies of packages')
      .argument('<dps...>', 'names or IDs'),
  ).action(async (references: string[], options: SiteCommandOptions) => {
    const site = await openSiteFor(options, false);
    try {
      const found = await findDistributionPoints(site, references);
      const { removed } = await callSite(site, 'dps.remove', { ids: found.map((each) => each.id) });
      console.log(`Removed ${removed} distribution point${removed === 1 ? '' : 's'}.`);
    } finally {
      await site.close();
    }
  });
}
