import type { Command } from 'commander';
import type { z } from 'zod';
import type { SupComponentSettingsChange } from '../../../shared/contract/software-update-point';
import { SyncSourceKind } from '../../../shared/contract/software-update-point';
import { callSite } from './call-site';
import { parseFormat, printRows } from './output';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';

type Change = z.input<typeof SupComponentSettingsChange>;

interface SetOptions extends SiteCommandOptions {
  source?: string;
  location?: string;
  classification?: string[];
  product?: string[];
  surfaceDrivers?: boolean;
  schedule?: string | false;
  failureAlert?: boolean;
  nonFeatureSupersedence?: string;
  featureSupersedence?: string;
  updateFileLanguage?: string[];
  summaryLanguage?: string[];
  maxRuntimeFeature?: string;
  maxRuntimeNonFeature?: string;
  maxRuntimeOther?: string;
}

/**
 * `patchbay sup`: Software Update Point Component Properties from the shell
 * (Get-/Set-CMSoftwareUpdatePointComponent). Every value is checked by the same schema as the
 * console's dialog.
 */
export function registerSup(program: Command): void {
  const sup = program
    .command('sup')
    .description(
      'Software Update Point Component Properties (Get-/Set-CMSoftwareUpdatePointComponent)',
    );

  withSiteOptions(sup.command('show').description('Print the settings as JSON')).action(
    async (options: SiteCommandOptions) => {
      const site = await openSiteFor(options, false);
      try {
        console.log(JSON.stringify(await callSite(site, 'sup.settings.get', {}), null, 2));
      } finally {
        await site.close();
      }
    },
  );

  withSiteOptions(
    sup
      .command('set')
      .description('Change settings; only the options given change')
      .option('--source <kind>', `synchronization source: ${SyncSourceKind.options.join(', ')}`)
      .option(
        '--location <folder-or-url>',
        'catalog bundle, MSRC documents or parent site; "" for the bundled catalog',
      )
      .option('--classification <names...>', 'classifications to synchronize (replaces the list)')
      .option(
        '--product <ids...>',
        'product ids to synchronize (replaces the list; see `patchbay sup products`)',
      )
      .option('--surface-drivers', 'include Microsoft Surface drivers and firmware updates')
      .option('--no-surface-drivers', 'exclude drivers')
      .option(
        '--schedule <every>',
        'enable the sync schedule: a simple schedule such as "1 days", "12 hours"',
      )
      .option('--no-schedule', 'disable the sync schedule')
      .option('--failure-alert', 'alert when synchronization fails')
      .option('--no-failure-alert', 'no alert when synchronization fails')
      .option('--non-feature-supersedence <rule>', '"immediately" or a number of months (1-99)')
      .option('--feature-supersedence <rule>', '"immediately" or a number of months (1-99)')
      .option('--update-file-language <codes...>', 'Software Update File languages, e.g. en de')
      .option('--summary-language <codes...>', 'Summary Details languages, e.g. en')
      .option('--max-runtime-feature <minutes>', 'maximum run time for feature updates')
      .option(
        '--max-runtime-non-feature <minutes>',
        'maximum run time for Office 365 and Windows non-feature updates',
      )
      .option('--max-runtime-other <minutes>', 'maximum run time for all other updates'),
  ).action(async (options: SetOptions) => {
    const change = toChange(options);
    if (Object.keys(change).length === 0)
      throw new Error('Nothing to change: give at least one option (see --help).');
    const site = await openSiteFor(options, false);
    try {
      await callSite(site, 'sup.settings.set', change);
      console.log(
        `Software Update Point Component Properties changed: ${Object.keys(change).join(', ')}.`,
      );
    } finally {
      await site.close();
    }
  });

  for (const [name, method, describe] of [
    [
      'products',
      'sup.products',
      'The Products tab: vendor, family, product, and whether it is synchronized',
    ],
    ['classifications', 'sup.classifications', 'The Classifications tab'],
    ['languages', 'sup.languages', 'The Languages tab'],
  ] as const) {
    withSiteOptions(
      sup
        .command(name)
        .description(describe)
        .option('--format <format>', 'table, csv or json', 'table'),
    ).action(async (options: SiteCommandOptions & { format: string }) => {
      const format = parseFormat(options.format);
      const site = await openSiteFor(options, false);
      try {
        const rows = (await callSite(site, method, {})) as Array<Record<string, string | boolean>>;
        const keys = rows[0] ? Object.keys(rows[0]) : [];
        process.stdout.write(
          printRows(
            rows,
            keys.map((key) => ({
              header: key,
              value: (row: Record<string, string | boolean>) => row[key],
            })),
            format,
          ),
        );
      } finally {
        await site.close();
      }
    });
  }
}

function toChange(options: SetOptions): Change {
  const change: Change = {};
  if (options.source !== undefined) change.syncSource = options.source as Change['syncSource'];
  if (options.location !== undefined) change.syncSourceLocation = options.location;
  if (options.classification) change.classifications = options.classification;
  if (options.product) change.products = options.product;
  if (options.surfaceDrivers !== undefined) change.includeSurfaceDrivers = options.surfaceDrivers;
  if (options.schedule === false) change.isScheduleEnabled = false;
  else if (typeof options.schedule === 'string') {
    const match = /^(\d+)\s*(minutes?|hours?|days?)$/i.exec(options.schedule.trim());
    if (!match)
      throw new Error(
        `--schedule: "${options.schedule}" is not like "7 days", "12 hours" or "30 minutes".`,
      );
    const unit = match[2]!.toLowerCase().replace(/s?$/, 's') as 'minutes' | 'hours' | 'days';
    change.isScheduleEnabled = true;
    change.schedule = { kind: 'simple', every: Number(match[1]), unit };
  }
  if (options.failureAlert !== undefined) change.isSyncFailureAlertEnabled = options.failureAlert;
  for (const [value, behaviour, months, flag] of [
    [
      options.nonFeatureSupersedence,
      'nonFeatureSupersedence',
      'nonFeatureSupersedenceMonths',
      '--non-feature-supersedence',
    ],
    [
      options.featureSupersedence,
      'featureSupersedence',
      'featureSupersedenceMonths',
      '--feature-supersedence',
    ],
  ] as const) {
    if (value === undefined) continue;
    if (value === 'immediately') change[behaviour] = 'immediately';
    else if (/^\d+$/.test(value)) {
      change[behaviour] = 'after-months';
      change[months] = Number(value);
    } else throw new Error(`${flag}: "${value}" is neither "immediately" nor a number of months.`);
  }
  if (options.updateFileLanguage) change.updateFileLanguages = options.updateFileLanguage;
  if (options.summaryLanguage) change.summaryDetailsLanguages = options.summaryLanguage;
  for (const [value, key] of [
    [options.maxRuntimeFeature, 'featureUpdateMaxRuntimeMinutes'],
    [options.maxRuntimeNonFeature, 'nonFeatureUpdateMaxRuntimeMinutes'],
    [options.maxRuntimeOther, 'otherUpdateMaxRuntimeMinutes'],
  ] as const) {
    if (value !== undefined) change[key] = Number(value);
  }
  return change;
}
