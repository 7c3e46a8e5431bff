import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { ShellStore } from '../stores/shell-store';
import { NodeTree } from './NodeTree';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    padding: '4px 8px',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: '13px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  tree: { flex: 1, overflow: 'auto', minHeight: 0 },
  workspaces: { borderTop: `1px solid ${tokens.colorNeutralStroke1}`, flexShrink: 0 },
  workspaceButton: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    width: '100%',
    height: '32px',
    padding: '0 10px',
    border: 'none',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    background: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: '12px',
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'left',
    cursor: 'pointer',
    ':hover': { backgroundColor: '#e5f3ff' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  workspaceSelected: {
    backgroundColor: '#cce8ff',
    ':hover': { backgroundColor: '#cce8ff' },
  },
  workspaceIcon: { fontSize: '20px', color: tokens.colorBrandForeground1 },
});

/** The navigation pane: the workspace's node tree above, the four workspace buttons below. */
export const NavigationPane = observer(function NavigationPane({
  shell,
  width,
}: {
  shell: ShellStore;
  width: number;
}) {
  const styles = useStyles();
  return (
    <nav className={styles.pane} style={{ width }} aria-label="Navigation">
      <div className={styles.header}>{shell.workspace.title}</div>
      <div className={styles.tree}>
        <NodeTree shell={shell} />
      </div>
      <div className={styles.workspaces} role="tablist" aria-label="Workspaces">
        {shell.registry.workspaces.map((workspace) => {
          const Icon = workspace.icon;
          const isSelected = workspace.id === shell.workspaceId;
          return (
            <button
              key={workspace.id}
              type="button"
              role="tab"
              aria-selected={isSelected}
              data-workspace={workspace.id}
              className={mergeClasses(
                styles.workspaceButton,
                isSelected && styles.workspaceSelected,
              )}
              onClick={() => shell.selectWorkspace(workspace.id)}
            >
              <Icon className={styles.workspaceIcon} aria-hidden />
              {workspace.title}
            </button>
          );
        })}
      </div>
    </nav>
  );
});
