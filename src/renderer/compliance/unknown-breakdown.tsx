import { makeStyles, tokens } from '@fluentui/react-components';
import type { UnknownDevices } from '../stores/site-reads';

const useStyles = makeStyles({
  box: { fontSize: '12px', maxWidth: '320px' },
  heading: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: '2px 0 0', paddingLeft: '16px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The reason with the scan's error code when there is one: "scan failed (0x80244022)". */
function reasonKey(row: UnknownDevices['rows'][number]): string {
  const code = /0x([0-9a-f]{1,8})/i.exec(row.detail)?.[1];
  return row.reason === 'scan failed' && code
    ? `scan failed (0x${code.toUpperCase()})`
    : row.reason;
}

/**
 * Unknown, broken down by why (ConfigMgr only says "Unknown"): "Unknown 120: 80 never scanned,
 * 30 scan failed (0x80244022), 10 last scan older than the limit".
 */
export function UnknownBreakdown({ unknown }: { unknown: UnknownDevices }) {
  const styles = useStyles();
  if (unknown.total === 0) return null;
  const counts = new Map<string, number>();
  for (const row of unknown.rows) counts.set(reasonKey(row), (counts.get(reasonKey(row)) ?? 0) + 1);
  const reasons = [...counts].sort((a, b) => b[1] - a[1]);
  const isPartial = unknown.rows.length < unknown.total;
  return (
    <div className={styles.box} data-testid="unknown-breakdown">
      <span className={styles.heading}>Unknown {unknown.total.toLocaleString()}:</span>
      <ul className={styles.list}>
        {reasons.map(([reason, count]) => (
          <li key={reason}>
            {count.toLocaleString()} {reason}
          </li>
        ))}
      </ul>
      {isPartial && (
        <span className={styles.muted}>
          Reasons counted over the first {unknown.rows.length.toLocaleString()} devices.
        </span>
      )}
    </div>
  );
}
