import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  DismissRegular,
  PanelBottomRegular,
  PanelRightRegular,
  BroomRegular,
} from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import type { ShellStore } from '../stores/shell-store';
import { JobCard } from './JobCard';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    minWidth: 0,
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: '2px',
    padding: '1px 4px 1px 8px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flex: 1, fontWeight: tokens.fontWeightSemibold, fontSize: '12px' },
  list: { flex: 1, minHeight: 0, overflowY: 'auto' },
  bottomList: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    alignContent: 'start',
  },
  empty: { padding: '12px 10px', color: tokens.colorNeutralForeground3 },
});

/** Queued, running and recent jobs, live; docked at the right or the bottom of the console. */
export const JobsPanel = observer(function JobsPanel({
  shell,
  size,
}: {
  shell: ShellStore;
  size: number;
}) {
  const styles = useStyles();
  const { jobs } = shell.services;
  const { layout } = shell;
  const isRight = layout.jobsDock === 'right';
  const shown = jobs.panelJobs;
  return (
    <aside
      className={styles.panel}
      style={isRight ? { width: size } : { height: size }}
      aria-label="Jobs"
      data-dock={layout.jobsDock}
    >
      <div className={styles.header}>
        <span className={styles.title}>
          Jobs{jobs.activeCount > 0 ? ` (${jobs.activeCount} running)` : ''}
        </span>
        <Button
          size="small"
          appearance="subtle"
          icon={<BroomRegular />}
          title="Clear finished jobs from this panel (they stay in Monitoring > Jobs)"
          aria-label="Clear finished jobs"
          disabled={!jobs.hasFinishedShown}
          onClick={() => jobs.clearFinished()}
        />
        <Button
          size="small"
          appearance="subtle"
          icon={isRight ? <PanelBottomRegular /> : <PanelRightRegular />}
          title={isRight ? 'Dock at the bottom' : 'Dock at the right'}
          aria-label={isRight ? 'Dock at the bottom' : 'Dock at the right'}
          onClick={() => layout.setJobsDock(isRight ? 'bottom' : 'right')}
        />
        <Button
          size="small"
          appearance="subtle"
          icon={<DismissRegular />}
          title="Hide the jobs panel"
          aria-label="Hide the jobs panel"
          onClick={() => layout.setJobsPanelOpen(false)}
        />
      </div>
      <div className={mergeClasses(styles.list, !isRight && styles.bottomList)} role="list">
        {shown.map((job) => (
          <JobCard key={job.id} job={job} jobs={jobs} />
        ))}
        {shown.length === 0 && (
          <div className={styles.empty}>
            {jobs.loadError
              ? `Jobs cannot be read: ${jobs.loadError}`
              : 'No jobs are queued or running. Long actions, such as Back Up Site Database, show their progress here.'}
          </div>
        )}
      </div>
    </aside>
  );
});
