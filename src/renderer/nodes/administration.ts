import { FolderRegular, OptionsRegular, SettingsRegular } from '@fluentui/react-icons';
import { distributionPointsNode } from '../content/distribution-points-node';
import { distributionPointGroupsNode } from '../content/dp-groups-node';
import { iconColumn, plannedColumns, plannedListNode } from './columns';
import { sitesNode } from './sites-node';
import { defineFolder, type ConsoleNode } from './types';

const workspace = 'administration' as const;

/**
 * Administration > Overview. As in the ConfigMgr console, Distribution Points and Client
 * Settings sit beside Site Configuration, not inside it.
 */
export function administrationNodes(): ConsoleNode[] {
  return [
    defineFolder({
      id: 'administration.overview',
      title: 'Overview',
      icon: SettingsRegular,
      workspace,
      parentId: null,
    }),
    defineFolder({
      id: 'administration.siteConfiguration',
      title: 'Site Configuration',
      icon: FolderRegular,
      workspace,
      parentId: 'administration.overview',
    }),
    sitesNode('administration.siteConfiguration'),
    distributionPointsNode('administration.overview'),
    distributionPointGroupsNode('administration.overview'),
    plannedListNode({
      id: 'administration.clientSettings',
      title: 'Client Settings',
      icon: OptionsRegular,
      workspace,
      parentId: 'administration.overview',
      // The console's client settings columns [INF].
      columns: plannedColumns(
        iconColumn,
        { header: 'Name', isDefault: true, width: 240 },
        'Priority*',
        'Type*',
        'Deployments*',
        { header: 'Description', isDefault: true, width: 240 },
        'Date Modified*',
        'Modified By',
      ),
      emptyText:
        'No client settings are in the site database yet. Default Client Settings appear here once the site provides them.',
    }),
  ];
}
