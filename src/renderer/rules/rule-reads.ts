import type { ConsoleServices } from '../stores/console-services';

/**
 * `data.changed` topic of automatic deployment rules. A run also changes groups and
 * deployments, which announce their own topics.
 */
export const rulesTopic = 'automaticDeploymentRules';

/** The rule-engine job kind: its state changes move Last Run Time and Last Error Code. */
export const ruleRunJobKind = 'rules.run';

/** The reads of the rule's details pane and Properties, with the topics that make them stale. */
export const ruleReads = {
  rule: (services: ConsoleServices, id: number) => ({
    key: `rule:${id}`,
    topics: [rulesTopic, 'deployments'],
    read: () => services.api.call('rules.get', { id }),
  }),
  /** The deployments of the rule's current group: Enabled, times and compliance, live. */
  groupDeployments: (services: ConsoleServices, groupId: number | null) => ({
    key: `rule-group-deployments:${groupId ?? 'none'}`,
    topics: ['deployments', rulesTopic],
    delayMs: 1000,
    read: () =>
      groupId === null
        ? Promise.resolve({ rows: [], nextCursor: null, total: 0 })
        : services.api.call('deployments.list', {
            filter: { groupId },
            sort: { column: 'name', direction: 'asc' },
            page: { size: 200 },
          }),
  }),
};
