import { makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { syncStateName } from '../../shared/sync-state';
import { PropertyList } from '../details/property-list';
import { formatDateTime, formatErrorCode } from '../format';
import type { ConsoleServices } from '../stores/console-services';
import { useSiteRead } from '../stores/use-live-value';

const useStyles = makeStyles({
  panels: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
    gap: '12px',
    marginBottom: '16px',
  },
  panel: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '8px 12px',
    minWidth: 0,
  },
  heading: { margin: '0 0 6px', fontSize: '13px', fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: '12px' },
  head: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: '2px 4px' },
  cell: {
    padding: '2px 4px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  critical: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const overviewRead = (services: ConsoleServices) => ({
  key: 'software-updates-overview',
  topics: ['softwareUpdates', 'alerts'],
  read: () => services.api.call('softwareUpdates.overview', {}),
});

/**
 * Software Library > Overview and Software Updates, as ConfigMgr's dashboard: the last
 * synchronization with its state and time, recent software update alerts, the newest updates.
 */
export const SoftwareUpdatesOverview = observer(function SoftwareUpdatesOverview({
  services,
}: {
  services: ConsoleServices;
}) {
  const styles = useStyles();
  const overview = useSiteRead(services, overviewRead(services));
  if (overview.error) return <p className={styles.muted}>{overview.error}</p>;
  const value = overview.value;
  if (!value) return <p className={styles.muted}>Reading the software updates overview…</p>;
  const sync = value.lastSynchronization;
  return (
    <div className={styles.panels} data-testid="software-updates-overview">
      <section className={styles.panel} aria-label="Synchronization status">
        <h2 className={styles.heading}>Software Update Point Synchronization Status</h2>
        {sync ? (
          <PropertyList
            rows={[
              { label: 'Synchronization Status', value: syncStateName(sync.lastStateMessageId) },
              {
                label: sync.finishedAt ? 'Finished' : 'Started',
                value: formatDateTime(sync.finishedAt ?? sync.startedAt),
              },
              {
                label: 'Last Successful Synchronization',
                value: formatDateTime(sync.lastSuccessfulSyncAt),
              },
              { label: 'Source', value: sync.syncSource },
              {
                label: 'Updates',
                value: `${sync.updatesAdded.toLocaleString()} added, ${sync.updatesChanged.toLocaleString()} changed, ${sync.updatesExpired.toLocaleString()} expired; ${value.updateCount.toLocaleString()} in the catalog`,
              },
              ...(sync.errorCode
                ? [
                    {
                      label: 'Error',
                      value: `${formatErrorCode(sync.errorCode)} ${sync.errorText}`,
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <p className={styles.muted}>
            The software update point has not synchronized yet: Synchronize Software Updates on the
            ribbon of All Software Updates.
          </p>
        )}
      </section>
      <section className={styles.panel} aria-label="Recent software update alerts">
        <h2 className={styles.heading}>Recent Software Update Alerts</h2>
        {value.alerts.length === 0 ? (
          <p className={styles.muted}>No software update alert is active.</p>
        ) : (
          <table className={styles.table}>
            <tbody>
              {value.alerts.map((alert) => (
                <tr key={`${alert.name}${alert.lastRaisedAt}`} title={alert.message}>
                  <td
                    className={`${styles.cell} ${alert.severity === 'Critical' ? styles.critical : ''}`}
                    style={{ width: '70px' }}
                  >
                    {alert.severity}
                  </td>
                  <td className={styles.cell}>{alert.name}</td>
                  <td className={styles.cell} style={{ width: '150px' }}>
                    {formatDateTime(alert.lastRaisedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className={styles.panel} aria-label="Newest software updates">
        <h2 className={styles.heading}>Newest Software Updates</h2>
        {value.newestUpdates.length === 0 ? (
          <p className={styles.muted}>There are no software updates yet.</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={styles.head} style={{ width: '90px' }}>
                  Article ID
                </th>
                <th className={styles.head}>Title</th>
                <th className={styles.head} style={{ width: '90px' }}>
                  Released
                </th>
              </tr>
            </thead>
            <tbody>
              {value.newestUpdates.map((update) => (
                <tr key={update.ciId}>
                  <td className={styles.cell}>{update.articleId}</td>
                  <td className={styles.cell} title={`${update.title} (${update.classification})`}>
                    {update.title}
                  </td>
                  <td className={styles.cell}>
                    {new Date(update.dateReleased).toLocaleDateString()}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
});
