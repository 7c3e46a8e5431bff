import { makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { PieChart } from '../details/compliance-pie';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';
import { groupStateColours } from './state-colours';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3, fontSize: '12px' },
  note: { color: tokens.colorNeutralForeground3, fontSize: '11px', marginTop: '6px' },
});

/**
 * A group's compliance per device (§4.1: Compliant, Non-compliant, Unknown), live from the
 * counters the site moves with each state message batch.
 */
export const GroupCompliancePanel = observer(function GroupCompliancePanel(props: {
  groupId: number;
  services: ConsoleServices;
}) {
  const styles = useStyles();
  const live = useSiteRead(
    props.services,
    siteReads.groupCompliance(props.services, props.groupId),
  );
  const value = live.value;
  if (!value) return <span className={styles.muted}>{live.error ?? 'Reading compliance…'}</span>;
  return (
    <div>
      <PieChart
        label="Group compliance"
        slices={[
          { label: 'Compliant', colour: groupStateColours.Compliant, value: value.compliant },
          {
            label: 'Non-compliant',
            colour: groupStateColours['Non-compliant'],
            value: value.nonCompliant,
          },
          { label: 'Unknown', colour: groupStateColours.Unknown, value: value.unknown },
        ]}
      />
      <div className={styles.note}>
        {value.total === 0
          ? 'No client has reported a scan for the updates of this group yet.'
          : `${value.percentCompliant}% of ${value.total.toLocaleString()} devices compliant, live from state messages.`}
      </div>
    </div>
  );
});
