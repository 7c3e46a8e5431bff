import type {
  RuleDeploymentSchedulePage,
  RuleTimeOffset,
} from '../../../shared/contract/automatic-deployment-rules';

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-12-08T02:00:00" of an instant on the site's own clock, or in UTC. */
export function wallClockOf(at: Date, utc: boolean): string {
  const parts = utc
    ? [
        at.getUTCFullYear(),
        at.getUTCMonth() + 1,
        at.getUTCDate(),
        at.getUTCHours(),
        at.getUTCMinutes(),
        at.getUTCSeconds(),
      ]
    : [
        at.getFullYear(),
        at.getMonth() + 1,
        at.getDate(),
        at.getHours(),
        at.getMinutes(),
        at.getSeconds(),
      ];
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/**
 * Adds an offset to a wall-clock time as a calendar does: "1 Months" after 31 January is the
 * last day of February, and days are calendar days whatever daylight saving does to the hours.
 */
export function addOffset(wallClock: string, offset: RuleTimeOffset): string {
  const at = new Date(`${wallClock}Z`);
  switch (offset.unit) {
    case 'Hours':
      at.setUTCHours(at.getUTCHours() + offset.amount);
      break;
    case 'Days':
      at.setUTCDate(at.getUTCDate() + offset.amount);
      break;
    case 'Weeks':
      at.setUTCDate(at.getUTCDate() + offset.amount * 7);
      break;
    case 'Months': {
      const day = at.getUTCDate();
      at.setUTCDate(1);
      at.setUTCMonth(at.getUTCMonth() + offset.amount);
      const last = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
      at.setUTCDate(Math.min(day, last));
      break;
    }
  }
  return at.toISOString().slice(0, 19);
}

/**
 * The Deployment Schedule page of a rule resolved for one evaluation (§8.2, 2203+): the
 * available time is counted from the evaluation's scheduled start, not from when the run got to
 * it, and the deadline is added to the available time. Wall clocks in the deployment's own time
 * base (Client local time: the site server's clock stands in for the console's, as in §7.3).
 */
export function deploymentTimesFor(
  schedule: RuleDeploymentSchedulePage,
  purpose: 'Required' | 'Available',
  scheduledStart: Date,
): { availableTime: string; deadlineTime: string | null } {
  const start = wallClockOf(scheduledStart, schedule.timeBasedOn === 'Utc');
  const availableTime =
    schedule.availableTime === 'asap' ? start : addOffset(start, schedule.availableTime);
  if (purpose === 'Available' || schedule.deadlineTime === null)
    return { availableTime, deadlineTime: null };
  const deadlineTime =
    schedule.deadlineTime === 'asap'
      ? availableTime
      : addOffset(availableTime, schedule.deadlineTime);
  return { availableTime, deadlineTime };
}

/** The group a run makes: `<rule name> YYYY-MM-DD hh:mm:ss` on the site's clock (§8.1). */
export function ruleGroupName(ruleName: string, at: Date): string {
  return `${ruleName} ${wallClockOf(at, false).replace('T', ' ')}`;
}
