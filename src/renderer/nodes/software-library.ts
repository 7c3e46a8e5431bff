import { FolderRegular, LibraryRegular } from '@fluentui/react-icons';
import { deploymentPackagesNode } from '../content/deployment-packages-node';
import { summarizationActions } from '../compliance/summarization-actions';
import { updateGroupRibbon } from '../groups/update-group-ribbon';
import { automaticDeploymentRulesNode } from '../rules/rules-node';
import { deploymentGroupRibbon, deploymentUpdatesRibbon } from '../wizards/deploy/deploy-actions';
import { allSoftwareUpdatesNode } from './all-software-updates-node';
import { softwareUpdateGroupsNode } from './software-update-groups-node';
import { SoftwareUpdatesOverview } from './software-updates-overview';
import { synchronizeSoftwareUpdatesAction } from './synchronize-action';
import { defineFolder, type ConsoleNode, type RibbonGroup } from './types';

const workspace = 'library' as const;

/**
 * The node's own Home group, as ConfigMgr lays it out: Synchronize Software Updates, Run
 * Summarization and Schedule Summarization side by side.
 */
function softwareUpdatesGroup<Row>(label: string): RibbonGroup<Row> {
  return {
    label,
    actions: [synchronizeSoftwareUpdatesAction<Row>(), ...summarizationActions<Row>()],
  };
}

/** Software Library > Overview > Software Updates (spec §1, §3, §5, §6, §8). */
export function softwareLibraryNodes(): ConsoleNode[] {
  return [
    defineFolder({
      id: 'library.overview',
      title: 'Overview',
      icon: LibraryRegular,
      workspace,
      parentId: null,
      overview: SoftwareUpdatesOverview,
    }),
    defineFolder({
      id: 'library.softwareUpdates',
      title: 'Software Updates',
      icon: FolderRegular,
      workspace,
      parentId: 'library.overview',
      overview: SoftwareUpdatesOverview,
    }),
    allSoftwareUpdatesNode('library.softwareUpdates', [
      updateGroupRibbon,
      deploymentUpdatesRibbon,
      softwareUpdatesGroup('All Software Updates'),
    ]),
    softwareUpdateGroupsNode('library.softwareUpdates', [
      deploymentGroupRibbon,
      softwareUpdatesGroup('Software Update Groups'),
    ]),
    deploymentPackagesNode('library.softwareUpdates'),
    automaticDeploymentRulesNode('library.softwareUpdates'),
  ];
}
