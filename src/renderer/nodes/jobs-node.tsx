import { DismissCircleRegular, TaskListLtrRegular } from '@fluentui/react-icons';
import type { Job, JobListQuery } from '../../shared/contract';
import { JobDetails } from '../details/job-details';
import { JobStateLabel, jobStateLabel } from '../details/job-state';
import { formatDateTime, formatPercent } from '../format';
import { canCancelJob } from '../stores/jobs-store';
import { defineListNode } from './types';

type SortColumn = NonNullable<JobListQuery['sort']>['column'];

/** Monitoring > Jobs: every durable job of the site, over `jobs.list`, live from events. */
export function jobsNode(parentId: string) {
  return defineListNode<Job>({
    id: 'monitoring.jobs',
    title: 'Jobs',
    icon: TaskListLtrRegular,
    workspace: 'monitoring',
    parentId,
    columns: [
      {
        id: 'id',
        header: 'Job ID',
        isDefault: true,
        sortKey: 'id',
        width: 80,
        align: 'right',
        text: (job) => String(job.id),
        exportValue: (job) => job.id,
      },
      { id: 'title', header: 'Title', isDefault: true, width: 260, text: (job) => job.title },
      {
        id: 'state',
        header: 'State',
        isDefault: true,
        sortKey: 'state',
        width: 120,
        text: jobStateLabel,
        cell: ({ row }) => <JobStateLabel job={row} />,
      },
      {
        id: 'progress',
        header: 'Progress',
        isDefault: true,
        width: 84,
        align: 'right',
        text: (job) => formatPercent(job.progress),
        exportValue: (job) => Math.round(job.progress * 100),
      },
      {
        id: 'progressText',
        header: 'Status',
        isDefault: true,
        width: 320,
        text: (job) => job.progressText,
      },
      {
        id: 'createdAt',
        header: 'Created',
        isDefault: true,
        sortKey: 'createdAt',
        width: 170,
        text: (job) => formatDateTime(job.createdAt),
        exportValue: (job) => job.createdAt,
      },
      {
        id: 'startedAt',
        header: 'Started',
        width: 170,
        text: (job) => formatDateTime(job.startedAt),
        exportValue: (job) => job.startedAt,
      },
      {
        id: 'finishedAt',
        header: 'Finished',
        isDefault: true,
        width: 170,
        text: (job) => formatDateTime(job.finishedAt),
        exportValue: (job) => job.finishedAt,
      },
      {
        id: 'createdBy',
        header: 'Created By',
        isDefault: true,
        width: 140,
        text: (job) => job.createdBy,
      },
      { id: 'kind', header: 'Kind', sortKey: 'kind', width: 160, text: (job) => job.kind },
      {
        id: 'attempts',
        header: 'Attempts',
        width: 84,
        align: 'right',
        text: (job) => `${job.attempts} of ${job.maxAttempts}`,
      },
      { id: 'error', header: 'Error', width: 320, text: (job) => job.error ?? '' },
    ],
    rowId: (job) => String(job.id),
    source:
      ({ api }) =>
      ({ sort, search, page }) =>
        api.call('jobs.list', {
          filter: search ? { text: search } : undefined,
          sort: sort && { column: sort.column as SortColumn, direction: sort.direction },
          page,
        }),
    searchHint: 'Search title, status or error',
    defaultSort: { columnId: 'id', direction: 'desc' },
    emptyText:
      'No jobs have run on this site yet. Long actions, such as Back Up Site Database, run as jobs and are listed here.',
    ribbon: [
      {
        label: 'Job',
        actions: [
          {
            id: 'cancelJob',
            label: 'Cancel Job',
            icon: DismissCircleRegular,
            description:
              'Asks the selected queued or running jobs to stop at their next checkpoint.',
            isEnabled: ({ selection, services }) =>
              selection.length > 0 &&
              selection.every((job) => canCancelJob(services.jobs.jobs.get(job.id) ?? job)),
            run: async ({ selection, services }) => {
              await Promise.all(selection.map((job) => services.jobs.cancel(job.id)));
            },
          },
        ],
      },
    ],
    details: JobDetails,
    describe: (job) => `${job.title} (job ${job.id})`,
    onEvent: (event, list) => {
      if (event.type !== 'job.changed') return;
      if (list.updateRows([event.job]).length > 0) list.refreshSoon();
    },
  });
}
