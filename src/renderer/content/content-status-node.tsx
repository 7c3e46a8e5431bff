import { makeStyles, Spinner, Tooltip, tokens } from '@fluentui/react-components';
import {
  ArrowSyncCircleRegular,
  CheckmarkCircleFilled,
  CloudArrowDownRegular,
  ErrorCircleFilled,
} from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { ContentStatusSummary } from '../../shared/contract/distribution-points';
import { formatBytes } from '../format';
import { countColumn, dateColumn } from '../nodes/column-kinds';
import { defineListNode, type ColumnSpec, type DetailsProps } from '../nodes/types';
import { arrayPage } from './array-source';
import { DistributionStateTable } from './distribution-state-table';
import { PackageDistributionStore } from './package-distribution-store';

type Row = ContentStatusSummary;

const useStyles = makeStyles({
  success: { fontSize: '16px', color: tokens.colorPaletteGreenForeground1 },
  progress: { fontSize: '16px', color: tokens.colorBrandForeground1 },
  failed: { fontSize: '16px', color: tokens.colorPaletteRedForeground1 },
  heading: { margin: '0 0 6px', fontWeight: tokens.fontWeightSemibold },
});

function compliance(row: Row): number {
  return row.targeted === 0 ? 0 : Math.round((row.installed / row.targeted) * 100);
}

function stateText(row: Row): string {
  if (row.failed > 0) return `Failed on ${row.failed} of ${row.targeted} distribution points.`;
  if (row.inProgress > 0) return `In progress on ${row.inProgress} distribution points.`;
  return `Installed on ${row.installed} of ${row.targeted} distribution points.`;
}

function ContentStatusIcon({ row }: { row: Row }) {
  const styles = useStyles();
  const Icon =
    row.failed > 0
      ? ErrorCircleFilled
      : row.inProgress > 0
        ? ArrowSyncCircleRegular
        : CheckmarkCircleFilled;
  const colour =
    row.failed > 0 ? styles.failed : row.inProgress > 0 ? styles.progress : styles.success;
  const meaning = stateText(row);
  return (
    <Tooltip content={meaning} relationship="description" withArrow>
      <span role="img" aria-label={meaning}>
        <Icon className={colour} aria-hidden />
      </span>
    </Tooltip>
  );
}

const columns: ColumnSpec<Row>[] = [
  {
    id: 'icon',
    header: 'Icon',
    isIcon: true,
    isDefault: true,
    width: 40,
    text: stateText,
    cell: ContentStatusIcon,
  },
  {
    id: 'software',
    header: 'Software',
    isDefault: true,
    sortKey: 'name',
    width: 240,
    text: (r) => r.name,
  },
  {
    id: 'type',
    header: 'Type',
    isDefault: true,
    width: 200,
    text: () => 'Software Update Deployment Package',
  },
  {
    id: 'packageId',
    header: 'Package ID',
    isDefault: true,
    sortKey: 'packageCode',
    width: 100,
    text: (r) => r.packageCode,
  },
  countColumn<Row>('targeted', 'Targeted', (r) => r.targeted, {
    isDefault: true,
    sortKey: 'targeted',
  }),
  countColumn<Row>('success', 'Success', (r) => r.installed, {
    isDefault: true,
    sortKey: 'installed',
  }),
  countColumn<Row>('inProgress', 'In Progress', (r) => r.inProgress, {
    isDefault: true,
    sortKey: 'inProgress',
  }),
  countColumn<Row>('failed', 'Failed', (r) => r.failed, { isDefault: true, sortKey: 'failed' }),
  countColumn<Row>('unknown', 'Unknown', (r) => r.unknown, { isDefault: true, sortKey: 'unknown' }),
  countColumn<Row>('compliance', 'Compliance %', compliance, { isDefault: true }),
  countColumn<Row>('sourceVersion', 'Source Version', (r) => r.sourceVersion, {
    sortKey: 'sourceVersion',
  }),
  {
    id: 'size',
    header: 'Size',
    sortKey: 'sizeBytes',
    width: 90,
    align: 'right',
    text: (r) => formatBytes(r.sizeBytes),
    exportValue: (r) => r.sizeBytes,
  },
  dateColumn<Row>('lastUpdate', 'Last Update', (r) => r.lastUpdate ?? '', {
    sortKey: 'lastUpdate',
  }),
];

/** View Status: the selected package on each distribution point, live while jobs run. */
const ViewStatus = observer(function ViewStatus({ row, services }: DetailsProps<Row>) {
  const styles = useStyles();
  const [store] = useState(() => new PackageDistributionStore(services, row.packageId));
  useEffect(() => store.start(), [store]);
  if (store.isLoading) return <Spinner size="tiny" label="Reading the status…" />;
  return (
    <div data-testid="view-status">
      <p className={styles.heading}>
        {row.name}: content version {row.sourceVersion}
      </p>
      {store.loadError && <p>The status could not be read: {store.loadError}</p>}
      <DistributionStateTable
        rows={store.rows}
        selected={new Set()}
        onSelect={() => undefined}
        isSelectable={false}
        height="auto"
      />
    </div>
  );
});

/**
 * Monitoring > Distribution Status > Content Status (§6.3, §9.5): each package with how many
 * distribution points hold it, are copying it or failed; selecting one shows View Status.
 */
export function contentStatusNode(parentId: string) {
  return defineListNode<Row>({
    id: 'monitoring.contentStatus',
    title: 'Content Status',
    icon: CloudArrowDownRegular,
    workspace: 'monitoring',
    parentId,
    columns,
    rowId: (row) => String(row.packageId),
    source:
      ({ api }) =>
      async (query) =>
        arrayPage(
          await api.call('contentStatus.list', {}),
          query,
          (r) => `${r.name} ${r.packageCode}`,
        ),
    searchHint: 'Search name or package ID',
    defaultSort: { columnId: 'software', direction: 'asc' },
    emptyText:
      'No content has been sent to distribution points yet. Download software updates into a deployment package to follow its distribution here.',
    details: ViewStatus,
    describe: (row) => row.name,
    topics: ['content'],
    onEvent: (event, list) => {
      if (event.type === 'job.changed') list.refreshSoon();
    },
  });
}
