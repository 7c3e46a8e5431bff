import { OptionsRegular } from '@fluentui/react-icons';
import type { ClientSettingsObject } from '../../shared/contract/client-settings';
import { countColumn, dateColumn } from '../nodes/column-kinds';
import { defineListNode, type ColumnSpec } from '../nodes/types';
import { ClientSettingsProperties } from './client-settings-properties';
import { clientSettingsRibbon } from './client-settings-ribbon';

type Column = ColumnSpec<ClientSettingsObject>;

// The console's client settings columns [INF].
const columns: Column[] = [
  { id: 'name', header: 'Name', isDefault: true, width: 260, text: (r) => r.name },
  {
    id: 'priority',
    header: 'Priority',
    isDefault: true,
    sortKey: 'priority',
    width: 80,
    align: 'right',
    text: (r) => String(r.priority),
  },
  { id: 'type', header: 'Type', isDefault: true, width: 90, text: (r) => r.type },
  countColumn<ClientSettingsObject>('deployments', 'Deployments', (r) => r.deploymentCount, {
    isDefault: true,
    width: 100,
  }),
  {
    id: 'description',
    header: 'Description',
    isDefault: true,
    width: 260,
    text: (r) => r.description,
  },
  dateColumn<ClientSettingsObject>('dateModified', 'Date Modified', (r) => r.modifiedAt, {
    isDefault: true,
  }),
  { id: 'modifiedBy', header: 'Modified By', width: 160, text: (r) => r.modifiedBy },
];

/**
 * Administration > Client Settings: the Default Client Settings (priority 10000) and custom
 * client device settings by priority, with Create, Increase/Decrease Priority, Deploy, Delete
 * and Properties.
 */
export function clientSettingsNode(parentId: string) {
  return defineListNode<ClientSettingsObject>({
    id: 'administration.clientSettings',
    title: 'Client Settings',
    icon: OptionsRegular,
    workspace: 'administration',
    parentId,
    columns,
    rowId: (row) => String(row.id),
    source:
      ({ api }) =>
      async ({ search, sort }) => {
        const text = search.toLowerCase();
        const rows = (await api.call('clientSettings.list', {})).filter(
          (row) =>
            !text ||
            row.name.toLowerCase().includes(text) ||
            row.description.toLowerCase().includes(text),
        );
        if (sort?.direction === 'desc') rows.reverse();
        return { rows, nextCursor: null, total: rows.length };
      },
    searchHint: 'Search name or description',
    defaultSort: { columnId: 'priority', direction: 'asc' },
    emptyText:
      'The site has no client settings yet; the Default Client Settings appear when it opens.',
    ribbon: clientSettingsRibbon,
    properties: ClientSettingsProperties,
    describe: (row) => row.name,
    topics: ['clientSettings'],
  });
}
