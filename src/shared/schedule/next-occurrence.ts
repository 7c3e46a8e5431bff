import { weekdays, weekOrders, type CustomSchedule, type Schedule } from './schedule';

const minute = 60_000;
const unitMs = { minutes: minute, hours: 60 * minute, days: 24 * 60 * minute } as const;

/**
 * The next time a schedule fires strictly after `after`. A simple schedule counts from
 * `lastRun` (or fires at once when it never ran). `timeZoneOffsetMinutes` is the evaluating
 * machine's offset (Date#getTimezoneOffset: UTC = local + offset) and applies to local schedules.
 * Returns null for a one-time schedule already past.
 */
export function nextOccurrence(
  schedule: Schedule,
  after: Date,
  lastRun: Date | null,
  timeZoneOffsetMinutes = after.getTimezoneOffset(),
): Date | null {
  if (schedule.kind === 'simple') {
    if (!lastRun) return after;
    const next = new Date(lastRun.getTime() + schedule.every * unitMs[schedule.unit]);
    return next > after ? next : after;
  }
  const offsetMs = schedule.isUtc ? 0 : timeZoneOffsetMinutes * minute;
  // Work in "wall-clock as UTC" and shift back to real instants at the end.
  const wallAfter = new Date(after.getTime() - offsetMs);
  const wall = nextWallClock(schedule, wallAfter);
  return wall ? new Date(wall.getTime() + offsetMs) : null;
}

function nextWallClock(schedule: CustomSchedule, after: Date): Date | null {
  const start = new Date(`${schedule.start}:00.000Z`);
  const rule = schedule.recurrence;
  switch (rule.pattern) {
    case 'none':
      return start > after ? start : null;
    case 'interval': {
      if (start > after) return start;
      const step = rule.every * unitMs[rule.unit];
      const steps = Math.floor((after.getTime() - start.getTime()) / step) + 1;
      return new Date(start.getTime() + steps * step);
    }
    case 'weekly': {
      const target = weekdays.indexOf(rule.day);
      const first = new Date(start);
      first.setUTCDate(first.getUTCDate() + ((target - first.getUTCDay() + 7) % 7));
      if (first > after) return first;
      const step = rule.everyWeeks * 7 * unitMs.days;
      const steps = Math.floor((after.getTime() - first.getTime()) / step) + 1;
      return new Date(first.getTime() + steps * step);
    }
    default:
      return nextMonthly(rule, start, after);
  }
}

type MonthlyRule = Extract<CustomSchedule['recurrence'], { everyMonths: number }>;

function nextMonthly(rule: MonthlyRule, start: Date, after: Date): Date | null {
  const hours = start.getUTCHours();
  const minutes = start.getUTCMinutes();
  for (let index = 0; index < 600; index += rule.everyMonths) {
    const year = start.getUTCFullYear();
    const month = start.getUTCMonth() + index;
    const candidate = dayInMonth(rule, year, month);
    const at = new Date(Date.UTC(year, month, candidate, hours, minutes));
    if (at >= start && at > after) return at;
  }
  return null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function dayInMonth(rule: MonthlyRule, year: number, month: number): number {
  const last = daysIn(year, month);
  if (rule.pattern === 'monthly-last-day') return last;
  if (rule.pattern === 'monthly-day') return Math.min(rule.day, last);
  const target = weekdays.indexOf(rule.day);
  let day: number;
  if (rule.week === 'Last') {
    const lastWeekday = new Date(Date.UTC(year, month, last)).getUTCDay();
    day = last - ((lastWeekday - target + 7) % 7);
  } else {
    const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
    day = 1 + ((target - firstWeekday + 7) % 7) + 7 * weekOrders.indexOf(rule.week);
  }
  // An offset that would cross into the next month lands on the month's last day (spec §2.6).
  return Math.min(day + rule.offsetDays, last);
}
