import { FolderRegular, SettingsRegular } from '@fluentui/react-icons';
import { clientSettingsNode } from '../client-settings/client-settings-node';
import { distributionPointsNode } from '../content/distribution-points-node';
import { distributionPointGroupsNode } from '../content/dp-groups-node';
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
    clientSettingsNode('administration.overview'),
  ];
}
