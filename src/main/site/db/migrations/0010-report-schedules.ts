import { id, index, table, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * Scheduled reports (issue 15): a built-in report with its parameters, run on a Custom Schedule
 * as a durable job that writes its file into a folder on the site server. The schedule keeps
 * its next run (so a restart neither skips nor repeats one) and its last run, file and error.
 */
export const migration: Migration = {
  id: '0010-report-schedules',
  statements: [
    table('report_schedule', [
      id(),
      text('report', 'NOT NULL'),
      // JSON object of parameter name -> value, as `reports.run` takes them.
      text('parameters', 'NOT NULL'),
      text('format', 'NOT NULL'),
      text('folder', 'NOT NULL'),
      // JSON CustomSchedule (the Custom Schedule dialog).
      text('schedule', 'NOT NULL'),
      time('next_run_at'),
      time('last_run_at'),
      text('last_file'),
      text('last_error'),
      time('created_at', 'NOT NULL'),
      text('created_by', 'NOT NULL'),
    ]),
    index('report_schedule_due', 'report_schedule', 'next_run_at'),
  ],
};
