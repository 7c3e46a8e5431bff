import {
  makeStyles,
  mergeClasses,
  tokens,
  Tree,
  TreeItem,
  TreeItemLayout,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { ConsoleNode } from '../nodes/types';
import type { ShellStore } from '../stores/shell-store';

const useStyles = makeStyles({
  tree: { padding: '2px 0' },
  item: { minHeight: '22px', fontSize: '12px' },
  selected: {
    backgroundColor: '#cce8ff',
    ':hover': { backgroundColor: '#cce8ff' },
  },
  icon: { fontSize: '16px', color: tokens.colorBrandForeground1 },
  folderIcon: { color: '#c19c00' },
});

/** The node tree of the chosen workspace, in the navigation pane. */
export const NodeTree = observer(function NodeTree({ shell }: { shell: ShellStore }) {
  const styles = useStyles();
  return (
    <Tree
      aria-label={shell.workspace.title}
      size="small"
      className={styles.tree}
      openItems={[...shell.expandedNodeIds]}
      onOpenChange={(_event, data) => {
        // A click on the row of an open folder selects it without folding it (as in the
        // ConfigMgr console); the chevron and the arrow keys fold and unfold.
        if (data.type === 'Click' && !data.open) return;
        shell.toggleExpanded(String(data.value), data.open);
      }}
    >
      {shell.registry.roots(shell.workspaceId).map((node) => (
        <NodeTreeItem key={node.id} node={node} shell={shell} />
      ))}
    </Tree>
  );
});

const NodeTreeItem = observer(function NodeTreeItem({
  node,
  shell,
}: {
  node: ConsoleNode;
  shell: ShellStore;
}) {
  const styles = useStyles();
  const children = shell.registry.children(node.id);
  const isSelected = shell.currentNodeId === node.id;
  const Icon = node.icon;
  return (
    <TreeItem
      itemType={children.length > 0 ? 'branch' : 'leaf'}
      value={node.id}
      aria-selected={isSelected}
      data-node-id={node.id}
      onClick={(event) => {
        event.stopPropagation();
        shell.selectNode(node.id);
      }}
    >
      <TreeItemLayout
        className={mergeClasses(styles.item, isSelected && styles.selected)}
        iconBefore={
          <Icon
            className={mergeClasses(styles.icon, node.kind === 'folder' && styles.folderIcon)}
            aria-hidden
          />
        }
      >
        {node.title}
      </TreeItemLayout>
      {children.length > 0 && (
        <Tree>
          {children.map((child) => (
            <NodeTreeItem key={child.id} node={child} shell={shell} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
});
