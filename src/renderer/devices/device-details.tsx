import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { Device } from '../../shared/contract/clients';
import { formatDateTime, formatErrorCode } from '../format';
import type { DetailsProps } from '../nodes/types';
import { PropertyList } from '../details/property-list';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';
import { DeviceWindows } from './device-windows';
import { clientActivity, scanStateText, timeZoneText } from './device-text';
import { UpdateStatesTable } from './update-states-table';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3, paddingTop: '6px' },
  summary: { paddingTop: '6px' },
});

type DeviceTab = 'updates' | 'summary' | 'windows';

/** The details pane of Devices: the device's software update states, its summary, its windows. */
export function DeviceDetailsPane({ row, services }: DetailsProps<Device>) {
  const [tab, setTab] = useState<DeviceTab>('updates');
  return (
    <div>
      <TabList
        size="small"
        selectedValue={tab}
        onTabSelect={(_event, data) => setTab(data.value as DeviceTab)}
      >
        <Tab value="updates">Software Updates</Tab>
        <Tab value="summary">Summary</Tab>
        <Tab value="windows">Maintenance Windows</Tab>
      </TabList>
      {tab === 'updates' && <DeviceUpdates row={row} services={services} />}
      {tab === 'summary' && <DeviceSummary row={row} services={services} />}
      {tab === 'windows' && <DeviceWindows clientId={row.id} services={services} />}
    </div>
  );
}

const DeviceUpdates = observer(function DeviceUpdates({ row, services }: DetailsProps<Device>) {
  const styles = useStyles();
  const live = useSiteRead(services, siteReads.deviceCompliance(services, row.id));
  if (live.error)
    return <p className={styles.muted}>The update states could not be read: {live.error}</p>;
  if (!live.value) return <p className={styles.muted}>Reading the update states…</p>;
  return <UpdateStatesTable device={live.value} />;
});

/** The device as the site has it now: scans and policy requests move after the row was read. */
const DeviceSummary = observer(function DeviceSummary({
  row: listed,
  services,
}: DetailsProps<Device>) {
  const styles = useStyles();
  const live = useSiteRead(services, siteReads.device(services, listed.id));
  const row = live.value ?? listed;
  return (
    <div className={styles.summary}>
      <PropertyList
        rows={[
          { label: 'Name', value: row.name },
          { label: 'Domain', value: row.domain },
          { label: 'Operating System', value: `${row.osName} (${row.osBuild || 'build unknown'})` },
          { label: 'Device Type', value: row.isServer ? 'Server' : 'Workstation' },
          { label: 'Site Code', value: row.siteCode ?? 'Not assigned' },
          { label: 'Client Version', value: row.clientVersion },
          { label: 'Client Activity', value: clientActivity(row) },
          {
            label: 'Time Zone',
            value: timeZoneText(row.timeZoneOffsetMinutes) ?? 'Not reported by the client',
          },
          { label: 'Registered', value: formatDateTime(row.registeredAt) },
          { label: 'Last Policy Request', value: formatDateTime(row.lastPolicyRequestAt) },
          {
            label: 'Last Scan',
            value: row.lastScanAt
              ? `${formatDateTime(row.lastScanAt)}: ${scanStateText(row.lastScanState)}${row.lastScanErrorCode ? ` (${formatErrorCode(row.lastScanErrorCode)})` : ''}`
              : 'Never scanned',
          },
          { label: 'Last State Message', value: formatDateTime(row.lastStateMessageAt) },
          { label: 'Products', value: row.products.join(', ') },
          { label: 'SMS Unique Identifier', value: row.smsGuid },
          { label: 'Resource ID', value: row.id },
        ]}
      />
    </div>
  );
});
