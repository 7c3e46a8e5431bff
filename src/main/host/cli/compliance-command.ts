import type { Command } from 'commander';
import type { SummarizationSchedule } from '../../../shared/contract/compliance';
import { SiteError } from '../../../shared/errors';
import { resolveUpdateReferences } from '../../site/groups/update-references';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import { findDevice, formatOf, withSite } from './command-helpers';
import { printProperties, printRows, type OutputFormat } from './output';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';
import { waitForJob } from './wait-for-job';

function writeProperties(values: Record<string, unknown>, format: OutputFormat) {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(values, null, 2)}\n`);
    return;
  }
  const rows = Object.entries(values).map(([property, value]) => ({
    property,
    value: value === null ? '' : String(value),
  }));
  process.stdout.write(printProperties(rows, format));
}

async function showUpdate(site: Site, reference: string, format: OutputFormat, unknown: boolean) {
  const [ciId] = await resolveUpdateReferences(site.database, [reference]);
  const counters = await callSite(site, 'compliance.update', { ciId: ciId! });
  if (!unknown) return writeProperties(counters, format);
  const page = await callSite(site, 'compliance.unknownDevices', {
    ciId: ciId!,
    page: { size: 5000, offset: 0 },
  });
  process.stdout.write(
    printRows(
      page.rows,
      [
        { header: 'Device', value: (row) => row.name },
        { header: 'Reason', value: (row) => row.reason },
        { header: 'Detail', value: (row) => row.detail },
      ],
      format,
    ),
  );
}

async function showGroup(site: Site, reference: string, format: OutputFormat) {
  const groups = await callSite(site, 'groups.list', {
    filter: { text: reference },
    page: { size: 5000 },
  });
  const group =
    groups.rows.find((row) => row.name.toLowerCase() === reference.toLowerCase()) ??
    (/^\d+$/.test(reference) ? { id: Number(reference) } : undefined);
  if (!group)
    throw new SiteError('not-found', `There is no software update group named "${reference}".`);
  writeProperties(await callSite(site, 'compliance.group', { groupId: group.id }), format);
}

async function showDevice(site: Site, reference: string, format: OutputFormat) {
  const device = await findDevice(site, reference);
  const compliance = await callSite(site, 'compliance.device', { clientId: device.id });
  if (format === 'json') return writeProperties(compliance, format);
  console.log(
    `${compliance.name}: last scan ${compliance.lastScanAt ?? 'never'} (${compliance.lastScanState}, ${compliance.lastScanErrorCode})`,
  );
  process.stdout.write(
    printRows(
      compliance.updates,
      [
        { header: 'Article ID', value: (u) => u.articleId },
        { header: 'Title', value: (u) => u.title },
        { header: 'State', value: (u) => u.state },
        { header: 'State Time', value: (u) => u.stateTime },
      ],
      format,
    ),
  );
}

/** `patchbay compliance show` and `patchbay summarize` (Invoke-CMSoftwareUpdateSummarization). */
export function registerCompliance(program: Command): void {
  const compliance = program.command('compliance').description('Software update compliance');
  withSiteOptions(
    compliance
      .command('show')
      .description('Live compliance of an update, a software update group or a device')
      .option('--update <update>', 'an update by article ID, GUID or ci:<CI ID>')
      .option('--group <group>', 'a software update group by name or ID')
      .option('--device <device>', 'a device by name or ID (Compliance 5 — Specific computer)')
      .option('--unknown', 'with --update: the Unknown devices and why')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(
    async (
      options: SiteCommandOptions & {
        update?: string;
        group?: string;
        device?: string;
        unknown?: boolean;
        format: string;
      },
    ) => {
      const format = formatOf(options.format);
      const chosen = [options.update, options.group, options.device].filter(Boolean).length;
      if (chosen !== 1)
        throw new SiteError('invalid-input', 'Name exactly one of --update, --group or --device.');
      await withSite(options, async (site) => {
        if (options.update)
          await showUpdate(site, options.update, format, options.unknown === true);
        else if (options.group) await showGroup(site, options.group, format);
        else await showDevice(site, options.device!, format);
      });
    },
  );

  withSiteOptions(
    program
      .command('summarize')
      .description(
        'Run Summarization now (Invoke-CMSoftwareUpdateSummarization), or set its schedule',
      )
      .option('--schedule <every>', 'instead of running: summarize every <every> --unit')
      .option('--unit <unit>', 'minutes (10–59), hours (1–23) or days (1–31)', 'hours'),
  ).action(async (options: SiteCommandOptions & { schedule?: string; unit: string }) => {
    if (options.schedule) {
      await withSite(options, async (site) => {
        const saved = await callSite(site, 'compliance.setSchedule', {
          unit: options.unit,
          every: Number(options.schedule),
        } as SummarizationSchedule);
        console.log(
          `Software update summarization runs every ${saved.schedule.every} ${saved.schedule.unit}.`,
        );
      });
      return;
    }
    // This process runs the job, so the command works without a console open.
    const site = await openSiteFor(options, true);
    try {
      const { jobId } = await callSite(site, 'compliance.runSummarization', {});
      const job = await waitForJob(site, jobId);
      if (job.state !== 'succeeded')
        throw new SiteError('internal', `Summarization ${job.state}: ${job.error ?? ''}`);
      const result = job.result as {
        updates: number;
        groups: number;
        correctedUpdates: number;
        correctedGroups: number;
      };
      console.log(
        `Summarized ${result.updates} updates and ${result.groups} groups; ${result.correctedUpdates + result.correctedGroups} counter(s) differed from the live ones.`,
      );
    } finally {
      await site.close();
    }
  });
}
