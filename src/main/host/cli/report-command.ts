import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  reportNames,
  reportParameterKinds,
  ReportParameterKind,
  type ReportName,
  type ReportSchedule,
} from '../../../shared/contract/reports';
import { weekdays, type CustomSchedule } from '../../../shared/schedule/schedule';
import { exportReport } from '../../site/reports/export/report-export';
import { callSite } from './call-site';
import { parseFormat, printRows } from './output';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';
import { waitForJob } from './wait-for-job';

/**
 * A report named in full ("Compliance 1 - Overall compliance") or by its number ("Compliance 1");
 * anything else is refused with the list of reports.
 */
export function resolveReportName(text: string): ReportName {
  const wanted = text.trim().toLowerCase();
  const found = reportNames.find(
    (name) => name.toLowerCase() === wanted || name.split(' - ')[0]!.toLowerCase() === wanted,
  );
  if (!found) throw new Error(`"${text}" is not a report. Reports:\n  ${reportNames.join('\n  ')}`);
  return found;
}

/** `--param collection="All Systems" --param group=3` as the parameters object. */
function parseParams(values: string[] | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const each of values ?? []) {
    const at = each.indexOf('=');
    if (at <= 0) throw new Error(`--param: "${each}" is not name=value.`);
    params[each.slice(0, at).trim()] = each.slice(at + 1);
  }
  return params;
}

const fileFormats = ['csv', 'xlsx', 'pdf'] as const;
type FileFormat = (typeof fileFormats)[number];
function parseFileFormat(value: string): FileFormat {
  if ((fileFormats as readonly string[]).includes(value)) return value as FileFormat;
  throw new Error(`--format: "${value}" is not one of csv, xlsx, pdf.`);
}

interface RunOptions extends SiteCommandOptions {
  param?: string[];
  format: string;
  out?: string;
}

interface ScheduleOptions extends SiteCommandOptions {
  param?: string[];
  format: string;
  folder: string;
  start: string;
  utc?: boolean;
  every?: string;
  unit?: string;
  weekly?: string;
  everyWeeks?: string;
  monthlyDay?: string;
  everyMonths?: string;
}

/** The Custom Schedule the options describe: an interval, a weekday, a day of the month or once. */
function parseSchedule(options: ScheduleOptions): CustomSchedule {
  const base = { kind: 'custom' as const, start: options.start, isUtc: options.utc === true };
  if (options.weekly) {
    const day = weekdays.find((each) => each.toLowerCase() === options.weekly!.toLowerCase());
    if (!day)
      throw new Error(`--weekly: "${options.weekly}" is not one of ${weekdays.join(', ')}.`);
    return {
      ...base,
      recurrence: { pattern: 'weekly', everyWeeks: Number(options.everyWeeks ?? 1), day },
    };
  }
  if (options.monthlyDay)
    return {
      ...base,
      recurrence: {
        pattern: 'monthly-day',
        everyMonths: Number(options.everyMonths ?? 1),
        day: Number(options.monthlyDay),
      },
    };
  if (options.every) {
    const unit = options.unit ?? 'days';
    if (unit !== 'minutes' && unit !== 'hours' && unit !== 'days')
      throw new Error(`--unit: "${unit}" is not one of minutes, hours, days.`);
    return { ...base, recurrence: { pattern: 'interval', every: Number(options.every), unit } };
  }
  return { ...base, recurrence: { pattern: 'none' } };
}

function describeRecurrence(schedule: CustomSchedule): string {
  const rule = schedule.recurrence;
  const at = `${schedule.start.replace('T', ' ')}${schedule.isUtc ? ' UTC' : ''}`;
  switch (rule.pattern) {
    case 'none':
      return `once at ${at}`;
    case 'interval':
      return `every ${rule.every} ${rule.unit} from ${at}`;
    case 'weekly':
      return `every ${rule.everyWeeks > 1 ? `${rule.everyWeeks} weeks` : 'week'} on ${rule.day} from ${at}`;
    case 'monthly-day':
      return `day ${rule.day} of every ${rule.everyMonths > 1 ? `${rule.everyMonths} months` : 'month'} from ${at}`;
    default:
      return `${rule.pattern} from ${at}`;
  }
}

