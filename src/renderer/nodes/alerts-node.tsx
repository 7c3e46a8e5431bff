import { AlertRegular } from '@fluentui/react-icons';
import type { Alert } from '../../shared/contract/alerts';
import { countColumn, dateColumn } from './column-kinds';
import { defineListNode } from './types';

/**
 * Monitoring > Overview > Alerts (§9.4): sync failure and deployment low-compliance alerts,
 * the newest first. The site keeps few alerts, so the list is read whole and searched here.
 */
export function alertsNode(parentId: string) {
  return defineListNode<Alert>({
    id: 'monitoring.alerts',
    title: 'Alerts',
    icon: AlertRegular,
    workspace: 'monitoring',
    parentId,
    columns: [
      { id: 'name', header: 'Name', isDefault: true, width: 320, text: (a) => a.name },
      { id: 'state', header: 'Alert State', isDefault: true, width: 90, text: (a) => a.state },
      { id: 'severity', header: 'Severity', isDefault: true, width: 80, text: (a) => a.severity },
      { id: 'type', header: 'Type', isDefault: true, width: 220, text: (a) => a.type },
      dateColumn<Alert>('lastRaisedAt', 'Date Last Raised', (a) => a.lastRaisedAt, {
        isDefault: true,
      }),
      dateColumn<Alert>('firstRaisedAt', 'Date Created', (a) => a.firstRaisedAt),
      dateColumn<Alert>('closedAt', 'Date Closed', (a) => a.closedAt ?? ''),
      countColumn<Alert>('occurrences', 'Occurrences', (a) => a.occurrences, { isDefault: true }),
      { id: 'message', header: 'Message', isDefault: true, width: 420, text: (a) => a.message },
    ],
    rowId: (row) => String(row.id),
    source:
      ({ api }) =>
      async ({ search }) => {
        const all = await api.call('alerts.list', { limit: 1000 });
        const wanted = search.toLowerCase();
        const rows = wanted
          ? all.filter((a) => `${a.name} ${a.message}`.toLowerCase().includes(wanted))
          : all;
        return { rows, nextCursor: null, total: rows.length };
      },
    searchHint: 'Search alert name or message',
    emptyText:
      'There are no alerts. A failed synchronization or a deployment whose compliance stays below its alert threshold raises one here.',
    topics: ['alerts'],
  });
}
