import { makeStyles } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { Job } from '../../shared/contract';
import { formatDateTime, formatPercent } from '../format';
import type { DetailsProps } from '../nodes/types';
import { JobLogView } from './job-log-view';
import { JobStateLabel } from './job-state';
import { PropertyList } from './property-list';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(260px, 340px) minmax(0, 1fr)',
    gap: '16px',
    height: '100%',
    minHeight: 0,
  },
  summary: { overflowY: 'auto', minHeight: 0 },
});

/** A job's summary and its live log. The job itself is read live from the jobs store. */
export const JobDetails = observer(function JobDetails({ row, services }: DetailsProps<Job>) {
  const styles = useStyles();
  const job = services.jobs.jobs.get(row.id) ?? row;
  return (
    <div className={styles.layout}>
      <div className={styles.summary}>
        <PropertyList
          rows={[
            { label: 'Job ID', value: job.id },
            { label: 'Title', value: job.title },
            { label: 'Kind', value: job.kind },
            { label: 'State', value: <JobStateLabel job={job} /> },
            { label: 'Progress', value: `${formatPercent(job.progress)} — ${job.progressText}` },
            { label: 'Created', value: formatDateTime(job.createdAt) },
            { label: 'Started', value: formatDateTime(job.startedAt) },
            { label: 'Finished', value: formatDateTime(job.finishedAt) },
            { label: 'Created By', value: job.createdBy },
            { label: 'Attempts', value: `${job.attempts} of ${job.maxAttempts}` },
            { label: 'Error', value: job.error ?? '' },
          ]}
        />
      </div>
      <JobLogView key={job.id} jobId={job.id} services={services} />
    </div>
  );
});
