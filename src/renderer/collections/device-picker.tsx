import { Field, Input, makeStyles, mergeClasses } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { ConsoleServices } from '../stores/console-services';
import { useLiveValue } from '../stores/use-live-value';
import { collectionActions } from './collection-actions';
import { useSmallTableStyles } from './small-table';

const useStyles = makeStyles({ box: { maxHeight: '220px' } });

/** The direct rule's resource search: a name to look for, then one device picked from the list. */
export const DevicePicker = observer(function DevicePicker(props: {
  services: ConsoleServices;
  selectedId: number | null;
  onSelect(id: number): void;
}) {
  const styles = useStyles();
  const table = useSmallTableStyles();
  const [text, setText] = useState('');
  const found = useLiveValue(props.services.hub, `devices:${text}`, ['devices'], () =>
    collectionActions.findDevices(props.services, text.trim()),
  );
  const rows = found.value?.rows ?? [];
  return (
    <>
      <Field label="Device name">
        <Input
          value={text}
          autoFocus
          placeholder="Type part of a name"
          onChange={(_e, data) => setText(data.value)}
        />
      </Field>
      <div className={mergeClasses(table.box, styles.box)}>
        <table className={table.table} aria-label="Devices">
          <thead>
            <tr>
              <th className={table.head}>Name</th>
              <th className={table.head}>Operating System</th>
              <th className={table.head}>Domain</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((device) => (
              <tr
                key={device.id}
                className={mergeClasses(device.id === props.selectedId && table.selected)}
                aria-selected={device.id === props.selectedId}
                onClick={() => props.onSelect(device.id)}
              >
                <td className={table.cell}>{device.name}</td>
                <td className={table.cell}>{device.osName}</td>
                <td className={table.cell}>{device.domain}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {found.value && rows.length === 0 && <div className={table.empty}>No device matches.</div>}
      </div>
      {found.value && found.value.total > rows.length && (
        <span className={table.note}>
          Showing {rows.length} of {found.value.total.toLocaleString()} devices: type more of the
          name.
        </span>
      )}
    </>
  );
});
