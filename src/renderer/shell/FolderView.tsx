import { makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { FolderNode } from '../nodes/types';
import type { ShellStore } from '../stores/shell-store';

const useStyles = makeStyles({
  pane: {
    flex: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    padding: '3px 8px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontSize: '13px', fontWeight: tokens.fontWeightSemibold, margin: 0 },
  body: { padding: '12px 16px' },
  intro: { color: tokens.colorNeutralForeground3, margin: '0 0 8px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '2px' },
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '8px',
    padding: '4px 6px',
    border: 'none',
    background: 'transparent',
    color: tokens.colorBrandForegroundLink,
    fontFamily: 'inherit',
    fontSize: '12px',
    cursor: 'pointer',
    ':hover': { textDecoration: 'underline' },
  },
  icon: { fontSize: '16px' },
});

/** A folder node's result pane: its child nodes as links, like the console's navigation index. */
export const FolderView = observer(function FolderView({
  shell,
  node,
}: {
  shell: ShellStore;
  node: FolderNode;
}) {
  const styles = useStyles();
  const children = shell.registry.children(node.id);
  const Overview = node.overview;
  return (
    <section className={styles.pane} aria-label={node.title}>
      <div className={styles.header}>
        <h1 className={styles.title}>{node.title}</h1>
      </div>
      <div className={styles.body}>
        {Overview && <Overview services={shell.services} />}
        <p className={styles.intro}>
          {node.parentId === null ? shell.workspace.title : node.title} contains:
        </p>
        <ul className={styles.list}>
          {children.map((child) => {
            const Icon = child.icon;
            return (
              <li key={child.id}>
                <button
                  type="button"
                  className={styles.link}
                  onClick={() => shell.selectNode(child.id)}
                >
                  <Icon className={styles.icon} aria-hidden />
                  {child.title}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
});
