import type { SiteEvents } from '../events/site-events';

/** The Automatic Deployment Rules node refreshes on this topic. */
export const rulesTopic = 'automaticDeploymentRules';

export function rulesChanged(events: SiteEvents): void {
  events.publish({ type: 'data.changed', topics: [rulesTopic] });
}
