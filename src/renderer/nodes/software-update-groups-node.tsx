import { TaskListSquareLtrRegular } from '@fluentui/react-icons';
import type { GroupListQuery, SoftwareUpdateGroup } from '../../shared/contract/update-groups';
import { groupIconText, SoftwareUpdateGroupIcon } from '../details/group-icon';
import { SoftwareUpdateGroupDetailsPane } from '../details/group-details';
import { groupRibbon } from '../groups/group-ribbon';
import { GroupScopeBar } from '../groups/group-scope-bar';
import { SoftwareUpdateGroupProperties } from '../properties/group-properties';
import { countColumn, dateColumn, flagColumn, withExportFields } from './column-kinds';
import { siteListSource } from './site-list';
import {
  defineListNode,
  type ColumnSpec,
  type ListQuery,
  type RibbonGroup,
  type SiteListCall,
} from './types';

type SortColumn = NonNullable<GroupListQuery['sort']>['column'];
type Column = ColumnSpec<SoftwareUpdateGroup>;

/** The columns of §5.4, in the console's order. Security Scopes waits for role-based admin. */
const shownColumns: Column[] = [
  {
    id: 'icon',
    header: 'Icon',
    isIcon: true,
    isDefault: true,
    width: 40,
    text: groupIconText,
    exportValue: (row) => row.icon + (row.isContentMissing ? ' (content in no package)' : ''),
    cell: SoftwareUpdateGroupIcon,
  },
  { id: 'name', header: 'Name', isDefault: true, sortKey: 'name', width: 220, text: (r) => r.name },
  {
    id: 'description',
    header: 'Description',
    isDefault: true,
    width: 200,
    text: (r) => r.description,
  },
  dateColumn<SoftwareUpdateGroup>('dateCreated', 'Date Created', (row) => row.dateCreated, {
    isDefault: true,
    sortKey: 'dateCreated',
  }),
  dateColumn<SoftwareUpdateGroup>('dateModified', 'Date Modified', (row) => row.dateModified, {
    sortKey: 'dateModified',
  }),
  { id: 'createdBy', header: 'Created By', isDefault: true, width: 110, text: (r) => r.createdBy },
  flagColumn<SoftwareUpdateGroup>('deployed', 'Deployed', (row) => row.isDeployed, {
    isDefault: true,
  }),
  flagColumn<SoftwareUpdateGroup>('downloaded', 'Downloaded', (row) => row.isDownloaded, {
    isDefault: true,
  }),
  flagColumn<SoftwareUpdateGroup>('expired', 'Expired', (row) => row.containsExpired),
  flagColumn<SoftwareUpdateGroup>('superseded', 'Superseded', (row) => row.containsSuperseded),
  countColumn<SoftwareUpdateGroup>(
    'numberOfUpdates',
    'Number of updates',
    (row) => row.numberOfUpdates,
    { isDefault: true, sortKey: 'numberOfUpdates', width: 130 },
  ),
  countColumn<SoftwareUpdateGroup>(
    'numberOfExpired',
    'Number of expired',
    (row) => row.numberOfExpired,
    { width: 130 },
  ),
  countColumn<SoftwareUpdateGroup>(
    'collectionsDeployed',
    'Collections deployed',
    (row) => row.collectionsDeployed,
    { width: 130 },
  ),
  countColumn<SoftwareUpdateGroup>(
    'percentCompliant',
    'Percent Compliant',
    (row) => row.percentCompliant,
    { width: 130 },
  ),
];

/** The row field behind each column, so the site exports the groups as shown. */
const columns = withExportFields(shownColumns, {
  icon: 'icon',
  name: 'name',
  description: 'description',
  dateCreated: { field: 'dateCreated', kind: 'date' },
  dateModified: { field: 'dateModified', kind: 'date' },
  createdBy: 'createdBy',
  deployed: { field: 'isDeployed', kind: 'flag' },
  downloaded: { field: 'isDownloaded', kind: 'flag' },
  expired: { field: 'containsExpired', kind: 'flag' },
  superseded: { field: 'containsSuperseded', kind: 'flag' },
  numberOfUpdates: { field: 'numberOfUpdates', kind: 'number' },
  numberOfExpired: { field: 'numberOfExpired', kind: 'number' },
  collectionsDeployed: { field: 'collectionsDeployed', kind: 'number' },
  percentCompliant: { field: 'percentCompliant', kind: 'percent' },
});

/** The site list behind the grid: the grid's pages and Export send the same query. */
const groupsCall = ({ sort, search, scope }: Omit<ListQuery, 'page'>): SiteListCall => ({
  list: 'groups.list',
  query: {
    // Show Software Update Group (a rule's) narrows the list to that group, export included.
    filter: {
      text: search || undefined,
      ids: scope?.groupId !== undefined ? [scope.groupId] : undefined,
    },
    sort: sort && { column: sort.column as SortColumn, direction: sort.direction },
  },
});

/**
 * Software Library > Software Updates > Software Update Groups (§5): the groups, searched and
 * sorted on the site, with Show Members, Delete and the group's Properties.
 */
export function softwareUpdateGroupsNode(
  parentId: string,
  ribbon: readonly RibbonGroup<SoftwareUpdateGroup>[] = [],
) {
  return defineListNode<SoftwareUpdateGroup>({
    id: 'library.softwareUpdates.groups',
    title: 'Software Update Groups',
    icon: TaskListSquareLtrRegular,
    workspace: 'library',
    parentId,
    columns,
    rowId: (row) => String(row.id),
    siteList: groupsCall,
    source: siteListSource<SoftwareUpdateGroup>(groupsCall),
    searchHint: 'Search name or description',
    defaultSort: { columnId: 'name', direction: 'asc' },
    emptyText:
      'There are no software update groups. Select updates in All Software Updates and choose Create Software Update Group.',
    banner: GroupScopeBar,
    ribbon: [groupRibbon, ...ribbon],
    details: SoftwareUpdateGroupDetailsPane,
    properties: SoftwareUpdateGroupProperties,
    describe: (row) => row.name,
    // State message batches announce this topic too, so Percent Compliant moves with them.
    topics: ['softwareUpdateGroups'],
  });
}
