import type { SyncHistoryRow } from '../../shared/contract/software-update-point';
import { syncStateName } from '../../shared/sync-state';
import { formatDateTime, formatErrorCode } from '../format';
import type { DetailsProps } from '../nodes/types';
import { PropertiesWithText } from './properties-with-text';

/** One synchronization: its state, what it changed, and the error sentence when it failed. */
export function SyncStatusDetails({ row }: DetailsProps<SyncHistoryRow>) {
  return (
    <PropertiesWithText
      propertiesWidth="minmax(300px, 420px)"
      textLabel="Synchronization error"
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
      text={
        row.errorText ||
        (row.finishedAt === null
          ? 'The synchronization is running. wsyncmgr.log in the site logs folder follows every step.'
          : 'No error. wsyncmgr.log in the site logs folder has every step of this synchronization.')
      }
    />
  );
}
