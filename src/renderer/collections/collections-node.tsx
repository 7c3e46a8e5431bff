import { CollectionsRegular } from '@fluentui/react-icons';
import { countColumn, dateColumn } from '../nodes/column-kinds';
import { defineListNode, type ColumnSpec } from '../nodes/types';
import { CollectionDetailsPane } from './collection-details';
import { CollectionIcon } from './collection-icon';
import { CollectionProperties } from './collection-properties';
import { collectionRibbon } from './collection-ribbon';
import { readCollectionRows, type CollectionRow } from './collection-row';

type Column = ColumnSpec<CollectionRow>;

const columns: Column[] = [
  {
    id: 'icon',
    header: 'Icon',
    isIcon: true,
    isDefault: true,
    width: 40,
    text: (r) => (r.isBuiltIn ? 'Built-in collection' : 'Device collection'),
    cell: CollectionIcon,
  },
  { id: 'name', header: 'Name', isDefault: true, sortKey: 'name', width: 260, text: (r) => r.name },
  {
    id: 'limitingCollection',
    header: 'Limiting Collection',
    isDefault: true,
    width: 200,
    text: (r) => r.limitingCollectionName,
  },
  countColumn<CollectionRow>('memberCount', 'Member Count', (r) => r.memberCount, {
    isDefault: true,
    sortKey: 'memberCount',
    width: 110,
  }),
  { id: 'comment', header: 'Comment', isDefault: true, width: 260, text: (r) => r.comment },
  {
    id: 'collectionId',
    header: 'Collection ID',
    isDefault: true,
    width: 110,
    text: (r) => r.collectionId,
  },
  countColumn<CollectionRow>(
    'maintenanceWindows',
    'Maintenance Windows',
    (r) => r.maintenanceWindowCount,
    { width: 140 },
  ),
  {
    id: 'membershipSchedule',
    header: 'Full Update Schedule',
    width: 140,
    text: (r) => (r.refreshEveryDays === null ? 'Manual' : `Every ${r.refreshEveryDays} days`),
  },
  dateColumn<CollectionRow>('lastMemberChange', 'Last Member Change', (r) => r.membersChangedAt),
  dateColumn<CollectionRow>('dateCreated', 'Date Created', (r) => r.createdAt),
];

/**
 * Assets and Compliance > Device Collections: the built-ins and the admin's collections, with
 * Create Device Collection, Show Members, and Properties for rules and maintenance windows.
 */
export function deviceCollectionsNode(parentId: string) {
  return defineListNode<CollectionRow>({
    id: 'assets.deviceCollections',
    title: 'Device Collections',
    icon: CollectionsRegular,
    workspace: 'assets',
    parentId,
    columns,
    rowId: (row) => String(row.id),
    source:
      (services) =>
      async ({ search, sort }) => {
        const text = search.toLowerCase();
        const rows = (await readCollectionRows(services)).filter(
          (row) =>
            !text ||
            row.name.toLowerCase().includes(text) ||
            row.comment.toLowerCase().includes(text),
        );
        const sign = sort?.direction === 'desc' ? -1 : 1;
        if (sort?.column === 'memberCount')
          rows.sort((a, b) => sign * (a.memberCount - b.memberCount));
        else rows.sort((a, b) => sign * a.name.localeCompare(b.name));
        return { rows, nextCursor: null, total: rows.length };
      },
    searchHint: 'Search name or comment',
    defaultSort: { columnId: 'name', direction: 'asc' },
    emptyText: 'There are no device collections.',
    ribbon: [collectionRibbon],
    details: CollectionDetailsPane,
    properties: CollectionProperties,
    describe: (row) => row.name,
    topics: ['collections', 'maintenanceWindows'],
  });
}
