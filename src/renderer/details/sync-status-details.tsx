import { makeStyles, tokens } from '@fluentui/react-components';
import type { SyncHistoryRow } from '../../shared/contract/software-update-point';
import { syncStateName } from '../../shared/sync-state';
import { formatDateTime, formatErrorCode } from '../format';
import type { DetailsProps } from '../nodes/types';
import { PropertyList } from './property-list';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(300px, 420px) minmax(0, 1fr)',
    gap: '16px',
    height: '100%',
    minHeight: 0,
  },
  error: {
    margin: 0,
    padding: '6px 8px',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    overflowY: 'auto',
    userSelect: 'text',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: 'inherit',
    minHeight: 0,
  },
});

/** One synchronization: its state, what it changed, and the error sentence when it failed. */
export function SyncStatusDetails({ row }: DetailsProps<SyncHistoryRow>) {
  const styles = useStyles();
  return (
    <div className={styles.layout}>
      <PropertyList
        rows={[
          { label: 'Software Update Point', value: row.softwareUpdatePoint },
          { label: 'Site Code', value: row.siteCode },
          { label: 'Synchronization Source', value: row.syncSource },
          {
            label: 'Type',
            value: row.syncType === 'full' ? 'Full synchronization' : 'Delta synchronization',
          },
          {
            label: 'Synchronization Status',
            value: `${syncStateName(row.lastStateMessageId)} (message ID ${row.lastStateMessageId})`,
          },
          { label: 'Started', value: formatDateTime(row.startedAt) },
          { label: 'Finished', value: formatDateTime(row.finishedAt) },
          { label: 'Last Synchronization Time', value: formatDateTime(row.lastSuccessfulSyncAt) },
          { label: 'Catalog Version', value: row.catalogVersion },
          {
            label: 'Updates',
            value: `${row.updatesAdded} added, ${row.updatesChanged} changed, ${row.updatesExpired} expired`,
          },
          { label: 'Last Synchronization Error Code', value: formatErrorCode(row.errorCode) },
          { label: 'Job ID', value: row.jobId ?? '' },
        ]}
      />
      <pre className={styles.error} aria-label="Synchronization error">
        {row.errorText ||
          (row.finishedAt === null
            ? 'The synchronization is running. wsyncmgr.log in the site logs folder follows every step.'
            : 'No error. wsyncmgr.log in the site logs folder has every step of this synchronization.')}
      </pre>
    </div>
  );
}
