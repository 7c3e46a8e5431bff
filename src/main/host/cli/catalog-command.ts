import type { Command } from 'commander';
import { exportCatalog } from '../../site/catalog/export-catalog';
import { callSite } from './call-site';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';
import { followSync } from './sync-command';

/**
 * `patchbay catalog export|import`: the disconnected-site workflow (spec §2.3.1, "Do not
 * synchronize from Microsoft Update or upstream data source" with WSUSUtil export/import).
 */
export function registerCatalog(program: Command): void {
  const catalog = program
    .command('catalog')
    .description('Export and import catalog bundles (disconnected sites)');

  withSiteOptions(
    catalog
      .command('export')
      .description(
        "Write this site's catalog as a bundle: manifest.json with the SHA-256 of every part",
      )
      .argument('<folder>', 'the bundle folder to write (replaced if it exists)'),
  ).action(async (folder: string, options: SiteCommandOptions) => {
    const site = await openSiteFor(options, false);
    try {
      const result = await exportCatalog(site.database, folder, site.local.code);
      console.log(
        `Exported ${result.updates} updates in ${result.parts} parts to ${result.folder}.`,
      );
    } finally {
      await site.close();
    }
  });

  withSiteOptions(
    catalog
      .command('import')
      .description(
        'Synchronize from a catalog bundle folder or URL, checking its manifest; it becomes the sync source only if the import succeeds',
      )
      .argument('<folder-or-url>', 'a bundle folder, its manifest.json, or an http(s) URL of one')
      .option('--full', 'a full synchronization'),
  ).action(async (location: string, options: SiteCommandOptions & { full?: boolean }) => {
    // An import is a synchronization (WsusUtil import + sync), so like `sync` it may create the
    // site, and says so; a disconnected site's first step is this import.
    const site = await openSiteFor(options, true, 'create');
    try {
      // The bundle becomes the sync source only when the import succeeds (the sync job does it).
      const { jobId } = await callSite(site, 'sync.start', {
        isFull: options.full === true,
        importBundle: location,
      });
      await followSync(site, jobId, 'Imported');
    } finally {
      await site.close();
    }
  });
}
