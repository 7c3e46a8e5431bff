import { makeStyles, Tooltip } from '@fluentui/react-components';
import { CollectionsFilled, LockClosedFilled } from '@fluentui/react-icons';
import type { CollectionRow } from './collection-row';

const useStyles = makeStyles({
  cell: {
    position: 'relative',
    display: 'inline-flex',
    width: '20px',
    height: '20px',
    alignItems: 'center',
  },
  icon: { fontSize: '16px', color: '#0078d4' },
  // Built-ins cannot be changed: a small lock on the lower right says so.
  lock: { position: 'absolute', right: '-2px', bottom: '0', fontSize: '9px', color: '#605e5c' },
});

export function CollectionIcon({ row }: { row: CollectionRow }) {
  const styles = useStyles();
  return (
    <Tooltip
      content={
        row.isBuiltIn ? 'Built-in collection: its rules cannot be changed' : 'Device collection'
      }
      relationship="label"
    >
      <span className={styles.cell}>
        <CollectionsFilled className={styles.icon} />
        {row.isBuiltIn && <LockClosedFilled className={styles.lock} />}
      </span>
    </Tooltip>
  );
}
