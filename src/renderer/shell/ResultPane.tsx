import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { ColumnChooser } from '../grid/ColumnChooser';
import { RowContextMenu } from './RowContextMenu';
import { DataGrid } from '../grid/DataGrid';
import { gridHeaderHeight } from '../grid/grid-theme';
import { formatCount } from '../format';
import type { AnyRow } from '../nodes/types';
import type { ListStore } from '../stores/list-store';
import type { ShellStore } from '../stores/shell-store';
import { SearchBar } from './SearchBar';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, flex: 1 },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    gap: '10px',
    padding: '3px 8px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontSize: '13px', fontWeight: tokens.fontWeightSemibold, margin: 0 },
  count: { color: tokens.colorNeutralForeground3, fontSize: '11px' },
  gridArea: { position: 'relative', flex: 1, minHeight: 0 },
  overlay: {
    position: 'absolute',
    left: 0,
    right: 0,
    bottom: 0,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: '6px',
    padding: '32px 24px',
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
    pointerEvents: 'none',
  },
  sentence: { maxWidth: '560px', lineHeight: '18px' },
  note: { maxWidth: '560px', color: tokens.colorNeutralForeground3, fontSize: '11px' },
  error: { color: tokens.colorPaletteRedForeground1, pointerEvents: 'auto' },
});

/** The result pane: the node's title and item count, the search bar, and the list. */
export const ResultPane = observer(function ResultPane({
  shell,
  list,
}: {
  shell: ShellStore;
  list: ListStore<AnyRow>;
}) {
  const styles = useStyles();
  const { node } = list;
  return (
    <section className={styles.pane} aria-label={node.title}>
      <div className={styles.header}>
        <h1 className={styles.title}>{node.title}</h1>
        <span className={styles.count} data-testid="item-count">
          {list.total === null ? '' : formatCount(list.total, 'item')}
        </span>
      </div>
      {list.node.banner && <list.node.banner list={list} services={shell.services} />}
      <SearchBar list={list} />
      {list.node.criteriaBar && <list.node.criteriaBar list={list} services={shell.services} />}
      <div className={styles.gridArea}>
        <DataGrid key={node.id} list={list} onOpen={() => shell.openSelected()} />
        <ListOverlay list={list} />
      </div>
      <ColumnChooser list={list} />
      <RowContextMenu shell={shell} />
    </section>
  );
});

const ListOverlay = observer(function ListOverlay({ list }: { list: ListStore<AnyRow> }) {
  const styles = useStyles();
  if (list.loadError) {
    return (
      <div className={styles.overlay} style={{ top: gridHeaderHeight }} role="alert">
        <span className={mergeClasses(styles.sentence, styles.error)}>
          The list could not be read from the site: {list.loadError}{' '}
          <Link as="button" onClick={() => list.refresh()}>
            Try again
          </Link>
        </span>
      </div>
    );
  }
  if (!list.isEmpty) return null;
  return (
    <div className={styles.overlay} style={{ top: gridHeaderHeight }} data-testid="empty-list">
      <span className={styles.sentence}>
        {list.appliedSearch ? `No items match “${list.appliedSearch}”.` : list.node.emptyText}
      </span>
      {!list.hasSource && list.node.plannedContent && (
        <span className={styles.note} data-testid="planned-content">
          {list.node.plannedContent}
        </span>
      )}
    </div>
  );
});
