import { RocketRegular } from '@fluentui/react-icons';
import type { Deployment, DeploymentListQuery } from '../../shared/contract/deployments';
import type { z } from 'zod';
import { countColumn, dateColumn, flagColumn } from '../nodes/column-kinds';
import { defineListNode, type ColumnSpec, type RibbonGroup } from '../nodes/types';
import { DeploymentDetailsPane } from './deployment-details';
import { deploymentRibbon } from './deployment-ribbon';
import { DeploymentProperties } from './deployment-properties';

type SortColumn = NonNullable<z.input<typeof DeploymentListQuery>['sort']>['column'];
type Column = ColumnSpec<Deployment>;

const text = (id: string, header: string, value: (row: Deployment) => string, width = 120) => ({
  id,
  header,
  width,
  text: value,
});

/** The columns of §9.2, in the console's order, then the SMS_DeploymentSummary counters. */
const columns: Column[] = [
  { ...text('software', 'Software', (r) => r.softwareName, 260), isDefault: true },
  { ...text('collection', 'Collection', (r) => r.collectionName, 160), isDefault: true },
  { ...text('purpose', 'Purpose', (r) => r.purpose, 90), isDefault: true },
  { ...text('action', 'Action', () => 'Install', 80), isDefault: true },
  { ...text('featureType', 'Feature Type', () => 'Software Update', 120), isDefault: true },
  countColumn<Deployment>('compliancePercent', 'Compliance %', (r) => r.compliancePercent, {
    isDefault: true,
    width: 110,
  }),
  dateColumn<Deployment>('dateCreated', 'Date Created', (r) => r.dateCreated, {
    isDefault: true,
    sortKey: 'dateCreated',
  }),
  dateColumn<Deployment>('dateModified', 'Date Modified', (r) => r.dateModified, {
    sortKey: 'dateModified',
  }),
  {
    ...text('startTime', 'Deployment Start Time', (r) => r.startTime, 150),
    sortKey: 'startTime',
  },
  {
    ...text('deadline', 'Enforcement Deadline', (r) => r.enforcementDeadline ?? '', 150),
    sortKey: 'enforcementDeadline',
  },
  {
    ...text('deploymentId', 'Deployment ID', (r) => r.assignmentUniqueId, 280),
    isDefault: true,
  },
  flagColumn<Deployment>('enabled', 'Enabled', (r) => r.isEnabled),
  { ...text('name', 'Name', (r) => r.name, 240), sortKey: 'name' },
  countColumn<Deployment>('numberTargeted', 'Targeted', (r) => r.numberTargeted),
  countColumn<Deployment>('numberSuccess', 'Compliant', (r) => r.numberSuccess),
  countColumn<Deployment>('numberInProgress', 'In Progress', (r) => r.numberInProgress),
  countColumn<Deployment>('numberErrors', 'Error', (r) => r.numberErrors),
  countColumn<Deployment>('numberOther', 'Requirements Not Met', (r) => r.numberOther, {
    width: 150,
  }),
  countColumn<Deployment>('numberUnknown', 'Unknown', (r) => r.numberUnknown),
];

/**
 * Monitoring > Overview > Deployments (§9.2): every software update deployment with its live
 * counters; View Status on the ribbon. `ribbon` adds groups after the Deployment group.
 */
export function deploymentsNode(parentId: string, ribbon: readonly RibbonGroup<Deployment>[] = []) {
  return defineListNode<Deployment>({
    id: 'monitoring.deployments',
    title: 'Deployments',
    icon: RocketRegular,
    workspace: 'monitoring',
    parentId,
    columns,
    rowId: (row) => String(row.id),
    source:
      ({ api }) =>
      ({ sort, search, page }) =>
        api.call('deployments.list', {
          filter: { text: search || undefined },
          sort: sort && { column: sort.column as SortColumn, direction: sort.direction },
          page,
        }),
    searchHint: 'Search deployment name',
    defaultSort: { columnId: 'dateCreated', direction: 'desc' },
    emptyText:
      'There are no deployments. Deploy a software update group to a collection to follow its compliance here.',
    ribbon: [deploymentRibbon, ...ribbon],
    details: DeploymentDetailsPane,
    properties: DeploymentProperties,
    describe: (row) => row.name,
    // State message batches announce this topic, so the counters move with them.
    topics: ['deployments'],
  });
}
