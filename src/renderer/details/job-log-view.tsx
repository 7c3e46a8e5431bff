import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { formatTime } from '../format';
import type { ConsoleServices } from '../stores/console-services';
import { JobLogStore } from '../stores/job-log-store';

const useStyles = makeStyles({
  frame: {
    height: '100%',
    minHeight: 0,
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: '12px',
  },
  table: { borderCollapse: 'collapse', width: '100%' },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: 'left',
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: { padding: '1px 8px', verticalAlign: 'top', whiteSpace: 'pre-wrap' },
  time: { whiteSpace: 'nowrap', width: '1%' },
  // CMTrace's colours (spec §12.3): errors red with yellow text, warnings yellow.
  error: { backgroundColor: '#ff0000', color: '#ffff00' },
  warning: { backgroundColor: '#ffff00', color: '#000000' },
  note: {
    padding: '6px 8px',
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyBase,
  },
});

/** A job's log, live, coloured like CMTrace; it follows the end unless the admin scrolled up. */
export const JobLogView = observer(function JobLogView({
  jobId,
  services,
}: {
  jobId: number;
  services: ConsoleServices;
}) {
  const styles = useStyles();
  const [store] = useState(() => new JobLogStore(services.api, services.hub, jobId));
  const frame = useRef<HTMLDivElement>(null);
  const isFollowing = useRef(true);

  useEffect(() => {
    store.start();
    return () => store.dispose();
  }, [store]);

  const lineCount = store.lines.length;
  useLayoutEffect(() => {
    const element = frame.current;
    if (element && isFollowing.current) element.scrollTop = element.scrollHeight;
  }, [lineCount]);

  return (
    <div
      ref={frame}
      className={styles.frame}
      aria-label="Job log"
      onScroll={(event) => {
        const element = event.currentTarget;
        isFollowing.current = element.scrollTop + element.clientHeight >= element.scrollHeight - 4;
      }}
    >
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={mergeClasses(styles.head, styles.cell)}>Log Text</th>
            <th className={mergeClasses(styles.head, styles.cell, styles.time)}>Date/Time</th>
          </tr>
        </thead>
        <tbody>
          {store.lines.map((line) => (
            <tr
              key={line.seq}
              className={
                line.severity === 'error'
                  ? styles.error
                  : line.severity === 'warning'
                    ? styles.warning
                    : undefined
              }
            >
              <td className={styles.cell}>{line.text}</td>
              <td className={mergeClasses(styles.cell, styles.time)}>{formatTime(line.time)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {store.loadError && (
        <div className={styles.note}>The log could not be read: {store.loadError}</div>
      )}
      {!store.isLoading && !store.loadError && lineCount === 0 && (
        <div className={styles.note}>This job has not written to its log yet.</div>
      )}
    </div>
  );
});
