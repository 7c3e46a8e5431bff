import type { Command } from 'commander';
import {
  MaintenanceWindowApplyTo,
  type MaintenanceWindow,
} from '../../../shared/contract/collections';
import type { CustomSchedule } from '../../../shared/schedule/schedule';
import { SiteError } from '../../../shared/errors';
import { callSite } from './call-site';
import { findCollection, findDevice, formatOf, withSite } from './command-helpers';
import { printRows, type Column } from './output';
import { withSiteOptions, type SiteCommandOptions } from './site-options';

const recurrences = ['none', 'daily', 'weekly'] as const;

function recurrenceOf(value: string, start: string): CustomSchedule['recurrence'] {
  if (value === 'none') return { pattern: 'none' };
  if (value === 'daily') return { pattern: 'interval', every: 1, unit: 'days' };
  if (value === 'weekly') {
    const day = new Date(`${start}:00Z`).getUTCDay();
    const names = [
      'Sunday',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
    ] as const;
    return { pattern: 'weekly', everyWeeks: 1, day: names[day]! };
  }
  throw new SiteError(
    'invalid-input',
    `--recur: "${value}" is not one of ${recurrences.join(', ')}.`,
  );
}

const windowColumns: Column<MaintenanceWindow>[] = [
  { header: 'ID', value: (w) => w.id },
  { header: 'Collection', value: (w) => w.collectionName },
  { header: 'Name', value: (w) => w.name },
  { header: 'Start', value: (w) => `${w.schedule.start}${w.schedule.isUtc ? ' UTC' : ''}` },
  { header: 'Recurrence', value: (w) => w.schedule.recurrence.pattern },
  { header: 'Duration (minutes)', value: (w) => w.durationMinutes },
  { header: 'Apply To', value: (w) => w.applyTo },
  { header: 'Enabled', value: (w) => w.isEnabled },
];

interface AddOptions extends SiteCommandOptions {
  name: string;
  start: string;
  duration: string;
  recur: string;
  applyTo: string;
  utc?: boolean;
}

/** `patchbay mw`: maintenance windows of collections (New-/Get-CMMaintenanceWindow). */
export function registerMaintenanceWindow(program: Command): void {
  const mw = program
    .command('mw')
    .description('Maintenance windows (New-/Get-CMMaintenanceWindow)');

  withSiteOptions(
    mw
      .command('add')
      .description('Add a maintenance window to a collection (New-CMMaintenanceWindow)')
      .argument('<collection>', 'the collection (name, CollectionID or ID)')
      .requiredOption('--name <name>', 'the window name')
      .requiredOption('--start <time>', 'first start, YYYY-MM-DDTHH:MM')
      .requiredOption('--duration <minutes>', 'length in minutes, under 24 hours')
      .option('--recur <pattern>', `one of ${recurrences.join(', ')}`, 'daily')
      .option('--apply-to <kind>', 'Any, SoftwareUpdatesOnly or TaskSequencesOnly', 'Any')
      .option('--utc', 'the start is UTC, not the local time of each client'),
  ).action(async (reference: string, options: AddOptions) =>
    withSite(options, async (site) => {
      const applyTo = MaintenanceWindowApplyTo.safeParse(options.applyTo);
      if (!applyTo.success)
        throw new SiteError(
          'invalid-input',
          `--apply-to: "${options.applyTo}" is not one of Any, SoftwareUpdatesOnly, TaskSequencesOnly.`,
        );
      const collection = await findCollection(site, reference);
      const created = await callSite(site, 'maintenanceWindows.create', {
        collectionId: collection.id,
        name: options.name,
        schedule: {
          kind: 'custom',
          start: options.start,
          isUtc: options.utc === true,
          recurrence: recurrenceOf(options.recur, options.start),
        },
        durationMinutes: Number(options.duration),
        applyTo: applyTo.data,
      });
      console.log(
        `Added maintenance window "${created.name}" (ID ${created.id}) to ${collection.name}: ${created.durationMinutes} minutes from ${created.schedule.start}, ${options.recur}, ${created.applyTo}.`,
      );
    }),
  );

  withSiteOptions(
    mw
      .command('list')
      .description('List maintenance windows (Get-CMMaintenanceWindow)')
      .option('--collection <collection>', 'only those of one collection')
      .option('--device <device>', "print a device's effective update windows instead")
      .option('--days <n>', 'with --device: how many days from now', '7')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(
    async (
      options: SiteCommandOptions & {
        collection?: string;
        device?: string;
        days: string;
        format: string;
      },
    ) => {
      const format = formatOf(options.format);
      await withSite(options, async (site) => {
        if (options.device) {
          const device = await findDevice(site, options.device);
          const from = new Date();
          const to = new Date(from.getTime() + Number(options.days) * 86_400_000);
          const spans = await callSite(site, 'maintenanceWindows.effective', {
            clientId: device.id,
            from: from.toISOString(),
            to: to.toISOString(),
          });
          process.stdout.write(
            printRows(
              spans,
              [
                { header: 'Start', value: (s) => s.start },
                { header: 'End', value: (s) => s.end },
              ],
              format,
            ),
          );
          return;
        }
        const collectionId = options.collection
          ? (await findCollection(site, options.collection)).id
          : undefined;
        const windows = await callSite(
          site,
          'maintenanceWindows.list',
          collectionId ? { collectionId } : {},
        );
        process.stdout.write(printRows(windows, windowColumns, format));
      });
    },
  );
}
