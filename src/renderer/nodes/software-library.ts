import { FolderRegular, LibraryRegular, FlowchartRegular } from '@fluentui/react-icons';
import { deploymentPackagesNode } from '../content/deployment-packages-node';
import { summarizationActions } from '../compliance/summarization-actions';
import { updateGroupRibbon } from '../groups/update-group-ribbon';
import { createRuleAction } from '../wizards/adr/rule-actions';
import { deploymentGroupRibbon, deploymentUpdatesRibbon } from '../wizards/deploy/deploy-actions';
import { allSoftwareUpdatesNode } from './all-software-updates-node';
import { iconColumn, plannedColumns, plannedListNode } from './columns';
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
    plannedListNode({
      id: 'library.softwareUpdates.adrs',
      title: 'Automatic Deployment Rules',
      icon: FlowchartRegular,
      workspace,
      parentId: 'library.softwareUpdates',
      // Spec §8.3.
      columns: plannedColumns(
        iconColumn,
        { header: 'Name', isDefault: true, width: 280 },
        { header: 'Description', isDefault: true, width: 220 },
        'Enabled*',
        'Last Run Time*',
        'Last Error Code*',
        'Last Error Time*',
        'Collection',
        'Template',
        'Date Created',
        'Created By',
      ),
      emptyText: 'There are no automatic deployment rules yet.',
      ribbon: [{ label: 'Create', actions: [createRuleAction<object>()] }],
      willHold:
        'Automatic deployment rules arrive in a later version of Patchbay. This list will hold each rule: whether it is enabled, when it last ran and its last error code, with its target collection. A rule runs on a schedule or after each synchronization, picks the updates that match its criteria (for example, released in the last month, not superseded), adds them to a software update group, downloads them and deploys them.',
    }),
  ];
}
