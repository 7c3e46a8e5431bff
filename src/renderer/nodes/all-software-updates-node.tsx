import { ShieldTaskRegular } from '@fluentui/react-icons';
import type {
  SoftwareUpdateRow,
  UpdateCriterion,
  updateSortColumns,
} from '../../shared/contract/software-updates';
import { UpdateCriteriaBar } from '../search/update-criteria-bar';
import { SoftwareUpdateDetailsPane } from '../details/software-update-details';
import { SoftwareUpdateProperties } from '../properties/software-update-properties';
import { UpdateIcon, redArrowMeaning, updateIconMeaning } from '../details/update-icon';
import { countColumn, dateColumn, flagColumn } from './column-kinds';
import { siteListSource } from './site-list';
import {
  defineListNode,
  type ColumnSpec,
  type ListQuery,
  type RibbonGroup,
  type SiteListCall,
} from './types';

type SortColumn = (typeof updateSortColumns)[number];
type Column = ColumnSpec<SoftwareUpdateRow>;

/** The columns of §3.2, default set first as the console shows them. */
const columns: Column[] = [
  {
    id: 'icon',
    header: 'Icon',
    isIcon: true,
    isDefault: true,
    width: 40,
    text: (row) =>
      updateIconMeaning[row.icon] + (row.isContentMissing ? ` ${redArrowMeaning}` : ''),
    exportValue: (row) => row.icon + (row.isContentMissing ? ' (content in no package)' : ''),
    exportAs: { field: 'icon', kind: 'text' },
    cell: UpdateIcon,
  },
  {
    id: 'title',
    header: 'Title',
    isDefault: true,
    sortKey: 'title',
    width: 460,
    exportAs: { field: 'title', kind: 'text' },
    text: (row) => row.title,
  },
  {
    id: 'bulletinId',
    header: 'Bulletin ID',
    isDefault: true,
    sortKey: 'bulletinId',
    width: 100,
    exportAs: { field: 'bulletinId', kind: 'text' },
    text: (row) => row.bulletinId,
  },
  {
    id: 'articleId',
    header: 'Article ID',
    sortKey: 'articleId',
    width: 90,
    exportAs: { field: 'articleId', kind: 'text' },
    text: (row) => row.articleId,
  },
  countColumn<SoftwareUpdateRow>('required', 'Required', (row) => row.required, {
    field: 'required',
    isDefault: true,
    sortKey: 'required',
  }),
  countColumn<SoftwareUpdateRow>('installed', 'Installed', (row) => row.installed, {
    field: 'installed',
    isDefault: true,
    sortKey: 'installed',
  }),
  countColumn<SoftwareUpdateRow>('notRequired', 'Not Required', (row) => row.notRequired, {
    field: 'notRequired',
  }),
  countColumn<SoftwareUpdateRow>('unknown', 'Unknown', (row) => row.unknown, { field: 'unknown' }),
  countColumn<SoftwareUpdateRow>('total', 'Total', (row) => row.total, { field: 'total' }),
  {
    ...countColumn<SoftwareUpdateRow>(
      'percentCompliant',
      'Percent Compliant',
      (row) => row.percentCompliant,
      { isDefault: true, sortKey: 'percentCompliant' },
    ),
    // A percentage in a spreadsheet (87%), the number 87 in CSV as the grid shows it.
    exportAs: { field: 'percentCompliant', kind: 'percent' },
  },
  flagColumn<SoftwareUpdateRow>('downloaded', 'Downloaded', (row) => row.isDownloaded, {
    field: 'isDownloaded',
    isDefault: true,
  }),
  flagColumn<SoftwareUpdateRow>('deployed', 'Deployed', (row) => row.isDeployed, {
    field: 'isDeployed',
    isDefault: true,
  }),
  flagColumn<SoftwareUpdateRow>('expired', 'Expired', (row) => row.isExpired, {
    field: 'isExpired',
  }),
  flagColumn<SoftwareUpdateRow>('superseded', 'Superseded', (row) => row.isSuperseded, {
    field: 'isSuperseded',
  }),
  {
    id: 'severity',
    header: 'Severity',
    sortKey: 'severity',
    width: 96,
    exportAs: { field: 'severity', kind: 'text', labels: { '': 'None' } },
    text: (row) => row.severity || 'None',
  },
  {
    id: 'customSeverity',
    header: 'Custom Severity',
    sortKey: 'customSeverity',
    width: 120,
    exportAs: { field: 'customSeverity', kind: 'text' },
    text: (row) => row.customSeverity,
  },
  dateColumn<SoftwareUpdateRow>('dateReleased', 'Date Released', (row) => row.dateReleased, {
    field: 'dateReleased',
    sortKey: 'dateReleased',
  }),
  dateColumn<SoftwareUpdateRow>('dateRevised', 'Date Revised', (row) => row.dateRevised, {
    field: 'dateRevised',
    sortKey: 'dateRevised',
  }),
  dateColumn<SoftwareUpdateRow>('dateCreated', 'Date Created', (row) => row.dateCreated, {
    field: 'dateCreated',
  }),
  dateColumn<SoftwareUpdateRow>(
    'dateLastModified',
    'Date Last Modified',
    (row) => row.dateLastModified,
    { field: 'dateLastModified' },
  ),
  {
    id: 'size',
    header: 'Size (MB)',
    sortKey: 'size',
    width: 90,
    align: 'right',
    exportAs: { field: 'size', kind: 'megabytes' },
    text: (row) => (row.size / 1_048_576).toFixed(2),
    exportValue: (row) => Number((row.size / 1_048_576).toFixed(2)),
  },
  flagColumn<SoftwareUpdateRow>('licenseTerms', 'License Terms', (row) => row.hasLicenseTerms, {
    field: 'hasLicenseTerms',
  }),
  {
    id: 'classification',
    header: 'Update Classification',
    sortKey: 'classification',
    width: 150,
    exportAs: { field: 'classification', kind: 'text' },
    text: (row) => row.classification,
  },
  {
    id: 'product',
    header: 'Product',
    width: 220,
    text: (row) => row.products,
    exportAs: { field: 'products', kind: 'text' },
  },
  {
    id: 'vendor',
    header: 'Vendor',
    width: 100,
    text: (row) => row.vendor,
    exportAs: { field: 'vendor', kind: 'text' },
  },
  countColumn<SoftwareUpdateRow>('maxRunTime', 'Maximum Run Time', (row) => row.maxRunTimeMinutes, {
    field: 'maxRunTimeMinutes',
  }),
  flagColumn<SoftwareUpdateRow>('metadataOnly', 'Is Metadata Only', (row) => row.isMetadataOnly, {
    field: 'isMetadataOnly',
  }),
  flagColumn<SoftwareUpdateRow>('bundle', 'Is Bundle', (row) => row.isBundle, {
    field: 'isBundle',
  }),
  flagColumn<SoftwareUpdateRow>('userDefined', 'User Defined', (row) => row.isUserDefined, {
    field: 'isUserDefined',
  }),
  {
    id: 'uniqueUpdateId',
    header: 'Unique Update ID',
    width: 290,
    text: (row) => row.updateId,
    exportAs: { field: 'updateId', kind: 'text' },
  },
];

