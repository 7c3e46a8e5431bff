import { ArrowSyncRegular } from '@fluentui/react-icons';
import type { SyncHistoryRow } from '../../shared/contract/software-update-point';
import { syncStateName } from '../../shared/sync-state';
import { SyncStatusDetails } from '../details/sync-status-details';
import { formatDateTime, formatErrorCode } from '../format';
import { synchronizeGroup } from './synchronize-action';
import { defineListNode, type ColumnSpec } from './types';

type Column = ColumnSpec<SyncHistoryRow>;

const time = (
  id: string,
  header: string,
  value: (row: SyncHistoryRow) => string | null,
  isDefault: boolean,
  sortKey?: 'startedAt',
): Column => ({
  id,
  header,
  isDefault,
  sortKey,
  width: 170,
  text: (row) => formatDateTime(value(row)),
  exportValue: (row) => value(row) ?? '',
});

const count = (id: string, header: string, value: (row: SyncHistoryRow) => number): Column => ({
  id,
  header,
  width: 80,
  align: 'right',
  text: (row) => String(value(row)),
  exportValue: value,
});

/** §9.1's columns first (the default set), then what Patchbay knows about each synchronization. */
const columns: Column[] = [
  {
    id: 'softwareUpdatePoint',
    header: 'Software Update Point',
    isDefault: true,
    width: 200,
    text: (row) => row.softwareUpdatePoint,
  },
  { id: 'siteCode', header: 'Site Code', isDefault: true, width: 84, text: (row) => row.siteCode },
  {
    id: 'synchronizationSource',
    header: 'Synchronization Source',
    isDefault: true,
    width: 220,
    text: (row) => row.syncSource,
  },
  {
    id: 'synchronizationStatus',
    header: 'Synchronization Status',
    isDefault: true,
    width: 240,
    text: (row) => syncStateName(row.lastStateMessageId),
    exportValue: (row) => syncStateName(row.lastStateMessageId),
  },
  time(
    'lastSynchronizationTime',
    'Last Synchronization Time',
    (row) => row.lastSuccessfulSyncAt,
    true,
  ),
  time(
    'lastSynchronizationStateTime',
    'Last Synchronization State Time',
    (row) => row.lastStateTime,
    true,
  ),
  {
    id: 'lastSynchronizationErrorCode',
    header: 'Last Synchronization Error Code',
    isDefault: true,
    width: 200,
    text: (row) => formatErrorCode(row.errorCode),
  },
  {
    id: 'catalogVersion',
    header: 'Catalog Version',
    isDefault: true,
    width: 110,
    align: 'right',
    text: (row) => String(row.catalogVersion),
    exportValue: (row) => row.catalogVersion,
  },
  // One stand-alone site has no replication link to degrade: ConfigMgr shows such a link as
  // Healthy, checked when the site last recorded the synchronization's state.
  { id: 'linkState', header: 'Link State', isDefault: true, width: 90, text: () => 'Healthy' },
  time(
    'lastReplicationLinkCheckTime',
    'Last Replication Link Check Time',
    (row) => row.lastStateTime,
    true,
  ),
  {
    id: 'type',
    header: 'Type',
    width: 70,
    text: (row) => (row.syncType === 'full' ? 'Full' : 'Delta'),
  },
  time('started', 'Started', (row) => row.startedAt, false, 'startedAt'),
  time('finished', 'Finished', (row) => row.finishedAt, false),
  count('added', 'Added', (row) => row.updatesAdded),
  count('changed', 'Changed', (row) => row.updatesChanged),
  count('expired', 'Expired', (row) => row.updatesExpired),
  { id: 'error', header: 'Error', width: 400, text: (row) => row.errorText },
];

/**
 * Monitoring > Software Update Point Synchronization Status (§9.1) over `sync.history`: one row
 * per synchronization, newest first, so the admin sees the last one on top and the ones before.
 */
export function syncStatusNode(parentId: string) {
  return defineListNode<SyncHistoryRow>({
    id: 'monitoring.syncStatus',
    title: 'Software Update Point Synchronization Status',
    icon: ArrowSyncRegular,
    workspace: 'monitoring',
    parentId,
    columns,
    rowId: (row) => String(row.id),
    source:
      ({ api }) =>
      ({ sort, search, page }) =>
        api.call('sync.history', {
          filter: search ? { text: search } : undefined,
          sort: sort && { column: 'startedAt', direction: sort.direction },
          page,
        }),
    searchHint: 'Search source, type or error',
    emptyText:
      'The software update point has not synchronized yet. Synchronize Software Updates from Software Library to start the first synchronization.',
    ribbon: [synchronizeGroup<SyncHistoryRow>('Synchronization')],
    details: SyncStatusDetails,
    describe: (row) => `${row.softwareUpdatePoint} — synchronization ${row.id}`,
    onEvent: (event, list) => {
      // Each sync phase writes an SMS_WSUS_SYNC_MANAGER status message, and the job reports its
      // start and end: either means a row changed or a new one began.
      const isSyncMessage =
        event.type === 'statusMessage.created' &&
        event.message.component === 'SMS_WSUS_SYNC_MANAGER';
      const isSyncJob = event.type === 'job.changed' && event.job.kind === 'sync.softwareUpdates';
      if (isSyncMessage || isSyncJob) list.refreshSoon();
    },
  });
}
