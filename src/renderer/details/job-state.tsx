import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  ArrowSyncCircleRegular,
  CheckmarkCircleFilled,
  ClockRegular,
  DismissCircleFilled,
  ErrorCircleFilled,
} from '@fluentui/react-icons';
import type { Job } from '../../shared/contract';

/** The word the console uses for a job's state; "Cancelling" while a cancel is pending. */
export function jobStateLabel(job: Pick<Job, 'state' | 'isCancelRequested'>): string {
  if (job.isCancelRequested && (job.state === 'queued' || job.state === 'running')) {
    return 'Cancelling';
  }
  return {
    queued: 'Queued',
    running: 'Running',
    succeeded: 'Succeeded',
    failed: 'Failed',
    cancelled: 'Cancelled',
  }[job.state];
}

const useStyles = makeStyles({
  label: { display: 'inline-flex', alignItems: 'center', gap: '6px' },
  icon: { fontSize: '16px', flexShrink: 0 },
  queued: { color: tokens.colorNeutralForeground3 },
  running: { color: tokens.colorBrandForeground1 },
  succeeded: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  cancelled: { color: tokens.colorNeutralForeground3 },
});

const icons = {
  queued: ClockRegular,
  running: ArrowSyncCircleRegular,
  succeeded: CheckmarkCircleFilled,
  failed: ErrorCircleFilled,
  cancelled: DismissCircleFilled,
};

export function JobStateLabel({ job }: { job: Pick<Job, 'state' | 'isCancelRequested'> }) {
  const styles = useStyles();
  const Icon = icons[job.state];
  return (
    <span className={styles.label}>
      <Icon className={mergeClasses(styles.icon, styles[job.state])} aria-hidden />
      {jobStateLabel(job)}
    </span>
  );
}
