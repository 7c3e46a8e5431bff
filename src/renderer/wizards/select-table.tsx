import { Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  box: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowY: 'auto',
  },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    padding: '3px 6px',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  cell: {
    padding: '2px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  row: { cursor: 'default', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  checkCell: { width: '30px', padding: '0 2px' },
  empty: { padding: '10px', color: tokens.colorNeutralForeground3 },
});

export interface SelectColumn<Row> {
  readonly header: string;
  readonly width?: string;
  cell(row: Row): ReactNode;
}

/**
 * The small list views of ConfigMgr's dialogs (packages to browse, distribution points to add):
 * a click selects a row, a checkbox per row when several may be chosen.
 */
export function SelectTable<Row>(props: {
  label: string;
  columns: readonly SelectColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  /** The accessible name of a row's checkbox, e.g. the distribution point's name. */
  rowName(row: Row): string;
  selected: ReadonlySet<string>;
  onSelect(keys: Set<string>): void;
  isMultiple?: boolean;
  height?: string;
  emptyText: string;
}) {
  const styles = useStyles();
  const toggle = (key: string, isAdding?: boolean) => {
    if (!props.isMultiple) return props.onSelect(new Set([key]));
    const next = new Set(props.selected);
    if (isAdding ?? !next.has(key)) next.add(key);
    else next.delete(key);
    props.onSelect(next);
  };
  return (
    <div className={styles.box} style={{ height: props.height ?? '180px' }}>
      <table className={styles.table} aria-label={props.label}>
        <thead>
          <tr>
            {props.isMultiple && <th className={mergeClasses(styles.head, styles.checkCell)} />}
            {props.columns.map((column) => (
              <th key={column.header} className={styles.head} style={{ width: column.width }}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const key = props.rowKey(row);
            const isSelected = props.selected.has(key);
            return (
              <tr
                key={key}
                className={mergeClasses(styles.row, isSelected && styles.selected)}
                aria-selected={isSelected}
                onClick={() => toggle(key)}
              >
                {props.isMultiple && (
                  <td className={mergeClasses(styles.cell, styles.checkCell)}>
                    <Checkbox
                      aria-label={props.rowName(row)}
                      checked={isSelected}
                      onClick={(event) => event.stopPropagation()}
                      onChange={(_event, data) => toggle(key, data.checked === true)}
                    />
                  </td>
                )}
                {props.columns.map((column) => (
                  <td key={column.header} className={styles.cell}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.rows.length === 0 && <div className={styles.empty}>{props.emptyText}</div>}
    </div>
  );
}
