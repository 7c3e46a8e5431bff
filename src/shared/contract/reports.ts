import { z } from 'zod';
import { method } from './define';
import { CustomSchedule } from '../schedule/schedule';
import { IsoTime } from './list-query';

/**
 * The built-in Software Updates reports (spec §11.1). ConfigMgr's SSRS reports read summarized
 * data; Patchbay's read the live counters, so every result says when it was read (`dataAsOf`).
 * The console, the CLI and scheduled reports all go through `reports.run`, so a report cannot
 * show one thing on screen and another in its file.
 */
export const reportCategories = [
  'Software Updates - A Compliance',
  'Software Updates - B Deployment Management',
  'Software Updates - C Deployment States',
  'Software Updates - D Scan',
  'Software Updates - E Troubleshooting',
] as const;
export const ReportCategory = z.enum(reportCategories);
export type ReportCategory = z.infer<typeof ReportCategory>;

/** Names exactly as §11.1 lists them; the CLI and schedules name a report this way. */
export const reportNames = [
  'Compliance 1 - Overall compliance',
  'Compliance 2 - Specific software update',
  'Compliance 3 - Update group (per update)',
  'Compliance 4 - Updates by vendor month year',
  'Compliance 5 - Specific computer',
  'Compliance 6 - Specific software update states (secondary)',
  'Compliance 7 - Computers in a specific compliance state for an update group (secondary)',
  'Compliance 8 - Computers in a specific compliance state for an update (secondary)',
  'Compliance 9 - Overall health and compliance',
  'Management 1 - Deployments of an update group',
  'Management 2 - Updates required but not deployed',
  'Management 3 - Updates in a deployment',
  'Management 4 - Deployments that target a collection',
  'Management 5 - Deployments that target a computer',
  'Management 6 - Deployments that contain a specific update',
  'Management 7 - Updates in a deployment missing content',
  'Management 8 - Computers missing content (secondary)',
  'States 1 - Enforcement states for a deployment',
  'States 2 - Evaluation states for a deployment',
  'States 3 - States for a deployment and computer',
  'States 4 - Computers in a specific state for a deployment (secondary)',
  'States 5 - States for an update in a deployment (secondary)',
  'States 6 - Computers in a specific enforcement state for an update (secondary)',
  'Scan 1 - Last scan states by collection',
  'Scan 2 - Last scan states by site',
  'Scan 3 - Clients of a collection reporting a specific state (secondary)',
  'Scan 4 - Clients of a site reporting a specific state (secondary)',
  'Troubleshooting 1 - Scan errors',
  'Troubleshooting 2 - Deployment errors',
  'Troubleshooting 3 - Computers failing with a specific scan error (secondary)',
  'Troubleshooting 4 - Computers failing with a specific deployment error (secondary)',
] as const;
export const ReportName = z.enum(reportNames);
export type ReportName = z.infer<typeof ReportName>;

/**
 * What a parameter picks. The picker for each kind lists what exists (`reports.parameterValues`);
 * the value is always a string (an id, a name, a state), as the CLI's `--param name=value` types it.
 */
export const reportParameterKinds = [
  'collection',
  'update',
  'group',
  'vendor',
  'year',
  'month',
  'computer',
  'deployment',
  /** A client's compliance with a set of updates: Compliant, Non-compliant, Unknown. */
  'complianceState',
  /** TopicType 500 (§4.1): Unknown, Not Required, Required, Installed. */
  'detectionState',
  /** A client's latest deployment message as `topic-state` ("301-6"), or `none` (§9.3). */
  'deploymentState',
  /** TopicType 501 (§4.2) by its text, e.g. "Failed". */
  'scanState',
  'site',
  'errorCode',
] as const;
export const ReportParameterKind = z.enum(reportParameterKinds);
export type ReportParameterKind = z.infer<typeof ReportParameterKind>;

export const ReportParameterDefinition = z.object({
  /**
   * The key in `parameters` and in `--param name=value`, e.g. `collection`. Ids are the
   * values of collections, updates (CI_ID), groups, computers and deployments.
   */
  name: z.string(),
  /** The label on the report's parameter bar, e.g. "Collection". */
  label: z.string(),
  kind: ReportParameterKind,
  required: z.boolean(),
});
export type ReportParameterDefinition = z.infer<typeof ReportParameterDefinition>;

export const ReportDefinition = z.object({
  name: ReportName,
  category: ReportCategory,
  description: z.string(),
  /** Secondary reports are drill-through targets, normally opened from a parent report's row. */
  isSecondary: z.boolean(),
  parameters: z.array(ReportParameterDefinition),
});
export type ReportDefinition = z.infer<typeof ReportDefinition>;

/** One choice in a picker: the value sent back in `parameters`, and the text the admin reads. */
export const ReportParameterValue = z.object({ value: z.string(), label: z.string() });
export type ReportParameterValue = z.infer<typeof ReportParameterValue>;

/** Parameter values by name; every value is a string, as typed on the command line. */
export const ReportParameters = z.record(z.string(), z.string().max(400));
export type ReportParameters = z.infer<typeof ReportParameters>;

export const ReportColumnType = z.enum(['text', 'number', 'percent', 'date']);
export type ReportColumnType = z.infer<typeof ReportColumnType>;

export const ReportColumn = z.object({
  key: z.string(),
  header: z.string(),
  /** percent cells hold 0–100; date cells hold ISO times (or null). Exports type cells by this. */
  type: ReportColumnType,
});
export type ReportColumn = z.infer<typeof ReportColumn>;

