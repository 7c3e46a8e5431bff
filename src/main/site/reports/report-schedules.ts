import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import {
  ReportName,
  ReportParameters,
  type ReportScheduleCreate,
  type ReportSchedule,
} from '../../../shared/contract/reports';
import { SiteError } from '../../../shared/errors';
import { nextOccurrence } from '../../../shared/schedule/next-occurrence';
import { CustomSchedule } from '../../../shared/schedule/schedule';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { defineJob, PermanentJobError } from '../jobs/job-handler';
import type { JobQueue } from '../jobs/job-queue';
import { exportReport } from './export/report-export';
import { runReport } from './report-run';

export const scheduledReportJobKind = 'report.scheduled';

type Row = {
  id: number;
  report: string;
  parameters: string;
  format: string;
  folder: string;
  schedule: string;
  next_run_at: string | null;
  last_run_at: string | null;
  last_file: string | null;
  last_error: string | null;
  created_by: string;
};

function toSchedule(row: Row): ReportSchedule {
  return {
    id: row.id,
    report: ReportName.parse(row.report),
    parameters: ReportParameters.parse(JSON.parse(row.parameters)),
    format: z.enum(['csv', 'xlsx', 'pdf']).parse(row.format),
    folder: row.folder,
    schedule: CustomSchedule.parse(JSON.parse(row.schedule)),
    nextRunAt: row.next_run_at,
    lastRunAt: row.last_run_at,
    lastFile: row.last_file,
    lastError: row.last_error,
    createdBy: row.created_by,
  };
}

export async function listReportSchedules(site: SiteDatabase): Promise<ReportSchedule[]> {
  const rows = await site.read.selectFrom('report_schedule').selectAll().orderBy('id').execute();
  return rows.map((row) => toSchedule(row as Row));
}

async function readSchedule(site: SiteDatabase, id: number): Promise<ReportSchedule> {
  const row = await site.db
    .selectFrom('report_schedule')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new SiteError('not-found', `id: scheduled report ${id} does not exist.`);
  return toSchedule(row as Row);
}

/**
 * Schedules a report. The parameters are checked by running the report once now (a schedule
 * that could never run is refused at once, with the valid parameters), and the folder must be
 * an absolute path on the site server.
 */
export async function createReportSchedule(
  site: SiteDatabase,
  clock: Clock,
  input: z.output<typeof ReportScheduleCreate>,
  user: string,
): Promise<ReportSchedule> {
  if (!isAbsolute(input.folder))
    throw new SiteError(
      'invalid-input',
      `folder: "${input.folder}" is not an absolute folder on the site server.`,
    );
  await runReport(site.read, input.report, input.parameters, clock.now().toISOString());
  const now = clock.now();
  const next = nextOccurrence(input.schedule, now, null);
  if (!next)
    throw new SiteError('invalid-input', 'schedule: this schedule never runs again after now.');
  const row = await site.db
    .insertInto('report_schedule')
    .values({
      report: input.report,
      parameters: JSON.stringify(input.parameters),
      format: input.format,
      folder: input.folder,
      schedule: JSON.stringify(input.schedule),
      next_run_at: next.toISOString(),
      created_at: now.toISOString(),
      created_by: user,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return readSchedule(site, row.id);
}

export async function deleteReportSchedule(site: SiteDatabase, id: number): Promise<boolean> {
  const result = await site.db
    .deleteFrom('report_schedule')
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function enqueueScheduledReport(
  jobs: JobQueue,
  schedule: ReportSchedule,
  user: string,
): Promise<number> {
  const job = await jobs.enqueue({
    kind: scheduledReportJobKind,
    title: `Scheduled report: ${schedule.report} (${schedule.format.toUpperCase()})`,
    params: { scheduleId: schedule.id },
    createdBy: user,
    maxAttempts: 3,
  });
  return job.id;
}

/**
 * Enqueues the job of every schedule that is due. Each is claimed by moving its next run
 * forward only if nobody moved it first, so two site processes never run one occurrence twice;
 * an occurrence missed while the site was down runs once when it starts again.
 */
export async function enqueueDueReports(
  site: SiteDatabase,
  jobs: JobQueue,
  clock: Clock,
): Promise<number[]> {
  const now = clock.now();
  const due = await site.db
    .selectFrom('report_schedule')
    .selectAll()
    .where('next_run_at', 'is not', null)
    .where('next_run_at', '<=', now.toISOString())
    .orderBy('id')
    .execute();
  const jobIds: number[] = [];
  for (const row of due) {
    const schedule = toSchedule(row as Row);
    const next = nextOccurrence(schedule.schedule, now, null);
    const claimed = await site.db
      .updateTable('report_schedule')
      .set({ next_run_at: next ? next.toISOString() : null })
      .where('id', '=', row.id)
      .where('next_run_at', '=', row.next_run_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    jobIds.push(await enqueueScheduledReport(jobs, schedule, 'SMS_SRS_REPORTING_POINT'));
  }
  return jobIds;
}

/** "Compliance 1 - Overall compliance 2026-12-07 0700.xlsx" is the name the report gives. */
export function scheduledReportJob(deps: { site: SiteDatabase; clock: Clock }) {
  return defineJob({
    kind: scheduledReportJobKind,
    params: z.object({ scheduleId: z.number().int().positive() }),
    maxAttempts: 3,
    isResumable: false,
    async run(context) {
      const schedule = await readSchedule(deps.site, context.params.scheduleId).catch(() => {
        throw new PermanentJobError(
          `The scheduled report ${context.params.scheduleId} was removed before it ran.`,
        );
      });
      const record = (values: { last_error: string | null; last_file?: string }) =>
        deps.site.db
          .updateTable('report_schedule')
          .set({ ...values, last_run_at: deps.clock.now().toISOString() })
          .where('id', '=', schedule.id)
          .execute();
      try {
        context.progress(0.1, `Running ${schedule.report}`);
        const result = await runReport(
          deps.site.read,
          schedule.report,
          schedule.parameters,
          deps.clock.now().toISOString(),
        );
        context.progress(0.5, `Writing ${schedule.format.toUpperCase()}`);
        const file = await exportReport(result, schedule.format);
        await mkdir(schedule.folder, { recursive: true });
        const path = join(schedule.folder, file.fileName);
        // Written aside and renamed, so a reader of the folder never opens half a file.
        const part = `${path}.part`;
        try {
          await writeFile(part, file.content);
          await rename(part, path);
        } catch (error) {
          await rm(part, { force: true });
          throw error;
        }
        await record({ last_error: null, last_file: path });
        await context.log(`Wrote ${path} (${file.content.length} bytes).`);
        return { path, bytes: file.content.length };
      } catch (error) {
        const message = (error as Error).message;
        await record({ last_error: message });
        // A report refused on its parameters (a deleted collection) will not succeed on retry.
        if (error instanceof SiteError) throw new PermanentJobError(message);
        throw error;
      }
    },
  });
}

/** Checks every `checkEveryMs` for due scheduled reports. */
export class ReportScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly site: SiteDatabase,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly onEnqueued: () => void,
    private readonly checkEveryMs = 30_000,
  ) {}

  start(): void {
    this.timer = setInterval(
      () =>
        void this.check().catch((error: unknown) =>
          console.error(`Report schedule check failed: ${(error as Error).message}`),
        ),
      this.checkEveryMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async check(): Promise<number[]> {
    const jobIds = await enqueueDueReports(this.site, this.jobs, this.clock);
    if (jobIds.length > 0) this.onEnqueued();
    return jobIds;
  }
}
