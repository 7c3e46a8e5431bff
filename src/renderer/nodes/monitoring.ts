import { FolderRegular, HeartPulseRegular, RocketRegular } from '@fluentui/react-icons';
import { contentStatusNode } from '../content/content-status-node';
import { iconColumn, plannedColumns, plannedListNode } from './columns';
import { jobsNode } from './jobs-node';
import { statusMessagesNode } from './status-messages-node';
import { syncStatusNode } from './sync-status-node';
import { defineFolder, type ConsoleNode } from './types';

const workspace = 'monitoring' as const;

/** Monitoring > Overview (spec §9). */
export function monitoringNodes(): ConsoleNode[] {
  return [
    defineFolder({
      id: 'monitoring.overview',
      title: 'Overview',
      icon: HeartPulseRegular,
      workspace,
      parentId: null,
    }),
    syncStatusNode('monitoring.overview'),
    plannedListNode({
      id: 'monitoring.deployments',
      title: 'Deployments',
      icon: RocketRegular,
      workspace,
      parentId: 'monitoring.overview',
      // Spec §9.2.
      columns: plannedColumns(
        iconColumn,
        { header: 'Software', isDefault: true, width: 260 },
        { header: 'Collection', isDefault: true, width: 180 },
        'Purpose*',
        'Action*',
        'Feature Type*',
        'Compliance %*',
        'Date Created*',
        'Date Modified',
        'Deployment Start Time',
        'Enforcement Deadline',
        'Deployment ID*',
        'Enabled',
      ),
      emptyText:
        'There are no deployments. Deploy a software update group to a collection to follow its compliance here.',
    }),
    defineFolder({
      id: 'monitoring.distributionStatus',
      title: 'Distribution Status',
      icon: FolderRegular,
      workspace,
      parentId: 'monitoring.overview',
    }),
    contentStatusNode('monitoring.distributionStatus'),
    defineFolder({
      id: 'monitoring.systemStatus',
      title: 'System Status',
      icon: FolderRegular,
      workspace,
      parentId: 'monitoring.overview',
    }),
    statusMessagesNode('monitoring.systemStatus'),
    jobsNode('monitoring.overview'),
  ];
}
