import { makeStyles, Tooltip } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, ServerFilled, ServerLinkFilled } from '@fluentui/react-icons';
import type { DistributionPoint } from '../../shared/contract/distribution-points';
import { PropertyList } from '../details/property-list';
import { formatBytes, formatDateTime } from '../format';
import { countColumn, dateColumn } from '../nodes/column-kinds';
import {
  defineListNode,
  type ColumnSpec,
  type DetailsProps,
  type RibbonAction,
} from '../nodes/types';
import { AddDistributionPointDialog } from './add-distribution-point-dialog';
import { arrayPage } from './array-source';
import { distributionPointType } from './distribution-point-pickers';

const useStyles = makeStyles({ icon: { fontSize: '18px', color: '#4f6bed' } });

function DistributionPointIcon({ row }: { row: DistributionPoint }) {
  const styles = useStyles();
  const Icon = row.kind === 'remote' ? ServerLinkFilled : ServerFilled;
  const meaning = distributionPointType(row);
  return (
    <Tooltip content={meaning} relationship="description" withArrow>
      <span role="img" aria-label={meaning}>
        <Icon className={styles.icon} aria-hidden />
      </span>
    </Tooltip>
  );
}

/** The details pane: where the library is and what it holds. */
function DistributionPointDetails({ row }: DetailsProps<DistributionPoint>) {
  return (
    <PropertyList
      rows={[
        { label: 'Name', value: row.name },
        { label: 'Description', value: row.description },
        { label: 'Type', value: distributionPointType(row) },
        {
          label: row.kind === 'remote' ? 'Server address' : 'Content library path',
          value: row.libraryPath ?? row.url ?? '',
        },
        {
          label: 'Files',
          value: `${row.fileCount.toLocaleString()} (${formatBytes(row.sizeBytes)}), each kept once`,
        },
        { label: 'Packages', value: row.packagesTargeted },
        { label: 'Date Created', value: formatDateTime(row.dateCreated) },
      ]}
    />
  );
}

const columns: ColumnSpec<DistributionPoint>[] = [
  {
    id: 'icon',
    header: 'Icon',
    isIcon: true,
    isDefault: true,
    width: 40,
    text: distributionPointType,
    cell: DistributionPointIcon,
  },
  { id: 'name', header: 'Name', isDefault: true, sortKey: 'name', width: 220, text: (r) => r.name },
  {
    id: 'description',
    header: 'Description',
    isDefault: true,
    width: 200,
    text: (r) => r.description,
  },
  { id: 'type', header: 'Type', isDefault: true, width: 170, text: distributionPointType },
  {
    id: 'location',
    header: 'Content Library Path',
    isDefault: true,
    width: 280,
    text: (r) => r.libraryPath ?? r.url ?? '',
  },
  countColumn<DistributionPoint>('fileCount', 'Files', (r) => r.fileCount, {
    isDefault: true,
    sortKey: 'fileCount',
  }),
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
  countColumn<DistributionPoint>('packagesTargeted', 'Packages', (r) => r.packagesTargeted, {
    isDefault: true,
    sortKey: 'packagesTargeted',
  }),
  dateColumn<DistributionPoint>('dateCreated', 'Date Created', (r) => r.dateCreated, {
    sortKey: 'dateCreated',
  }),
];

const addDistributionPoint: RibbonAction<DistributionPoint> = {
  id: 'addDistributionPoint',
  label: 'Add Distribution Point',
  icon: AddRegular,
  description:
    'Adds a content library folder on this machine, or another machine running patchbay serve, as a distribution point.',
  run: ({ services, list }) =>
    services.dialogs.show((close) => (
      <AddDistributionPointDialog
        services={services}
        onAdded={() => list.refresh()}
        close={close}
      />
    )),
};

const removeDistributionPoints: RibbonAction<DistributionPoint> = {
  id: 'removeDistributionPoints',
  label: 'Remove',
  icon: DeleteRegular,
  description:
    "Removes the selected distribution points and their copies of packages; the site's own content library stays.",
  isEnabled: ({ selection }) => selection.length > 0 && selection.every((dp) => !dp.isSiteLibrary),
  run: async ({ selection, services, list }) => {
    const isYes = await services.dialogs.confirm({
      title: 'Confirm Remove',
      question:
        selection.length === 1
          ? `Are you sure you want to remove the distribution point "${selection[0]!.name}"? Clients can no longer get content from it.`
          : `Are you sure you want to remove the ${selection.length} selected distribution points? Clients can no longer get content from them.`,
    });
    if (!isYes) return;
    try {
      const { removed } = await services.api.call('dps.remove', {
        ids: selection.map((dp) => dp.id),
      });
      services.notices.show(
        'success',
        `Removed ${removed} distribution ${removed === 1 ? 'point' : 'points'}.`,
      );
      list.setSelection([]);
      list.refresh();
    } catch (error) {
      services.notices.showError('The distribution points were not removed', error);
    }
  },
};

/**
 * Administration > Distribution Points: content libraries that hold packages once per file hash
 * and serve them to clients. The site's own library comes first and cannot be removed.
 */
export function distributionPointsNode(parentId: string) {
  return defineListNode<DistributionPoint>({
    id: 'administration.distributionPoints',
    title: 'Distribution Points',
    icon: ServerFilled,
    workspace: 'administration',
    parentId,
    columns,
    rowId: (row) => String(row.id),
    source:
      ({ api }) =>
      async (query) =>
        arrayPage(await api.call('dps.list', {}), query, (dp) => `${dp.name} ${dp.description}`),
    searchHint: 'Search name or description',
    emptyText:
      'There are no distribution points. Add Distribution Point to copy package content to a content library.',
    ribbon: [
      { label: 'Distribution Point', actions: [addDistributionPoint, removeDistributionPoints] },
    ],
    details: DistributionPointDetails,
    describe: (row) => row.name,
    topics: ['content'],
    onEvent: (event, list) => {
      if (event.type === 'job.changed' && event.job.state === 'succeeded') list.refreshSoon();
    },
  });
}
