import { makeStyles, ProgressBar, Spinner, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../shared/contract';
import { formatPercent, formatTime } from '../format';
import type { ConsoleServices } from '../stores/console-services';
import { JobLogStore } from '../stores/job-log-store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '8px', height: '100%' },
  row: { display: 'flex', justifyContent: 'space-between', gap: '12px' },
  text: { overflowWrap: 'anywhere' },
  percent: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
  log: {
    flex: 1,
    minHeight: '120px',
    margin: 0,
    padding: '4px 6px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: '11px',
    lineHeight: '16px',
    whiteSpace: 'pre-wrap',
  },
  waiting: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyBase },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The Progress page: the job's bar and sentence as the site reports them, and its log lines as
 * they are written (the console's window on PatchDownloader.log), newest at the bottom.
 */
export const WizardProgress = observer(function WizardProgress({
  job,
  services,
  waitingText,
}: {
  job: Job | undefined;
  services: ConsoleServices;
  /** What the page says before the job's first report, e.g. "Starting the download…". */
  waitingText: string;
}) {
  const styles = useStyles();
  if (!job) return <Spinner size="small" label={waitingText} labelPosition="after" />;
  const isQueued = job.state === 'queued';
  return (
    <div className={styles.page}>
      <div className={styles.row}>
        <span className={styles.text}>{isQueued ? 'Waiting for the site…' : job.title}</span>
        <span className={styles.percent}>{formatPercent(job.progress)}</span>
      </div>
      <ProgressBar
        value={isQueued ? undefined : job.progress}
        max={1}
        thickness="large"
        aria-label="Progress"
        data-progress={job.progress}
      />
      <span className={styles.text} data-testid="wizard-progress-text">
        {job.progressText}
      </span>
      <JobLogLines jobId={job.id} services={services} />
    </div>
  );
});

const JobLogLines = observer(function JobLogLines({
  jobId,
  services,
}: {
  jobId: number;
  services: ConsoleServices;
}) {
  const styles = useStyles();
  const [log] = useState(() => new JobLogStore(services.api, services.hub, jobId));
  const bottom = useRef<HTMLPreElement>(null);
  useEffect(() => {
    log.start();
    return () => log.dispose();
  }, [log]);
  const count = log.lines.length;
  useEffect(() => {
    const box = bottom.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [count]);
  return (
    <pre className={styles.log} ref={bottom} aria-label="Job log">
      {count === 0 && (
        <span className={styles.waiting}>
          The job&apos;s log lines appear here as it writes them.
        </span>
      )}
      {log.lines.map((line) => (
        <div
          key={line.seq}
          className={
            line.severity === 'error'
              ? styles.error
              : line.severity === 'warning'
                ? styles.warning
                : undefined
          }
        >
          {formatTime(line.time)} {line.text}
        </div>
      ))}
    </pre>
  );
});
