import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { CompliancePie } from '../details/compliance-pie';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';
import { RequiredDevicesDialog } from './required-devices-dialog';
import { UnknownBreakdown } from './unknown-breakdown';

const useStyles = makeStyles({
  side: { display: 'flex', flexDirection: 'column', gap: '8px', alignItems: 'flex-start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * An update's compliance in the details pane: the pie from the live counters (re-read when the
 * site announces a state message batch), why Unknowns are unknown, and View Required.
 */
export const UpdateCompliancePanel = observer(function UpdateCompliancePanel(props: {
  ciId: number;
  title: string;
  services: ConsoleServices;
}) {
  const styles = useStyles();
  const counts = useSiteRead(
    props.services,
    siteReads.updateCompliance(props.services, props.ciId),
  );
  const unknown = useSiteRead(props.services, siteReads.unknownDevices(props.services, props.ciId));
  const [isRequiredOpen, setRequiredOpen] = useState(false);
  const value = counts.value;
  return (
    <div className={styles.side}>
      {value ? (
        <CompliancePie counts={value} summarizedAt={value.lastSummarizedAt} />
      ) : (
        <span className={styles.muted}>{counts.error ?? 'Reading compliance…'}</span>
      )}
      {unknown.value && <UnknownBreakdown unknown={unknown.value} />}
      <Button size="small" onClick={() => setRequiredOpen(true)}>
        View Required
      </Button>
      {isRequiredOpen && (
        <RequiredDevicesDialog
          ciId={props.ciId}
          title={props.title}
          services={props.services}
          onClose={() => setRequiredOpen(false)}
        />
      )}
    </div>
  );
});
