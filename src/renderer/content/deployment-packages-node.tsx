import { BoxMultipleRegular } from '@fluentui/react-icons';
import type {
  DeploymentPackage,
  PackageListQuery,
} from '../../shared/contract/deployment-packages';
import type { z } from 'zod';
import { formatBytes } from '../format';
import { countColumn, dateColumn } from '../nodes/column-kinds';
import { defineListNode, type ColumnSpec } from '../nodes/types';
import { DemoContentBar } from './demo-content';
import { DeploymentPackageDetailsPane } from './package-details';
import { PackageIcon, packageIconText } from './package-icon';
import { DeploymentPackageProperties } from './package-properties';
import { packageRibbon } from './package-ribbon';

type SortColumn = NonNullable<z.input<typeof PackageListQuery>['sort']>['column'];
type Column = ColumnSpec<DeploymentPackage>;

/** The columns of §6.3, default set first as the console shows them. */
const columns: Column[] = [
  {
    id: 'icon',
    header: 'Icon',
    isIcon: true,
    isDefault: true,
    width: 40,
    text: packageIconText,
    cell: PackageIcon,
  },
  { id: 'name', header: 'Name', isDefault: true, sortKey: 'name', width: 240, text: (r) => r.name },
  {
    id: 'description',
    header: 'Description',
    isDefault: true,
    width: 200,
    text: (r) => r.description,
  },
  {
    id: 'packageId',
    header: 'Package ID',
    isDefault: true,
    sortKey: 'packageId',
    width: 100,
    text: (r) => r.packageId,
  },
  countColumn<DeploymentPackage>('sourceVersion', 'Source Version', (r) => r.sourceVersion, {
    isDefault: true,
    sortKey: 'sourceVersion',
    width: 110,
  }),
  dateColumn<DeploymentPackage>('sourceDate', 'Source Date', (r) => r.sourceDate, {
    isDefault: true,
  }),
  {
    id: 'sourcePath',
    header: 'Package source path',
    isDefault: true,
    width: 260,
    text: (r) => r.sourcePath,
  },
  { id: 'priority', header: 'Priority', width: 80, text: (r) => r.priority },
  {
    id: 'size',
    header: 'Size',
    isDefault: true,
    sortKey: 'sizeBytes',
    width: 90,
    align: 'right',
    text: (r) => formatBytes(r.sizeBytes),
    exportValue: (r) => r.sizeBytes,
  },
  dateColumn<DeploymentPackage>('dateCreated', 'Date created', (r) => r.dateCreated, {
    sortKey: 'dateCreated',
  }),
  dateColumn<DeploymentPackage>('lastUpdate', 'Last update', (r) => r.lastUpdate, {
    sortKey: 'lastUpdate',
  }),
];

/**
 * Software Library > Software Updates > Deployment Packages (§6.3): the packages update files
 * are downloaded into, with Distribute Content, Update Distribution Points, Show Members,
 * Delete and their Properties. The list follows download and distribution jobs live.
 */
export function deploymentPackagesNode(parentId: string) {
  return defineListNode<DeploymentPackage>({
    id: 'library.softwareUpdates.packages',
    title: 'Deployment Packages',
    icon: BoxMultipleRegular,
    workspace: 'library',
    parentId,
    columns,
    rowId: (row) => String(row.id),
    source:
      ({ api }) =>
      ({ sort, search, page }) =>
        api.call('packages.list', {
          filter: { text: search || undefined },
          sort: sort && { column: sort.column as SortColumn, direction: sort.direction },
          page,
        }),
    searchHint: 'Search name, description or package ID',
    defaultSort: { columnId: 'name', direction: 'asc' },
    emptyText:
      'There are no deployment packages. Select software updates in All Software Updates and choose Download to create a deployment package for their content.',
    banner: DemoContentBar,
    ribbon: packageRibbon,
    details: DeploymentPackageDetailsPane,
    properties: DeploymentPackageProperties,
    describe: (row) => row.name,
    topics: ['content'],
    // A download or a copy to a distribution point changes Source Version, Size and states.
    onEvent: (event, list) => {
      if (event.type === 'job.changed' && event.job.state !== 'queued') list.refreshSoon();
    },
  });
}
