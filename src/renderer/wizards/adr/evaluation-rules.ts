import type { CustomSchedule, Schedule } from '../../../shared/schedule/schedule';

const unitMinutes = { minutes: 1, hours: 60, days: 1440 } as const;

/** How often a schedule repeats, in minutes; null for a monthly, weekly or one-time one. */
function intervalMinutes(schedule: Schedule): number | null {
  if (schedule.kind === 'simple') return schedule.every * unitMinutes[schedule.unit];
  const rule = schedule.recurrence;
  return rule.pattern === 'interval' ? rule.every * unitMinutes[rule.unit] : null;
}

function everyText(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day(s)`;
  if (minutes % 60 === 0) return `${minutes / 60} hour(s)`;
  return `${minutes} minute(s)`;
}

/**
 * Spec §8.2: a rule is never evaluated more often than the site synchronizes; between two syncs
 * the catalog does not change, so a second evaluation only makes another identical group. (The
 * three-a-day limit is the contract's `ruleSettingsProblems`.)
 */
export function ruleSchedulePerDayProblem(
  schedule: CustomSchedule,
  syncSchedule: Schedule | null,
): string | null {
  const rule = intervalMinutes(schedule);
  const sync = syncSchedule ? intervalMinutes(syncSchedule) : null;
  if (rule === null || sync === null || rule >= sync) return null;
  return `This schedule runs the rule every ${everyText(rule)}, more often than the site synchronizes (every ${everyText(sync)}); choose an interval of at least ${everyText(sync)}.`;
}
