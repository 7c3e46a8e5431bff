import { nextOccurrence } from '../../shared/schedule/next-occurrence';
import type { CustomSchedule, Schedule } from '../../shared/schedule/schedule';
import { formatDateTime } from '../format';

/** A wall-clock start ("2026-11-10T02:00") in the console's date format, marked UTC when it is. */
function startText(schedule: CustomSchedule): string {
  const [date = '', time = ''] = schedule.start.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  const local = new Date(year!, month! - 1, day!, hours!, minutes!);
  const text = formatDateTime(local.toISOString()).replace(/:00(?=\D*$)/, '');
  return schedule.isUtc ? `${text} UTC` : text;
}

/** The Custom Schedule in one line, as the console writes it beside the Customize button. */
export function describeCustomSchedule(schedule: CustomSchedule): string {
  const start = startText(schedule);
  const rule = schedule.recurrence;
  switch (rule.pattern) {
    case 'none':
      return `Occurs on ${start}`;
    case 'interval':
      return `Occurs every ${rule.every} ${rule.unit} effective ${start}`;
    case 'weekly':
      return `Occurs every ${rule.everyWeeks} week(s) on ${rule.day} effective ${start}`;
    case 'monthly-day':
      return `Occurs day ${rule.day} of every ${rule.everyMonths} month(s) effective ${start}`;
    case 'monthly-last-day':
      return `Occurs the last day of every ${rule.everyMonths} month(s) effective ${start}`;
    case 'monthly-weekday': {
      const offset = rule.offsetDays > 0 ? ` offset by ${rule.offsetDays} day(s)` : '';
      return `Occurs the ${rule.week} ${rule.day} of every ${rule.everyMonths} month(s)${offset} effective ${start}`;
    }
  }
}

/**
 * When the site will next synchronize on this schedule. A custom schedule is pinned to the
 * calendar. A simple one repeats from when it was applied (the site's scheduler counts from
 * there, so an edited schedule counts from now, when Apply will store it).
 */
export function nextSynchronization(
  schedule: Schedule,
  appliedAt: Date,
  now = new Date(),
): Date | null {
  if (schedule.kind === 'custom') return nextOccurrence(schedule, now, null);
  let from = appliedAt;
  // Bounded: every minute for two months is the longest walk worth making.
  for (let step = 0; step < 100_000; step++) {
    const next = nextOccurrence(schedule, from, from);
    if (!next || next > now) return next;
    from = next;
  }
  return now;
}
