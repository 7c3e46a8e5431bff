import type { DeploymentStatusCategory } from '../contract/deployments';

/**
 * The client's deployment state messages (spec §9.3) and the View Status category each falls in.
 * TopicType 300 is compliance, 301 enforcement, 302 evaluation; a client with no message is
 * Unknown. Pure, so the site's counters, View Status and the fleet's expectations agree.
 */
export const deploymentStateTexts: Record<300 | 301 | 302, readonly string[]> = {
  300: ['Compliance state unknown', 'Compliant', 'Non-compliant', 'Conflict detected'],
  301: [
    'Enforcement state unknown',
    'Installing update(s)',
    'Waiting for restart',
    'Waiting for another installation to complete',
    'Successfully installed update(s)',
    'Pending system restart',
    'Failed to install update(s)',
    'Downloading update(s)',
    'Downloaded update(s)',
    'Failed to download update(s)',
    'Waiting for maintenance window before installing',
    'Waiting for third-party orchestrator to initiate installation',
  ],
  302: [
    'Evaluation state unknown',
    'Evaluation activated',
    'Evaluation succeeded',
    'Evaluation failed',
  ],
};

export type DeploymentTopicType = 300 | 301 | 302;

/** The key a sub-state is known by ("301-7"); "none" for a client that sent nothing. */
export function subStateKey(topicType: DeploymentTopicType | null, stateId: number | null): string {
  return topicType === null || stateId === null ? 'none' : `${topicType}-${stateId}`;
}

export function subStateLabel(
  topicType: DeploymentTopicType | null,
  stateId: number | null,
): string {
  if (topicType === null || stateId === null) return 'No status message received';
  return deploymentStateTexts[topicType][stateId] ?? `State ${stateId} (TopicType ${topicType})`;
}

/** Which View Status tab a client's latest deployment message puts it in (§9.3 mapping). */
export function categoryOf(
  topicType: DeploymentTopicType | null,
  stateId: number | null,
): DeploymentStatusCategory {
  if (topicType === null || stateId === null) return 'Unknown';
  if (topicType === 300) {
    if (stateId === 1) return 'Compliant';
    if (stateId === 2) return 'InProgress';
    if (stateId === 3) return 'Error';
    return 'Unknown';
  }
  if (topicType === 301) {
    if (stateId === 4) return 'Compliant';
    if (stateId === 6 || stateId === 9) return 'Error';
    if ([1, 2, 3, 5, 7, 8, 10, 11].includes(stateId)) return 'InProgress';
    return 'Unknown';
  }
  if (stateId === 3) return 'Error';
  if (stateId === 1 || stateId === 2) return 'InProgress';
  return 'Unknown';
}
