import { makeStyles, tokens } from '@fluentui/react-components';
import type { DeploymentPackage } from '../../shared/contract/deployment-packages';
import { PropertyList } from '../details/property-list';
import { formatBytes, formatDateTime } from '../format';
import type { DetailsProps } from '../nodes/types';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: '24px',
  },
  heading: { fontWeight: tokens.fontWeightSemibold, marginBottom: '4px' },
});

/** The details pane of Deployment Packages: the package and where its content stands. */
export function DeploymentPackageDetailsPane({ row }: DetailsProps<DeploymentPackage>) {
  const styles = useStyles();
  const inProgress = Math.max(
    0,
    row.distributionPointCount - row.distributedCount - row.failedCount,
  );
  return (
    <div className={styles.summary}>
      <PropertyList
        rows={[
          { label: 'Name', value: row.name },
          { label: 'Description', value: row.description },
          { label: 'Package ID', value: row.packageId },
          { label: 'Package source path', value: row.sourcePath },
          { label: 'Source Version', value: row.sourceVersion },
          { label: 'Source Date', value: formatDateTime(row.sourceDate) },
          { label: 'Date created', value: formatDateTime(row.dateCreated) },
          { label: 'Created By', value: row.createdBy },
        ]}
      />
      <div>
        <div className={styles.heading}>Content</div>
        <PropertyList
          rows={[
            { label: 'Software updates', value: row.numberOfUpdates.toLocaleString() },
            { label: 'Files', value: row.numberOfFiles.toLocaleString() },
            { label: 'Size', value: formatBytes(row.sizeBytes) },
            { label: 'Priority', value: row.priority },
            { label: 'Distribution points targeted', value: row.distributionPointCount },
            { label: 'Success', value: row.distributedCount },
            { label: 'In progress', value: inProgress },
            { label: 'Failed', value: row.failedCount },
          ]}
        />
      </div>
    </div>
  );
}
