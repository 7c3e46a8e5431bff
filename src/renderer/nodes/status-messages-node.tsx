import { DocumentBulletListRegular } from '@fluentui/react-icons';
import type { StatusMessage, StatusMessageListQuery } from '../../shared/contract';
import { SeverityLabel } from '../details/severity-icon';
import { StatusMessageDetails } from '../details/status-message-details';
import { formatDateTime } from '../format';
import { withExportFields } from './column-kinds';
import { siteListSource } from './site-list';
import { defineListNode, type ListQuery, type SiteListCall } from './types';

type SortColumn = NonNullable<StatusMessageListQuery['sort']>['column'];

/** The site list behind the grid: the grid's pages and Export send the same query. */
const statusMessagesCall = ({ sort, search }: Omit<ListQuery, 'page'>): SiteListCall => ({
  list: 'statusMessages.list',
  query: {
    filter: search ? { text: search } : undefined,
    sort: sort && { column: sort.column as SortColumn, direction: sort.direction },
  },
});

/** Monitoring > System Status > Status Messages, over `statusMessages.list`. */
export function statusMessagesNode(parentId: string) {
  return defineListNode<StatusMessage>({
    id: 'monitoring.statusMessages',
    title: 'Status Messages',
    icon: DocumentBulletListRegular,
    workspace: 'monitoring',
    parentId,
    columns: withExportFields<StatusMessage>(
      [
        {
          id: 'severity',
          header: 'Severity',
          isDefault: true,
          sortKey: 'severity',
          width: 120,
          text: (message) => message.severity,
          cell: ({ row }) => <SeverityLabel severity={row.severity} />,
        },
        {
          id: 'component',
          header: 'Component',
          isDefault: true,
          sortKey: 'component',
          width: 220,
          text: (message) => message.component,
        },
        {
          id: 'messageId',
          header: 'Message ID',
          isDefault: true,
          sortKey: 'messageId',
          width: 100,
          align: 'right',
          text: (message) => String(message.messageId),
          exportValue: (message) => message.messageId,
        },
        {
          id: 'time',
          header: 'Time',
          isDefault: true,
          sortKey: 'time',
          width: 170,
          text: (message) => formatDateTime(message.time),
          exportValue: (message) => message.time,
        },
        {
          id: 'machine',
          header: 'Machine',
          isDefault: true,
          width: 150,
          text: (message) => message.machine,
        },
        {
          id: 'siteCode',
          header: 'Site Code',
          isDefault: true,
          width: 84,
          text: (message) => message.siteCode,
        },
        {
          id: 'description',
          header: 'Description',
          isDefault: true,
          width: 640,
          text: (message) => message.message,
        },
        {
          id: 'jobId',
          header: 'Job ID',
          width: 80,
          align: 'right',
          text: (message) => (message.jobId === null ? '' : String(message.jobId)),
          exportValue: (message) => message.jobId,
        },
      ],
      {
        severity: 'severity',
        component: 'component',
        messageId: { field: 'messageId', kind: 'number' },
        time: { field: 'time', kind: 'date' },
        machine: 'machine',
        siteCode: 'siteCode',
        description: 'message',
        jobId: { field: 'jobId', kind: 'number' },
      },
    ),
    rowId: (message) => String(message.id),
    siteList: statusMessagesCall,
    source: siteListSource<StatusMessage>(statusMessagesCall),
    searchHint: 'Search status messages',
    defaultSort: { columnId: 'time', direction: 'desc' },
    emptyText:
      'The site has not written any status messages yet. Site components report here as they work, for example SMS_SITE_BACKUP during a backup.',
    details: StatusMessageDetails,
    describe: (message) => `Message ID ${message.messageId} — ${message.component}`,
    onEvent: (event, list) => {
      if (event.type === 'statusMessage.created') list.refreshSoon();
    },
  });
}
