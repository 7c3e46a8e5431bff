import { makeStyles, Tooltip, tokens } from '@fluentui/react-components';
import { DesktopFilled, ServerFilled } from '@fluentui/react-icons';
import type { Device } from '../../shared/contract/clients';
import { clientActivity } from './device-text';

const useStyles = makeStyles({
  cell: { display: 'inline-flex', width: '20px', height: '20px', alignItems: 'center' },
  active: { color: '#0078d4', fontSize: '16px' },
  // An inactive client is greyed, as the console dims a client it has not heard from.
  inactive: { color: tokens.colorNeutralForeground4, fontSize: '16px' },
});

export function deviceIconText(device: Device): string {
  return `${device.isServer ? 'Server' : 'Workstation'}, client ${clientActivity(device).toLowerCase()}`;
}

/** The device icon: a server or a desktop, dimmed when the client is inactive. */
export function DeviceIcon({ row }: { row: Device }) {
  const styles = useStyles();
  const Icon = row.isServer ? ServerFilled : DesktopFilled;
  const className = clientActivity(row) === 'Active' ? styles.active : styles.inactive;
  return (
    <Tooltip content={deviceIconText(row)} relationship="label">
      <span className={styles.cell}>
        <Icon className={className} />
      </span>
    </Tooltip>
  );
}
