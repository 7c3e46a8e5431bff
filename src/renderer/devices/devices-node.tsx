import { DesktopRegular } from '@fluentui/react-icons';
import type { Device } from '../../shared/contract/clients';
import { formatErrorCode } from '../format';
import { dateColumn } from '../nodes/column-kinds';
import { defineListNode, type ColumnSpec } from '../nodes/types';
import { DeviceDetailsPane } from './device-details';
import { deviceRibbon } from './device-ribbon';
import { DeviceScopeBar } from './device-scope-bar';
import { DeviceIcon, deviceIconText } from './device-icon';
import { clientActivity, scanStateText, timeZoneText } from './device-text';

type Column = ColumnSpec<Device>;
const never = (iso: string | null) => iso ?? '';

/** The console's device columns; the default set first, in its order. */
const columns: Column[] = [
  {
    id: 'icon',
    header: 'Icon',
    isIcon: true,
    isDefault: true,
    width: 40,
    text: deviceIconText,
    cell: DeviceIcon,
  },
  { id: 'name', header: 'Name', isDefault: true, sortKey: 'name', width: 180, text: (r) => r.name },
  { id: 'client', header: 'Client', isDefault: true, width: 70, text: () => 'Yes' },
  {
    id: 'siteCode',
    header: 'Site Code',
    isDefault: true,
    width: 80,
    text: (r) => r.siteCode ?? '',
  },
  {
    id: 'clientActivity',
    header: 'Client Activity',
    isDefault: true,
    width: 110,
    text: (r) => clientActivity(r),
  },
  {
    id: 'osName',
    header: 'Operating System',
    isDefault: true,
    sortKey: 'osName',
    width: 230,
    text: (r) => r.osName,
  },
  { id: 'osBuild', header: 'OS Build', isDefault: true, width: 100, text: (r) => r.osBuild },
  dateColumn<Device>('lastScan', 'Last Scan', (r) => never(r.lastScanAt), { isDefault: true }),
  {
    id: 'lastScanState',
    header: 'Last Scan State',
    width: 130,
    text: (r) =>
      r.lastScanAt === null
        ? 'Never scanned'
        : scanStateText(r.lastScanState) +
          (r.lastScanErrorCode ? ` (${formatErrorCode(r.lastScanErrorCode)})` : ''),
  },
  dateColumn<Device>('lastPolicyRequest', 'Last Policy Request', (r) =>
    never(r.lastPolicyRequestAt),
  ),
  dateColumn<Device>('lastStateMessage', 'Last State Message', (r) => never(r.lastStateMessageAt), {
    isDefault: true,
  }),
  {
    id: 'clientVersion',
    header: 'Client Version',
    isDefault: true,
    width: 110,
    text: (r) => r.clientVersion,
  },
  { id: 'domain', header: 'Domain', width: 120, text: (r) => r.domain },
  {
    id: 'timeZone',
    header: 'Time Zone',
    width: 90,
    text: (r) => timeZoneText(r.timeZoneOffsetMinutes) ?? '',
  },
  {
    id: 'type',
    header: 'Device Type',
    width: 100,
    text: (r) => (r.isServer ? 'Server' : 'Workstation'),
  },
  dateColumn<Device>('registered', 'Registration Date', (r) => r.registeredAt),
  { id: 'resourceId', header: 'Resource ID', width: 90, align: 'right', text: (r) => String(r.id) },
  { id: 'smsGuid', header: 'SMS Unique Identifier', width: 300, text: (r) => r.smsGuid },
];

/**
 * Assets and Compliance > Devices: clients registered through the management point, read page by
 * page from the site; Show Members of a collection narrows it to the collection's members.
 */
export function devicesNode(parentId: string) {
  return defineListNode<Device>({
    id: 'assets.devices',
    title: 'Devices',
    icon: DesktopRegular,
    workspace: 'assets',
    parentId,
    columns,
    rowId: (row) => String(row.id),
    source:
      ({ api }) =>
      ({ sort, search, scope, page }) =>
        api.call('devices.list', {
          filter: { text: search || undefined, collectionId: scope?.collectionId },
          sort: sort && { column: sort.column as 'name' | 'osName', direction: sort.direction },
          page,
        }),
    searchHint: 'Search name',
    criteriaBar: DeviceScopeBar,
    defaultSort: { columnId: 'name', direction: 'asc' },
    emptyText:
      'No devices have registered with this site yet. A client appears here when it registers with the management point.',
    ribbon: [deviceRibbon],
    details: DeviceDetailsPane,
    describe: (row) => row.name,
    topics: ['devices'],
    pageSize: 200,
  });
}
