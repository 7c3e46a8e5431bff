import { Button, makeStyles, mergeClasses, ProgressBar, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { Job } from '../../shared/contract';
import { JobStateLabel } from '../details/job-state';
import { formatTime } from '../format';
import { canCancelJob, isJobActive, type JobsStore } from '../stores/jobs-store';

const useStyles = makeStyles({
  card: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: '8px',
    rowGap: '3px',
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  meta: { color: tokens.colorNeutralForeground3, fontSize: '11px', whiteSpace: 'nowrap' },
  wide: { gridColumn: '1 / -1' },
  // A failure can quote a long URL: three lines at most, the whole text on hover and in
  // Monitoring > Jobs, so the panel never grows with it.
  sentence: {
    gridColumn: '1 / -1',
    fontSize: '11px',
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
    minWidth: 0,
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  row: { display: 'flex', alignItems: 'center', gap: '8px', fontSize: '11px' },
});

/** One job in the jobs panel: title, state, live progress and its sentence, and Cancel. */
export const JobCard = observer(function JobCard({ job, jobs }: { job: Job; jobs: JobsStore }) {
  const styles = useStyles();
  const isActive = isJobActive(job);
  const finishedAt = job.finishedAt ?? job.startedAt ?? job.createdAt;
  const sentence = job.state === 'failed' && job.error ? job.error : job.progressText;
  return (
    <div className={styles.card} data-job-id={job.id} data-job-state={job.state} role="listitem">
      <span className={styles.title} title={job.title}>
        {job.title}
      </span>
      <span className={styles.meta}>Job {job.id}</span>
      <div className={mergeClasses(styles.row, styles.wide)}>
        <JobStateLabel job={job} />
        <span className={styles.meta}>{formatTime(finishedAt)}</span>
      </div>
      <ProgressBar
        className={styles.wide}
        thickness="medium"
        value={
          isActive && job.state === 'queued'
            ? undefined
            : job.state === 'succeeded'
              ? 1
              : job.progress
        }
        max={1}
        color={job.state === 'failed' ? 'error' : job.state === 'succeeded' ? 'success' : 'brand'}
        aria-label={`${job.title} progress`}
      />
      <span
        className={mergeClasses(styles.sentence, job.state === 'failed' && styles.error)}
        title={sentence}
        data-testid="job-sentence"
      >
        {sentence}
      </span>
      {isActive && (
        <div className={styles.wide}>
          <Button
            size="small"
            disabled={!canCancelJob(job)}
            onClick={() => void jobs.cancel(job.id)}
          >
            {job.isCancelRequested ? 'Cancelling…' : 'Cancel'}
          </Button>
        </div>
      )}
    </div>
  );
});