/** The site list behind the grid: the grid's pages and Export send the same query. */
const updatesCall = ({ sort, search, criteria, scope }: Omit<ListQuery, 'page'>): SiteListCall => ({
  list: 'updates.list',
  query: {
    filter: {
      text: search || undefined,
      criteria: criteria as UpdateCriterion[],
      groupId: scope?.groupId,
      packageId: scope?.packageId,
    },
    sort: sort && { column: sort.column as SortColumn, direction: sort.direction },
  },
});

/**
 * Software Library > Software Updates > All Software Updates (§3): the catalog, searched, sorted
 * and paged on the site, with the state icons and the red arrow of content in no package.
 */
export function allSoftwareUpdatesNode(
  parentId: string,
  ribbon: readonly RibbonGroup<SoftwareUpdateRow>[] = [],
) {
  return defineListNode<SoftwareUpdateRow>({
    id: 'library.softwareUpdates.all',
    title: 'All Software Updates',
    icon: ShieldTaskRegular,
    workspace: 'library',
    parentId,
    columns,
    rowId: (row) => String(row.ciId),
    siteList: updatesCall,
    source: siteListSource<SoftwareUpdateRow>(updatesCall),
    searchHint: 'Search title, article ID or bulletin ID',
    criteriaBar: UpdateCriteriaBar,
    defaultSort: { columnId: 'dateReleased', direction: 'desc' },
    emptyText:
      'No software updates are in the site database yet. Synchronize Software Updates to load the catalog.',
    ribbon,
    details: SoftwareUpdateDetailsPane,
    properties: SoftwareUpdateProperties,
    describe: (row) => row.title,
    topics: ['softwareUpdates'],
    // A finished download or package change moves red arrows and the Downloaded column; the
    // job's end is a second cue besides `data.changed`, which a reconnecting console can miss.
    onEvent: (event, list) => {
      if (event.type !== 'job.changed' || !event.job.kind.startsWith('content.')) return;
      if (event.job.state === 'succeeded') list.refreshSoon();
    },
    pageSize: 200,
  });
}
