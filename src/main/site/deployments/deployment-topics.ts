import type { SiteEvents } from '../events/site-events';
import { groupsTopic } from '../groups/group-changes';

/** What consoles refresh when a deployment changes: its list, and Deployed on groups and updates. */
export const deploymentsTopic = 'deployments';

export function deploymentsChanged(events: SiteEvents): void {
  events.publish({
    type: 'data.changed',
    topics: [deploymentsTopic, groupsTopic, 'softwareUpdates'],
  });
}
