import { addColumn, int, text } from '../ddl';
import type { Migration } from './migration';

/**
 * The process that holds a job's lease (issue 17): its host name, pid and start token (boot id
 * and start time on Linux, a random token elsewhere). A job whose owner is gone from this host
 * is taken over at once instead of after its lease runs out.
 */
export const migration: Migration = {
  id: '0015-job-lease-process',
  statements: [
    addColumn('job', text('lease_host')),
    addColumn('job', int('lease_pid')),
    addColumn('job', text('lease_process_start')),
  ],
};
