import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import type { AnyRow } from '../nodes/types';
import type { ConsoleServices } from '../stores/console-services';
import type { ListStore } from '../stores/list-store';
import { DemoFleetOffer } from './demo-fleet-offer';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    padding: '3px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  scope: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    padding: '1px 2px 1px 8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  label: { fontSize: '12px', fontWeight: tokens.fontWeightSemibold },
});

/**
 * Above Devices: on an empty site, the offer of a demo fleet. Show Members of a collection narrows Devices to its members: the chip says so, and removing
 * it shows every device again. Nothing is shown for the whole list.
 */
export const DeviceScopeBar = observer(function DeviceScopeBar({
  list,
  services,
}: {
  list: ListStore<AnyRow>;
  services: ConsoleServices;
}) {
  const styles = useStyles();
  if (!list.scope)
    return list.total === 0 && !list.appliedSearch ? <DemoFleetOffer services={services} /> : null;
  return (
    <div className={styles.bar} role="group" aria-label="Collection">
      <span className={styles.scope} data-testid="list-scope">
        <span className={styles.label}>{list.scope.label}</span>
        <Button
          size="small"
          appearance="transparent"
          icon={<DismissRegular />}
          aria-label={`Remove ${list.scope.label}`}
          title="Show all devices again"
          onClick={() => list.setScope(null)}
        />
      </span>
    </div>
  );
});
