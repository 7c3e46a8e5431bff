import { makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { AnyRow } from '../nodes/types';
import type { ConsoleServices } from '../stores/console-services';
import type { ListStore } from '../stores/list-store';
import { DemoFleetOffer } from './demo-fleet-offer';
import { ListScopeChip } from '../shell/ListScopeChip';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    padding: '3px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/**
 * Above Devices: on an empty site, the offer of a demo fleet. Show Members of a collection
 * narrows Devices to its members: the chip says so, and removing it shows every device again.
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
      <ListScopeChip list={list} showAllText="Show all devices again" />
    </div>
  );
});
