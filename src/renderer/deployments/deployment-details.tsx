import { makeStyles, tokens } from '@fluentui/react-components';
import type { Deployment } from '../../shared/contract/deployments';
import { PropertyList } from '../details/property-list';
import { formatDateTime } from '../format';
import type { DetailsProps } from '../nodes/types';
import { countsOf, DeploymentPie } from './deployment-pie';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: '24px',
    paddingTop: '6px',
  },
  heading: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3, fontSize: '11px', marginTop: '6px' },
});

/** Monitoring > Deployments details pane, Summary tab (§9.2): the pie of the five categories. */
export function DeploymentDetailsPane({ row }: DetailsProps<Deployment>) {
  const styles = useStyles();
  return (
    <div className={styles.summary}>
      <PropertyList
        rows={[
          { label: 'Software', value: row.softwareName },
          { label: 'Collection', value: row.collectionName },
          { label: 'Purpose', value: row.purpose },
          { label: 'Deployment Start Time', value: row.startTime },
          { label: 'Enforcement Deadline', value: row.enforcementDeadline ?? '(none)' },
          { label: 'Enabled', value: row.isEnabled ? 'Yes' : 'No' },
          { label: 'Deployment ID', value: row.assignmentUniqueId },
        ]}
      />
      <div>
        <span className={styles.heading}>Completion Statistics</span>
        <DeploymentPie counts={countsOf(row)} />
        <div className={styles.note}>
          {row.compliancePercent}% compliant of {row.numberTargeted.toLocaleString()} targeted. Last
          Updated: {formatDateTime(row.summarizationTime)} (live).
        </div>
      </div>
    </div>
  );
}
