import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { formatDateTime } from '../format';
import { useSmallTableStyles } from '../collections/small-table';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';

const useStyles = makeStyles({
  surface: { width: '720px', maxWidth: '94vw' },
  box: { maxHeight: '50vh' },
});

/**
 * View Required: the devices whose last scan reported the update Required, live, with when
 * they said so. ConfigMgr opens a device list filtered the same way.
 */
export const RequiredDevicesDialog = observer(function RequiredDevicesDialog(props: {
  ciId: number;
  title: string;
  services: ConsoleServices;
  onClose(): void;
}) {
  const styles = useStyles();
  const table = useSmallTableStyles();
  const required = useSiteRead(
    props.services,
    siteReads.requiredDevices(props.services, props.ciId),
  );
  const page = required.value;
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Devices that require {props.title}</DialogTitle>
          <DialogContent>
            {required.error ? (
              <span className={table.empty}>{required.error}</span>
            ) : !page ? (
              'Reading…'
            ) : page.total === 0 ? (
              <span className={table.empty}>
                No device requires this update: no client has reported it as required in its last
                scan.
              </span>
            ) : (
              <>
                <p className={table.note}>
                  {page.total.toLocaleString()}{' '}
                  {page.total === 1 ? 'device requires' : 'devices require'} this update
                  {page.rows.length < page.total
                    ? ` (first ${page.rows.length.toLocaleString()} shown)`
                    : ''}
                  .
                </p>
                <div className={`${table.box} ${styles.box}`}>
                  <table className={table.table} aria-label="Devices that require the update">
                    <thead>
                      <tr>
                        <th className={table.head}>Name</th>
                        <th className={table.head}>Domain</th>
                        <th className={table.head}>Operating System</th>
                        <th className={table.head}>Last Scan</th>
                        <th className={table.head}>Required Since</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.rows.map((device) => (
                        <tr key={device.clientId}>
                          <td className={table.cell}>{device.name}</td>
                          <td className={table.cell}>{device.domain}</td>
                          <td className={table.cell}>{device.osName}</td>
                          <td className={table.cell}>{formatDateTime(device.lastScanAt)}</td>
                          <td className={table.cell}>{formatDateTime(device.stateTime)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
});