export const ReportCell = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof ReportCell>;

/**
 * Clicking a row opens `report` with the current parameters that `report` defines (others are
 * dropped: a run refuses a parameter its report does not have) plus, for each entry of
 * `parameterFromColumn`, the parameter named by the key taking that row's value in the column
 * named by the value (a column may be hidden from the table: see `hiddenKeys`). A row whose
 * value is null in one of those columns (a summary row) opens nothing.
 */
export const ReportDrillThrough = z.object({
  report: ReportName,
  parameterFromColumn: z.record(z.string(), z.string()),
});
export type ReportDrillThrough = z.infer<typeof ReportDrillThrough>;

export const ReportTable = z.object({
  name: z.string(),
  columns: z.array(ReportColumn),
  rows: z.array(z.record(z.string(), ReportCell)),
  /** Row keys that carry ids for drill-through but are not shown or exported as columns. */
  hiddenKeys: z.array(z.string()).default([]),
  drillThrough: ReportDrillThrough.optional(),
});
export type ReportTable = z.infer<typeof ReportTable>;

export const ReportChartPoint = z.object({ label: z.string(), value: z.number() });
export const ReportChart = z.object({
  kind: z.enum(['pie', 'bar']),
  title: z.string(),
  points: z.array(ReportChartPoint),
});
export type ReportChart = z.infer<typeof ReportChart>;

export const ReportResult = z.object({
  report: ReportName,
  title: z.string(),
  /** Each parameter given, with the text it stands for (a collection's name, not its id). */
  parameters: z.array(
    z.object({ name: z.string(), label: z.string(), value: z.string(), display: z.string() }),
  ),
  /** When the live counters were read. */
  dataAsOf: IsoTime,
  tables: z.array(ReportTable),
  charts: z.array(ReportChart),
});
export type ReportResult = z.infer<typeof ReportResult>;

export const reportExportFormats = ['csv', 'xlsx', 'pdf', 'json'] as const;
export const ReportExportFormat = z.enum(reportExportFormats);
export type ReportExportFormat = z.infer<typeof ReportExportFormat>;

/** The run request: the same shape in the console, the CLI and a schedule. */
export const ReportRunRequest = z
  .object({ report: ReportName, parameters: ReportParameters.default({}) })
  .strict();
export type ReportRunRequest = z.input<typeof ReportRunRequest>;

/**
 * A scheduled report (issue 15 item 5): run with its parameters on a Custom Schedule and write
 * its file into a folder on the site server, as a durable job; listed with its last run and error.
 */
export const ReportScheduleCreate = z
  .object({
    report: ReportName,
    parameters: ReportParameters.default({}),
    format: z.enum(['csv', 'xlsx', 'pdf']),
    /** An absolute folder on the site server; the file is named after the report and the run time. */
    folder: z.string().min(1).max(1000),
    schedule: CustomSchedule,
  })
  .strict();
export type ReportScheduleCreate = z.input<typeof ReportScheduleCreate>;

export const ReportSchedule = z.object({
  id: z.number().int(),
  report: ReportName,
  parameters: ReportParameters,
  format: z.enum(['csv', 'xlsx', 'pdf']),
  folder: z.string(),
  schedule: CustomSchedule,
  nextRunAt: IsoTime.nullable(),
  lastRunAt: IsoTime.nullable(),
  /** The file the last successful run wrote. */
  lastFile: z.string().nullable(),
  lastError: z.string().nullable(),
  createdBy: z.string(),
});
export type ReportSchedule = z.infer<typeof ReportSchedule>;

export const reportMethods = {
  'reports.list': method(
    z.object({}).strict(),
    z.object({
      categories: z.array(z.object({ name: ReportCategory, reports: z.array(ReportDefinition) })),
    }),
    'Every built-in Software Updates report (§11.1) by category, with its parameters.',
  ),
  'reports.parameterValues': method(
    z
      .object({
        kind: ReportParameterKind,
        /** Narrows long pickers (computers, updates) by name. */
        search: z.string().max(200).optional(),
      })
      .strict(),
    z.object({ values: z.array(ReportParameterValue), truncated: z.boolean() }),
    'The values a parameter picker lists, from what exists on the site.',
  ),
  'reports.run': method(
    ReportRunRequest,
    ReportResult,
    'Run a report on the live counters: its tables, charts and drill-through links.',
  ),
  'reports.export': method(
    ReportRunRequest.extend({ format: z.enum(['csv', 'xlsx', 'pdf']) }).strict(),
    z.object({
      fileName: z.string(),
      mimeType: z.string(),
      /** The file's bytes, base64: the console saves them where the admin chooses. */
      contentBase64: z.string(),
    }),
    'Run a report and export it as CSV, XLSX or PDF.',
  ),
  'reports.schedules.list': method(
    z.object({}).strict(),
    z.array(ReportSchedule),
    'Scheduled reports with their next run, last run and last error.',
  ),
  'reports.schedules.create': method(
    ReportScheduleCreate,
    ReportSchedule,
    'Schedule a report with its parameters to write its file to a folder.',
  ),
  'reports.schedules.delete': method(
    z.object({ id: z.number().int().positive() }).strict(),
    z.object({ deleted: z.boolean() }),
    'Remove a scheduled report.',
  ),
  'reports.schedules.runNow': method(
    z.object({ id: z.number().int().positive() }).strict(),
    z.object({ jobId: z.number().int() }),
    'Run a scheduled report now, as a job, without moving its next run.',
  ),
} as const;
