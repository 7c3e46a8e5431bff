import { weekdays, weekOrders, type CustomSchedule, type Schedule } from './schedule';
import { instantOfWall, localTimeZone, wallOf } from './time-zone';

const minute = 60_000;
const unitMs = { minutes: minute, hours: 60 * minute, days: 24 * 60 * minute } as const;

/**
 * Where a local schedule is read: an IANA zone name ("Europe/Berlin", daylight saving followed)
 * or a fixed offset in minutes as Date#getTimezoneOffset gives it (UTC = local + offset), which
 * is all a device reports.
 */
export type ScheduleTimeZone = string | number;

interface Zone {
  toWall(instant: number): number;
  toInstant(wall: number): number;
}

function zoneOf(schedule: CustomSchedule, timeZone: ScheduleTimeZone): Zone {
  if (schedule.isUtc) return { toWall: (at) => at, toInstant: (wall) => wall };
  if (typeof timeZone === 'number') {
    const offset = timeZone * minute;
    return { toWall: (at) => at - offset, toInstant: (wall) => wall + offset };
  }
  return {
    toWall: (at) => wallOf(at, timeZone),
    toInstant: (wall) => instantOfWall(wall, timeZone),
  };
}

/**
 * The next time a schedule fires strictly after `after`. A simple schedule counts from
 * `lastRun` (or fires at once when it never ran). A custom schedule's start is a wall-clock time
 * read in UTC or, when it is local, in `timeZone` (default: this machine's zone). Returns null
 * for a one-time schedule already past.
 *
 * Daily, weekly and monthly recurrences keep their wall-clock time across daylight saving
 * changes (02:00 stays 02:00); an interval of minutes or hours counts real elapsed time, so
 * "every 8 hours" is 8 hours apart even on the night the clocks change.
 */
export function nextOccurrence(
  schedule: Schedule,
  after: Date,
  lastRun: Date | null,
  timeZone: ScheduleTimeZone = localTimeZone(),
): Date | null {
  if (schedule.kind === 'simple') {
    if (!lastRun) return after;
    const next = new Date(lastRun.getTime() + schedule.every * unitMs[schedule.unit]);
    return next > after ? next : after;
  }
  const zone = zoneOf(schedule, timeZone);
  const startWall = new Date(`${schedule.start}:00.000Z`).getTime();
  const rule = schedule.recurrence;
  if (rule.pattern === 'interval' && rule.unit !== 'days') {
    const start = zone.toInstant(startWall);
    if (start > after.getTime()) return new Date(start);
    const step = rule.every * unitMs[rule.unit];
    const steps = Math.floor((after.getTime() - start) / step) + 1;
    return new Date(start + steps * step);
  }
  // A wall-clock time after `after` can still be an earlier instant: the repeated hour when the
  // clocks go back has fired already. Then the one after it is the answer.
  let wallAfter = zone.toWall(after.getTime());
  for (let tries = 0; tries < 4; tries++) {
    const wall = nextWallClock(schedule, startWall, wallAfter);
    if (wall === null) return null;
    const instant = zone.toInstant(wall);
    if (instant > after.getTime()) return new Date(instant);
    wallAfter = wall;
  }
  return null;
}

/** The next wall-clock time of a custom schedule after `after` (both wall milliseconds). */
function nextWallClock(schedule: CustomSchedule, start: number, after: number): number | null {
  const rule = schedule.recurrence;
  switch (rule.pattern) {
    case 'none':
      return start > after ? start : null;
    case 'interval': {
      if (start > after) return start;
      const step = rule.every * unitMs[rule.unit];
      const steps = Math.floor((after - start) / step) + 1;
      return start + steps * step;
    }
    case 'weekly': {
      const target = weekdays.indexOf(rule.day);
      const first = start + ((target - new Date(start).getUTCDay() + 7) % 7) * unitMs.days;
      if (first > after) return first;
      const step = rule.everyWeeks * 7 * unitMs.days;
      const steps = Math.floor((after - first) / step) + 1;
      return first + steps * step;
    }
    default:
      return nextMonthly(rule, start, after);
  }
}

type MonthlyRule = Extract<CustomSchedule['recurrence'], { everyMonths: number }>;

function nextMonthly(rule: MonthlyRule, startWall: number, after: number): number | null {
  const start = new Date(startWall);
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  const hours = start.getUTCHours();
  const minutes = start.getUTCMinutes();
  // Skip the months before `after` instead of walking from a start years ago.
  const afterDate = new Date(after);
  const monthsToAfter = (afterDate.getUTCFullYear() - year) * 12 + afterDate.getUTCMonth() - month;
  const first = Math.max(0, Math.floor((monthsToAfter - 1) / rule.everyMonths)) * rule.everyMonths;
  for (let index = first; index < first + 600; index += rule.everyMonths) {
    const day = dayInMonth(rule, year, month + index);
    const at = Date.UTC(year, month + index, day, hours, minutes);
    if (at >= startWall && at > after) return at;
  }
  return null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The day of the month a monthly recurrence fires on (`month` may run past 11). */
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
