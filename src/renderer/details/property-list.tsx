import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { emptyValue } from '../format';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: '16px',
    rowGap: '3px',
    margin: 0,
    alignContent: 'start',
  },
  label: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  value: { margin: 0, overflowWrap: 'anywhere', userSelect: 'text' },
});

export interface PropertyRow {
  readonly label: string;
  readonly value: ReactNode;
}

/** "Label: value" pairs, as on the Summary tab of the console's details pane. */
export function PropertyList({ rows }: { rows: readonly PropertyRow[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {rows.map((row) => (
        <div key={row.label} style={{ display: 'contents' }}>
          <dt className={styles.label}>{row.label}:</dt>
          <dd className={styles.value}>
            {row.value === '' || row.value == null ? emptyValue : row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
