import { TaskListSquareLtrRegular } from '@fluentui/react-icons';
import type { GroupListQuery, SoftwareUpdateGroup } from '../../shared/contract/update-groups';
import { groupIconText, SoftwareUpdateGroupIcon } from '../details/group-icon';
import { SoftwareUpdateGroupDetailsPane } from '../details/group-details';
import { formatDateTime } from '../format';
import { groupRibbon } from '../groups/group-ribbon';
import { SoftwareUpdateGroupProperties } from '../properties/group-properties';
import { defineListNode, type ColumnSpec, type RibbonGroup } from './types';

type SortColumn = NonNullable<GroupListQuery['sort']>['column'];
type Column = ColumnSpec<SoftwareUpdateGroup>;

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const flag = (
  id: string,
  header: string,
  value: (row: SoftwareUpdateGroup) => boolean,
  isDefault = false,
): Column => ({
  id,
  header,
  isDefault,
  width: 96,
  text: (row) => yesNo(value(row)),
});
const count = (
  id: string,
  header: string,
  value: (row: SoftwareUpdateGroup) => number,
  isDefault = false,
  sortKey?: SortColumn,
): Column => ({
  id,
  header,
  isDefault,
  sortKey,
  width: 130,
  align: 'right',
  text: (row) => String(value(row)),
  exportValue: value,
});
/** Shown in the admin's locale, exported as the ISO time the site stores. */
const date = (
  id: string,
  header: string,
  value: (row: SoftwareUpdateGroup) => string,
  isDefault: boolean,
  sortKey: SortColumn,
): Column => ({
  id,
  header,
  isDefault,
  sortKey,
  width: 150,
  text: (row) => formatDateTime(value(row)),
  exportValue: value,
});

/** The columns of §5.4, in the console's order. Security Scopes waits for role-based admin. */
const columns: Column[] = [
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
  date('dateCreated', 'Date Created', (row) => row.dateCreated, true, 'dateCreated'),
  date('dateModified', 'Date Modified', (row) => row.dateModified, false, 'dateModified'),
  { id: 'createdBy', header: 'Created By', isDefault: true, width: 110, text: (r) => r.createdBy },
  flag('deployed', 'Deployed', (row) => row.isDeployed, true),
  flag('downloaded', 'Downloaded', (row) => row.isDownloaded, true),
  flag('expired', 'Expired', (row) => row.containsExpired),
  flag('superseded', 'Superseded', (row) => row.containsSuperseded),
  count(
    'numberOfUpdates',
    'Number of updates',
    (row) => row.numberOfUpdates,
    true,
    'numberOfUpdates',
  ),
  count('numberOfExpired', 'Number of expired', (row) => row.numberOfExpired),
  count('collectionsDeployed', 'Collections deployed', (row) => row.collectionsDeployed),
  count('percentCompliant', 'Percent Compliant', (row) => row.percentCompliant),
];

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
    source:
      ({ api }) =>
      ({ sort, search, page }) =>
        api.call('groups.list', {
          filter: { text: search || undefined },
          sort: sort && { column: sort.column as SortColumn, direction: sort.direction },
          page,
        }),
    searchHint: 'Search name or description',
    defaultSort: { columnId: 'name', direction: 'asc' },
    emptyText:
      'There are no software update groups. Select updates in All Software Updates and choose Create Software Update Group.',
    ribbon: [groupRibbon, ...ribbon],
    details: SoftwareUpdateGroupDetailsPane,
    properties: SoftwareUpdateGroupProperties,
    describe: (row) => row.name,
    topics: ['softwareUpdateGroups'],
  });
}