function printSchedules(schedules: ReportSchedule[], format: string): string {
  return printRows<ReportSchedule>(
    schedules,
    [
      { header: 'ID', value: (s) => s.id },
      { header: 'Report', value: (s) => s.report },
      {
        header: 'Parameters',
        value: (s) =>
          Object.entries(s.parameters)
            .map(([name, value]) => `${name}=${value}`)
            .join(' '),
      },
      { header: 'Format', value: (s) => s.format },
      { header: 'Folder', value: (s) => s.folder },
      { header: 'Schedule', value: (s) => describeRecurrence(s.schedule) },
      { header: 'Next run', value: (s) => s.nextRunAt },
      { header: 'Last run', value: (s) => s.lastRunAt },
      { header: 'Last file', value: (s) => s.lastFile },
      { header: 'Last error', value: (s) => s.lastError },
    ],
    parseFormat(format),
  );
}

/** Monitoring > Reporting > Reports > Software Updates, from the shell. */
export function registerReport(program: Command): void {
  const report = program
    .command('report')
    .description('Software Updates reports: list, run and export, schedule');

  withSiteOptions(
    report
      .command('list')
      .description('Every built-in Software Updates report, by category, with its parameters')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (options: SiteCommandOptions & { format: string }) => {
    const format = parseFormat(options.format);
    const site = await openSiteFor(options, false);
    try {
      const { categories } = await callSite(site, 'reports.list', {});
      const rows = categories.flatMap((category) =>
        category.reports.map((each) => ({ ...each, category: category.name })),
      );
      process.stdout.write(
        printRows(
          rows,
          [
            { header: 'Category', value: (r) => r.category },
            { header: 'Report', value: (r) => r.name },
            {
              header: 'Parameters',
              value: (r) =>
                r.parameters.map((p) => `${p.name}${p.required ? '' : '?'}:${p.kind}`).join(' '),
            },
          ],
          format,
        ),
      );
    } finally {
      await site.close();
    }
  });

  withSiteOptions(
    report
      .command('values')
      .description(`The values a parameter takes: ${reportParameterKinds.join(', ')}`)
      .argument('<kind>', 'the parameter kind, as `report list` shows it')
      .option('--search <text>', 'only values whose name contains the text')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(
    async (kind: string, options: SiteCommandOptions & { search?: string; format: string }) => {
      const parsed = ReportParameterKind.safeParse(kind);
      if (!parsed.success)
        throw new Error(`"${kind}" is not a parameter kind: ${reportParameterKinds.join(', ')}.`);
      const format = parseFormat(options.format);
      const site = await openSiteFor(options, false);
      try {
        const { values, truncated } = await callSite(site, 'reports.parameterValues', {
          kind: parsed.data,
          ...(options.search ? { search: options.search } : {}),
        });
        process.stdout.write(
          printRows(
            values,
            [
              { header: 'Value', value: (v) => v.value },
              { header: 'Name', value: (v) => v.label },
            ],
            format,
          ),
        );
        if (truncated) console.error('More values exist; narrow them with --search.');
      } finally {
        await site.close();
      }
    },
  );

  withSiteOptions(
    report
      .command('run')
      .description('Run a report and write it as CSV, XLSX, PDF or JSON')
      .argument(
        '<report>',
        'the report\'s name, e.g. "Compliance 1 - Overall compliance" or "Compliance 1"',
      )
      .option('--param <name=value...>', 'a parameter, e.g. collection="All Systems"')
      .option('--format <format>', 'csv, xlsx, pdf or json', 'json')
      .option('--out <file>', 'the file to write (required for xlsx and pdf)'),
  ).action(async (name: string, options: RunOptions) => {
    const reportName = resolveReportName(name);
    const format = options.format;
    if (!['csv', 'xlsx', 'pdf', 'json'].includes(format))
      throw new Error(`--format: "${format}" is not one of csv, xlsx, pdf, json.`);
    if ((format === 'xlsx' || format === 'pdf') && !options.out)
      throw new Error(`--out: a ${format.toUpperCase()} report needs a file to write.`);
    const parameters = parseParams(options.param);
    const site = await openSiteFor(options, false);
    try {
      const result = await callSite(site, 'reports.run', { report: reportName, parameters });
      const content =
        format === 'json'
          ? Buffer.from(`${JSON.stringify(result, null, 2)}\n`)
          : (await exportReport(result, parseFileFormat(format))).content;
      if (options.out) {
        const path = resolve(options.out);
        await writeFile(path, content);
        const rows = result.tables.reduce((sum, table) => sum + table.rows.length, 0);
        console.error(
          `Wrote ${path}: ${result.title}, ${result.tables.length} tables, ${rows} rows, data as of ${result.dataAsOf}.`,
        );
      } else process.stdout.write(content);
    } finally {
      await site.close();
    }
  });

  const schedule = report
    .command('schedule')
    .description('Scheduled reports: written to a folder by a job, on a Custom Schedule');

  withSiteOptions(
    schedule
      .command('create')
      .description(
        'Schedule a report, e.g. Compliance 1 for All Workstations, XLSX, every Monday 07:00',
      )
      .argument('<report>', 'the report\'s name or number, e.g. "Compliance 1"')
      .option('--param <name=value...>', 'a parameter, e.g. collection="All Systems"')
      .requiredOption('--format <format>', 'csv, xlsx or pdf')
      .requiredOption('--folder <dir>', 'absolute folder on the site server the file is written to')
      .requiredOption('--start <time>', 'first run, wall clock YYYY-MM-DDTHH:MM')
      .option('--utc', "the start time is UTC (default: the site server's local time)")
      .option('--weekly <day>', 'every week on this day, e.g. Monday')
      .option('--every-weeks <n>', 'with --weekly: every n weeks (1–4)')
      .option('--monthly-day <n>', 'on this day of the month (1–31)')
      .option('--every-months <n>', 'with --monthly-day: every n months (1–12)')
      .option('--every <n>', 'every n --unit')
      .option('--unit <unit>', 'minutes, hours or days (with --every)', 'days'),
  ).action(async (name: string, options: ScheduleOptions) => {
    const reportName = resolveReportName(name);
    const site = await openSiteFor(options, false);
    try {
      const created = await callSite(site, 'reports.schedules.create', {
        report: reportName,
        parameters: parseParams(options.param),
        format: parseFileFormat(options.format),
        folder: resolve(options.folder),
        schedule: parseSchedule(options),
      });
      process.stdout.write(printSchedules([created], 'table'));
    } finally {
      await site.close();
    }
  });

  withSiteOptions(
    schedule
      .command('list')
      .description('Scheduled reports with their next run, last run, last file and last error')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (options: SiteCommandOptions & { format: string }) => {
    const site = await openSiteFor(options, false);
    try {
      process.stdout.write(
        printSchedules(await callSite(site, 'reports.schedules.list', {}), options.format),
      );
    } finally {
      await site.close();
    }
  });

  withSiteOptions(
    schedule.command('delete').description('Remove a scheduled report').argument('<id>'),
  ).action(async (id: string, options: SiteCommandOptions) => {
    const site = await openSiteFor(options, false);
    try {
      const { deleted } = await callSite(site, 'reports.schedules.delete', { id: Number(id) });
      if (!deleted) throw new Error(`There is no scheduled report ${id}.`);
      console.log(`Removed scheduled report ${id}.`);
    } finally {
      await site.close();
    }
  });

  withSiteOptions(
    schedule
      .command('run')
      .description('Run a scheduled report now and wait for its file')
      .argument('<id>'),
  ).action(async (id: string, options: SiteCommandOptions) => {
    const site = await openSiteFor(options, true);
    try {
      const { jobId } = await callSite(site, 'reports.schedules.runNow', { id: Number(id) });
      const job = await waitForJob(site, jobId);
      if (job.state !== 'succeeded') throw new Error(`The report job ${job.state}: ${job.error}`);
      const result = job.result as { path: string; bytes: number };
      console.log(`Wrote ${result.path} (${result.bytes} bytes).`);
    } finally {
      await site.close();
    }
  });
}
