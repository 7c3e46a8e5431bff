import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import {
  clientSettingGroups,
  clientSettingInfo,
  formatSettingValue,
} from '../../shared/compliance/client-settings';
import { useSmallTableStyles } from '../collections/small-table';
import type { ConsoleServices } from '../stores/console-services';
import { useSiteRead } from '../stores/use-live-value';
import { clientSettingsReads } from './client-settings-reads';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: '8px', maxHeight: '70vh' },
  box: { maxHeight: '60vh' },
  group: { fontWeight: 600, paddingTop: '8px' },
  source: { whiteSpace: 'nowrap' },
});

/**
 * Client Settings > Resultant Client Settings of a device: every setting the device gets, with
 * the client settings object (and its priority) that won, live while collections change.
 */
export const ResultantClientSettingsDialog = observer(
  function ResultantClientSettingsDialog(props: {
    services: ConsoleServices;
    device: { id: number; name: string };
    close(): void;
  }) {
    const styles = useStyles();
    const table = useSmallTableStyles();
    const result = useSiteRead(
      props.services,
      clientSettingsReads.resultant(props.services, props.device.id),
    );
    const value = result.value;
    return (
      <Dialog open onOpenChange={(_event, data) => !data.open && props.close()}>
        <DialogSurface style={{ maxWidth: '900px' }}>
          <DialogBody>
            <DialogTitle>Resultant Client Settings: {props.device.name}</DialogTitle>
            <DialogContent className={styles.content}>
              {value?.warnings.map((warning) => (
                <MessageBar key={warning} intent="warning">
                  <MessageBarBody>{warning}</MessageBarBody>
                </MessageBar>
              ))}
              <div className={mergeClasses(table.box, styles.box)}>
                <table className={table.table} aria-label="Resultant client settings">
                  <thead>
                    <tr>
                      <th className={table.head}>Setting</th>
                      <th className={table.head}>Value</th>
                      <th className={table.head}>Client Settings</th>
                      <th className={table.head}>Priority</th>
                    </tr>
                  </thead>
                  <tbody>
                    {value &&
                      clientSettingGroups.flatMap((group) => [
                        <tr key={group}>
                          <td className={`${table.cell} ${styles.group}`} colSpan={4}>
                            {group}
                          </td>
                        </tr>,
                        ...clientSettingInfo
                          .filter((setting) => setting.group === group)
                          .map((setting) => {
                            const source = value.sources[setting.key]!;
                            return (
                              <tr key={setting.key}>
                                <td className={table.cell}>{setting.label}</td>
                                <td className={table.cell}>{formatSettingValue(source.value)}</td>
                                <td className={mergeClasses(table.cell, styles.source)}>
                                  {source.sourceName}
                                </td>
                                <td className={table.cell}>{source.sourcePriority}</td>
                              </tr>
                            );
                          }),
                      ])}
                  </tbody>
                </table>
              </div>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={props.close}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    );
  },
);
