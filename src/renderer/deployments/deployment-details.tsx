import { makeStyles, tokens } from '@fluentui/react-components';
import type { Deployment } from '../../shared/contract/deployments';
import { PropertyList } from '../details/property-list';
import { formatDateTime, formatWallClock } from '../format';
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

/** A wall-clock time with what it is based on, as the Scheduling page chose it. */
const withZone = (value: string, row: Deployment) =>
  `${formatWallClock(value)} (${row.timeBasedOn === 'Utc' ? 'UTC' : 'client local time'})`;

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
          { label: 'Deployment Start Time', value: withZone(row.startTime, row) },
          {
            label: 'Enforcement Deadline',
            value: row.enforcementDeadline ? withZone(row.enforcementDeadline, row) : '(none)',
          },
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
