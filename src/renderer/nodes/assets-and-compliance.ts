import { PeopleCommunityRegular } from '@fluentui/react-icons';
import { deviceCollectionsNode } from '../collections/collections-node';
import { devicesNode } from '../devices/devices-node';
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
    devicesNode('assets.overview'),
    deviceCollectionsNode('assets.overview'),
  ];
}
