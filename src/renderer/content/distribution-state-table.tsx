import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  ArrowSyncCircleRegular,
  CheckmarkCircleFilled,
  ErrorCircleFilled,
  QuestionCircleRegular,
} from '@fluentui/react-icons';
import type {
  DistributionState,
  PackageDistribution,
} from '../../shared/contract/distribution-points';
import { formatDateTime } from '../format';
import { SelectTable } from '../wizards/select-table';

const useStyles = makeStyles({
  state: { display: 'inline-flex', alignItems: 'center', gap: '4px' },
  Success: { color: tokens.colorPaletteGreenForeground1 },
  InProgress: { color: tokens.colorBrandForeground1 },
  Failed: { color: tokens.colorPaletteRedForeground1 },
  Unknown: { color: tokens.colorNeutralForeground3 },
});

export const distributionStateText: Record<DistributionState, string> = {
  Success: 'Success',
  InProgress: 'In Progress',
  Failed: 'Failed',
  Unknown: 'Unknown',
};

const stateIcons = {
  Success: CheckmarkCircleFilled,
  InProgress: ArrowSyncCircleRegular,
  Failed: ErrorCircleFilled,
  Unknown: QuestionCircleRegular,
};

export function DistributionStateLabel({ state }: { state: DistributionState }) {
  const styles = useStyles();
  const Icon = stateIcons[state];
  return (
    <span className={styles.state} data-state={state}>
      <Icon className={mergeClasses(styles[state])} aria-hidden />
      {distributionStateText[state]}
    </span>
  );
}

/** A package on each distribution point: state, the reason or step, and the version held. */
export function DistributionStateTable(props: {
  rows: readonly PackageDistribution[];
  selected: ReadonlySet<string>;
  onSelect(keys: Set<string>): void;
  isSelectable: boolean;
  height: string;
}) {
  return (
    <SelectTable<PackageDistribution>
      label="Distribution points"
      columns={[
        { header: 'Distribution Point', width: '26%', cell: (row) => row.distributionPointName },
        {
          header: 'State',
          width: '15%',
          cell: (row) => <DistributionStateLabel state={row.state} />,
        },
        { header: 'Message', cell: (row) => <span title={row.message}>{row.message}</span> },
        { header: 'Version', width: '9%', cell: (row) => row.contentVersion },
        { header: 'Last Update', width: '20%', cell: (row) => formatDateTime(row.modifiedAt) },
      ]}
      rows={props.rows}
      rowKey={(row) => String(row.distributionPointId)}
      rowName={(row) => row.distributionPointName}
      selected={props.selected}
      onSelect={props.onSelect}
      isMultiple={props.isSelectable}
      height={props.height}
      emptyText="The package is on no distribution point. Choose Distribute Content to copy it to one."
    />
  );
}
