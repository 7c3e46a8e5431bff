import type {
  RuleDeploymentSchedulePage,
  RuleTimeOffset,
} from '../../shared/contract/automatic-deployment-rules';

function offsetText(offset: RuleTimeOffset): string {
  const unit = offset.unit.toLowerCase();
  return `${offset.amount} ${offset.amount === 1 ? unit.slice(0, -1) : unit}`;
}

/** "As soon as possible" or "2 days after the rule runs": the Software available time. */
export function availableText(schedule: RuleDeploymentSchedulePage): string {
  return schedule.availableTime === 'asap'
    ? 'As soon as possible'
    : `${offsetText(schedule.availableTime)} after the rule runs`;
}

/** "7 days after the available time", "As soon as possible", or none for Available. */
export function deadlineText(schedule: RuleDeploymentSchedulePage): string {
  if (schedule.deadlineTime === null) return 'None (Available)';
  return schedule.deadlineTime === 'asap'
    ? 'As soon as possible'
    : `${offsetText(schedule.deadlineTime)} after the available time`;
}

/** One short line for the Deployments tab: "Available 2 days after the run, deadline 7 days later". */
export function scheduleText(schedule: RuleDeploymentSchedulePage): string {
  const available =
    schedule.availableTime === 'asap'
      ? 'Available as soon as possible'
      : `Available ${offsetText(schedule.availableTime)} after the run`;
  const deadline =
    schedule.deadlineTime === null
      ? 'no deadline'
      : schedule.deadlineTime === 'asap'
        ? 'deadline as soon as possible'
        : `deadline ${offsetText(schedule.deadlineTime)} later`;
  return `${available}, ${deadline}${schedule.timeBasedOn === 'Utc' ? ' (UTC)' : ''}`;
}
