import { FolderRegular, HeartPulseRegular } from '@fluentui/react-icons';
import { contentStatusNode } from '../content/content-status-node';
import { deploymentsNode } from '../deployments/deployments-node';
import { reportingNodes } from '../reports/report-nodes';
import { alertsNode } from './alerts-node';
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
    deploymentsNode('monitoring.overview'),
    alertsNode('monitoring.overview'),
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
    ...reportingNodes('monitoring.overview'),
  ];
}
