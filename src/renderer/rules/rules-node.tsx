import { FlowchartRegular } from '@fluentui/react-icons';
import type { z } from 'zod';
import type {
  AutomaticDeploymentRule,
  RuleListQuery,
} from '../../shared/contract/automatic-deployment-rules';
import { defineListNode } from '../nodes/types';
import { createRuleAction } from '../wizards/adr/rule-actions';
import { ruleColumns } from './rule-columns';
import { RuleDetailsPane } from './rule-details';
import { RuleProperties } from './rule-properties';
import { ruleRibbon } from './rule-ribbon';
import { ruleRunJobKind, rulesTopic } from './rule-reads';

type SortColumn = NonNullable<z.input<typeof RuleListQuery>['sort']>['column'];

/**
 * Software Library > Software Updates > Automatic Deployment Rules (§8.3): every rule with its
 * last run, last error and next run, Run Now and Add Deployment on the ribbon, the Summary and
 * Deployments of the selected rule below, and Properties with the wizard's pages as tabs.
 */
export function automaticDeploymentRulesNode(parentId: string) {
  return defineListNode<AutomaticDeploymentRule>({
    id: 'library.softwareUpdates.adrs',
    title: 'Automatic Deployment Rules',
    icon: FlowchartRegular,
    workspace: 'library',
    parentId,
    columns: ruleColumns,
    rowId: (row) => String(row.id),
    source:
      ({ api }) =>
      ({ sort, search, page }) =>
        api.call('rules.list', {
          filter: { text: search || undefined },
          sort: sort && { column: sort.column as SortColumn, direction: sort.direction },
          page,
        }),
    searchHint: 'Search name or description',
    defaultSort: { columnId: 'name', direction: 'asc' },
    emptyText:
      'There are no automatic deployment rules. Choose Create Automatic Deployment Rule to have each month’s updates selected, downloaded and deployed without you.',
    ribbon: ruleRibbon(createRuleAction<AutomaticDeploymentRule>()),
    details: RuleDetailsPane,
    properties: RuleProperties,
    describe: (row) => row.name,
    topics: [rulesTopic],
    // A run moves Last Run Time and Last Error Code when it starts and when it ends.
    onEvent: (event, list) => {
      if (event.type === 'job.changed' && event.job.kind === ruleRunJobKind) list.refreshSoon();
    },
  });
}
