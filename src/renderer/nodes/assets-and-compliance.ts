import { DesktopRegular, CollectionsRegular, PeopleCommunityRegular } from '@fluentui/react-icons';
import { iconColumn, plannedColumns, plannedListNode } from './columns';
import { defineFolder, type ConsoleNode } from './types';

const workspace = 'assets' as const;

/** Assets and Compliance > Overview: the devices updates are deployed to (spec §1, §10). */
export function assetsAndComplianceNodes(): ConsoleNode[] {
  return [
    defineFolder({
      id: 'assets.overview',
      title: 'Overview',
      icon: PeopleCommunityRegular,
      workspace,
      parentId: null,
    }),
    plannedListNode({
      id: 'assets.devices',
      title: 'Devices',
      icon: DesktopRegular,
      workspace,
      parentId: 'assets.overview',
      // The console's device columns [INF].
      columns: plannedColumns(
        iconColumn,
        { header: 'Name', isDefault: true, width: 200 },
        'Client*',
        'Site Code*',
        'Client Activity*',
        'Client Check Result',
        'Last Activity*',
        'Operating System*',
        'Domain',
        'Maintenance Windows',
        'Resource ID',
      ),
      emptyText:
        'No devices have registered with this site yet. A client appears here when it registers with the management point.',
    }),
    plannedListNode({
      id: 'assets.deviceCollections',
      title: 'Device Collections',
      icon: CollectionsRegular,
      workspace,
      parentId: 'assets.overview',
      // The console's collection columns [INF].
      columns: plannedColumns(
        iconColumn,
        { header: 'Name', isDefault: true, width: 260 },
        { header: 'Limiting Collection', isDefault: true, width: 180 },
        'Member Count*',
        'Members Visible on Site*',
        'Referenced Collections',
        'Collection ID*',
        'Maintenance Windows*',
        'Last Update',
      ),
      emptyText:
        'There are no device collections yet. Collections group devices for deployments and maintenance windows.',
    }),
  ];
}
