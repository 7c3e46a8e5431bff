import { makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { AnyRow } from '../nodes/types';
import type { ListStore } from '../stores/list-store';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    padding: '3px 8px',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: '12px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  body: { flex: 1, minHeight: 0, overflow: 'auto', padding: '8px 10px' },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The details pane under the list: the selected item's summary. */
export const DetailsPane = observer(function DetailsPane({
  list,
  height,
}: {
  list: ListStore<AnyRow>;
  height: number;
}) {
  const styles = useStyles();
  const { node, selection } = list;
  const row = selection.length === 1 ? selection[0] : undefined;
  const Details = node.details;
  const heading = row ? (node.describe?.(row) ?? node.title) : node.title;
  return (
    <section className={styles.pane} style={{ height }} aria-label="Details">
      <div className={styles.header} title={heading}>
        {heading}
      </div>
      <div className={styles.body} data-testid="details-pane">
        {row && Details ? (
          <Details key={node.rowId(row)} row={row} services={list.services} />
        ) : (
          <span className={styles.hint}>
            {selection.length > 1
              ? `${selection.length} items selected.`
              : list.total === 0
                ? 'There is nothing to show details for.'
                : 'Select an item to see its details.'}
          </span>
        )}
      </div>
    </section>
  );
});
