import { makeStyles, tokens } from '@fluentui/react-components';
import { ChevronRightRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { Fragment } from 'react';
import type { ShellStore } from '../stores/shell-store';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: '2px',
    height: '24px',
    flexShrink: 0,
    padding: '0 6px',
    fontSize: '12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  },
  segment: {
    border: 'none',
    background: 'transparent',
    padding: '1px 4px',
    fontFamily: 'inherit',
    fontSize: '12px',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    borderRadius: '2px',
    ':hover': { backgroundColor: '#e5f3ff' },
  },
  root: { color: tokens.colorNeutralForeground3, padding: '0 4px' },
  chevron: { fontSize: '12px', color: tokens.colorNeutralForeground3, flexShrink: 0 },
});

/** The console's address bar: \ > Workspace > Overview > … > Node, each part clickable. */
export const AddressBar = observer(function AddressBar({ shell }: { shell: ShellStore }) {
  const styles = useStyles();
  const path = shell.path;
  return (
    <nav className={styles.bar} aria-label="Location" data-testid="address-bar">
      <span className={styles.root}>\</span>
      <ChevronRightRegular className={styles.chevron} aria-hidden />
      <button
        type="button"
        className={styles.segment}
        onClick={() => shell.selectNode(shell.workspace.startNodeId)}
      >
        {shell.workspace.title}
      </button>
      {path.map((node) => (
        <Fragment key={node.id}>
          <ChevronRightRegular className={styles.chevron} aria-hidden />
          <button
            type="button"
            className={styles.segment}
            aria-current={node.id === shell.currentNodeId ? 'page' : undefined}
            onClick={() => shell.selectNode(node.id)}
          >
            {node.title}
          </button>
        </Fragment>
      ))}
    </nav>
  );
});
