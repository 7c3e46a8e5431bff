import type { SiteHandlers } from '../api/handlers';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { JobQueue } from '../jobs/job-queue';
import type { JobRunner } from '../jobs/job-runner';
import { exportReport } from './export/report-export';
import { parameterValues } from './report-parameters';
import { reportCatalog, runReport } from './report-run';
import {
  createReportSchedule,
  deleteReportSchedule,
  enqueueScheduledReport,
  listReportSchedules,
} from './report-schedules';
import { SiteError } from '../../../shared/errors';

/** Monitoring > Reporting > Reports > Software Updates, and scheduled reports. */
export function createReportHandlers(deps: {
  database: SiteDatabase;
  clock: Clock;
  jobs: JobQueue;
  runner: JobRunner;
}): Pick<SiteHandlers, Extract<keyof SiteHandlers, `reports.${string}`>> {
  const site = deps.database;
  const now = () => deps.clock.now().toISOString();
  return {
    'reports.list': async () => reportCatalog(),
    'reports.parameterValues': ({ kind, search }) => parameterValues(site.read, kind, search),
    'reports.run': ({ report, parameters }) => runReport(site.read, report, parameters, now()),
    'reports.export': async ({ report, parameters, format }) => {
      const file = await exportReport(
        await runReport(site.read, report, parameters, now()),
        format,
      );
      return {
        fileName: file.fileName,
        mimeType: file.mimeType,
        contentBase64: file.content.toString('base64'),
      };
    },
    'reports.schedules.list': () => listReportSchedules(site),
    'reports.schedules.create': (input, { user }) =>
      createReportSchedule(site, deps.clock, input, user),
    'reports.schedules.delete': async ({ id }) => ({
      deleted: await deleteReportSchedule(site, id),
    }),
    'reports.schedules.runNow': async ({ id }, { user }) => {
      const schedule = (await listReportSchedules(site)).find((each) => each.id === id);
      if (!schedule) throw new SiteError('not-found', `id: scheduled report ${id} does not exist.`);
      const jobId = await enqueueScheduledReport(deps.jobs, schedule, user);
      deps.runner.poke();
      return { jobId };
    },
  };
}
