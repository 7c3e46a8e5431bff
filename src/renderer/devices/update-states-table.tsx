import { makeStyles, mergeClasses, ToggleButton, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { detectionStates } from '../../shared/contract/compliance';
import { formatDateTime } from '../format';
import type { DeviceCompliance } from '../stores/site-reads';
import { stateColours } from '../compliance/state-colours';

type State = (typeof detectionStates)[number];

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '4px', flexWrap: 'wrap', margin: '4px 0 6px' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: '12px' },
  head: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    padding: '3px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    position: 'sticky',
    top: 0,
  },
  cell: {
    padding: '2px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  state: { display: 'inline-flex', alignItems: 'center', gap: '5px', whiteSpace: 'nowrap' },
  dot: { width: '8px', height: '8px', borderRadius: '50%', flexShrink: 0 },
  reason: { color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
  empty: { color: tokens.colorNeutralForeground3 },
  scan: { fontSize: '12px', marginTop: '6px', color: tokens.colorNeutralForeground2 },
});

/**
 * Why one update is Unknown on this device. The device read carries the scan's state, not a
 * per-update reason, so the reason is the scan's: never scanned, failed, or nothing received.
 */
export function unknownReasonOf(device: DeviceCompliance): string {
  if (device.lastScanAt === null) return 'Never scanned';
  if (device.lastScanState === 'Failed')
    return `Scan failed (${device.lastScanErrorCode || 'no error code'})`;
  return 'No state received for this update';
}

/**
 * Compliance 5 – Specific computer: every update the site knows for the device with its state,
 * filterable by state; an Unknown says why.
 */
export const UpdateStatesTable = observer(function UpdateStatesTable({
  device,
}: {
  device: DeviceCompliance;
}) {
  const styles = useStyles();
  const [shown, setShown] = useState<State | 'All'>('All');
  const counts = new Map<State, number>(detectionStates.map((state) => [state, 0]));
  for (const update of device.updates)
    counts.set(update.state, (counts.get(update.state) ?? 0) + 1);
  // Required first: it is what the admin acts on.
  const order: State[] = ['Required', 'Unknown', 'Installed', 'Not Required'];
  const rows = device.updates
    .filter((update) => shown === 'All' || update.state === shown)
    .sort(
      (a, b) => order.indexOf(a.state) - order.indexOf(b.state) || a.title.localeCompare(b.title),
    );
  const unknownReason = unknownReasonOf(device);
  return (
    <div>
      <div className={styles.scan}>
        Last scan:{' '}
        {device.lastScanAt === null
          ? 'never'
          : `${device.lastScanState}${device.lastScanState === 'Failed' || device.lastScanState === 'Completed with errors' ? ` (${device.lastScanErrorCode})` : ''}, ${formatDateTime(device.lastScanAt)}`}
      </div>
      <div className={styles.filters} role="group" aria-label="Show updates in state">
        {(['All', ...order] as const).map((state) => (
          <ToggleButton
            key={state}
            size="small"
            checked={shown === state}
            onClick={() => setShown(state)}
          >
            {state} ({state === 'All' ? device.updates.length : counts.get(state)})
          </ToggleButton>
        ))}
      </div>
      {rows.length === 0 ? (
        <span className={styles.empty}>
          {device.updates.length === 0
            ? `No update state has been received from this device (${(unknownReason.charAt(0).toLowerCase() + unknownReason.slice(1)).replace(/^scan/, 'its last scan')}): every update counts as Unknown for it.`
            : `No update is ${shown} on this device.`}
        </span>
      ) : (
        <table className={styles.table} aria-label="Software update states">
          <thead>
            <tr>
              <th className={styles.head}>Title</th>
              <th className={styles.head}>Article ID</th>
              <th className={styles.head}>State</th>
              <th className={styles.head}>State Time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((update) => (
              <tr key={update.ciId}>
                <td className={styles.cell}>{update.title}</td>
                <td className={mergeClasses(styles.cell, styles.nowrap)}>
                  {update.articleId ? `KB${update.articleId}` : ''}
                </td>
                <td className={styles.cell}>
                  <span className={styles.state}>
                    <span
                      className={styles.dot}
                      style={{ background: stateColours[update.state] }}
                    />
                    {update.state}
                  </span>
                  {update.state === 'Unknown' && (
                    <div className={styles.reason}>{unknownReason}</div>
                  )}
                </td>
                <td className={mergeClasses(styles.cell, styles.nowrap)}>
                  {formatDateTime(update.stateTime)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});
