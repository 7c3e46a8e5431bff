import { CustomSchedule, weekdays, weekOrders, type Weekday } from './schedule';

/**
 * A Custom Schedule (§2.6) written as a phrase, for the CLI and anywhere a schedule is shown in
 * one line. The phrase reads like the dialog's choices:
 *
 *   once at 2026-12-09T02:00
 *   every 8 hours [from 2026-12-01] [at 00:00]
 *   daily at 02:00
 *   weekly on Saturday at 03:00 | every 2 weeks on Saturday at 03:00
 *   monthly on day 15 at 02:00 | monthly on the last day at 23:00
 *   monthly on the second Tuesday +1 at 02:00 | every 3 months on the last Friday at 22:00
 *
 * with "UTC" at the end for a UTC schedule (otherwise the time is the site server's local time).
 */
export const schedulePhraseExamples = [
  'monthly on the second Tuesday +1 at 02:00',
  'weekly on Saturday at 03:00',
  'daily at 02:00',
  'every 8 hours',
  'once at 2026-12-09T02:00',
];

const unitOf = (word: string) =>
  (word.toLowerCase().endsWith('s') ? word.toLowerCase() : `${word.toLowerCase()}s`) as
    'minutes' | 'hours' | 'days';

function weekdayOf(word: string): Weekday | null {
  return weekdays.find((day) => day.toLowerCase() === word.toLowerCase()) ?? null;
}

/**
 * Parses a phrase; `today` (YYYY-MM-DD) is the start date when none is given with "from".
 * Throws an Error whose message is one sentence naming what is wrong.
 */
export function parseSchedulePhrase(phrase: string, today: string): CustomSchedule {
  let text = phrase.trim().replace(/\s+/g, ' ');
  const isUtc = /\butc$/i.test(text);
  if (isUtc) text = text.replace(/\s*\butc$/i, '');
  let date = today;
  let time = '00:00';
  const once = /^once at (\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2})$/i.exec(text);
  if (once) {
    date = once[1]!;
    time = once[2]!;
    text = 'once';
  } else {
    const at = /\s*\bat (\d{1,2}:\d{2})\b/i.exec(text);
    if (at) {
      time = at[1]!;
      text = text.replace(at[0], '');
    }
    const from = /\s*\bfrom (\d{4}-\d{2}-\d{2})\b/i.exec(text);
    if (from) {
      date = from[1]!;
      text = text.replace(from[0], '');
    }
  }
  time = time.padStart(5, '0');
  const recurrence = recurrenceOf(text.trim());
  if (!recurrence)
    throw new Error(
      `"${phrase}" is not a schedule; write it like "${schedulePhraseExamples.join('", "')}"`,
    );
  const parsed = CustomSchedule.safeParse({
    kind: 'custom',
    start: `${date}T${time}`,
    isUtc,
    recurrence,
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path.at(-1) ?? 'start');
    throw new Error(`"${phrase}": ${rangeOf[field] ?? rangeOf.start}`);
  }
  return parsed.data;
}

/** The Custom Schedule dialog's limits, as the sentence a bad phrase gets. */
const rangeOf: Record<string, string> = {
  offsetDays: 'the offset is from 0 to 7 days',
  every: 'an interval is from 1 to 31 minutes, hours or days',
  everyWeeks: 'a weekly schedule recurs every 1 to 4 weeks',
  everyMonths: 'a monthly schedule recurs every 1 to 12 months',
  day: 'a day of the month is from 1 to 31',
  start: 'the start is a date and time such as 2026-12-09T02:00',
};

function recurrenceOf(text: string): unknown {
  if (/^once$/i.test(text)) return { pattern: 'none' };
  if (/^daily$/i.test(text)) return { pattern: 'interval', every: 1, unit: 'days' };
  const interval = /^every (\d+) (minutes?|hours?|days?)$/i.exec(text);
  if (interval)
    return { pattern: 'interval', every: Number(interval[1]), unit: unitOf(interval[2]!) };
  const weekly = /^(?:weekly|every (\d+) weeks?) on (\w+)$/i.exec(text);
  if (weekly) {
    const day = weekdayOf(weekly[2]!);
    return day && { pattern: 'weekly', everyWeeks: Number(weekly[1] ?? 1), day };
  }
  const months = /^(?:monthly|every (\d+) months?) on (.+)$/i.exec(text);
  if (!months) return null;
  const everyMonths = Number(months[1] ?? 1);
  const on = months[2]!;
  const day = /^day (\d+)$/i.exec(on);
  if (day) return { pattern: 'monthly-day', everyMonths, day: Number(day[1]) };
  if (/^the last day(?: of the month)?$/i.test(on))
    return { pattern: 'monthly-last-day', everyMonths };
  const weekday = /^the (first|second|third|fourth|last) (\w+)(?: ?\+ ?(\d+)(?: days?)?)?$/i.exec(
    on,
  );
  if (!weekday) return null;
  const week = weekOrders.find((order) => order.toLowerCase() === weekday[1]!.toLowerCase());
  const dayName = weekdayOf(weekday[2]!);
  return (
    dayName && {
      pattern: 'monthly-weekday',
      everyMonths,
      week,
      day: dayName,
      offsetDays: Number(weekday[3] ?? 0),
    }
  );
}

/** The phrase of a schedule: what `parseSchedulePhrase` reads back to the same schedule. */
export function schedulePhrase(schedule: CustomSchedule): string {
  const [date, time] = schedule.start.split('T') as [string, string];
  const utc = schedule.isUtc ? ' UTC' : '';
  const rule = schedule.recurrence;
  const every = (count: number, one: string, many: string) =>
    count === 1 ? one : `every ${count} ${many}`;
  switch (rule.pattern) {
    case 'none':
      return `once at ${schedule.start}${utc}`;
    case 'interval':
      return rule.unit === 'days' && rule.every === 1
        ? `daily from ${date} at ${time}${utc}`
        : `every ${rule.every} ${rule.every === 1 ? rule.unit.slice(0, -1) : rule.unit} from ${date} at ${time}${utc}`;
    case 'weekly':
      return `${every(rule.everyWeeks, 'weekly', 'weeks')} on ${rule.day} from ${date} at ${time}${utc}`;
    case 'monthly-day':
      return `${every(rule.everyMonths, 'monthly', 'months')} on day ${rule.day} from ${date} at ${time}${utc}`;
    case 'monthly-last-day':
      return `${every(rule.everyMonths, 'monthly', 'months')} on the last day from ${date} at ${time}${utc}`;
    case 'monthly-weekday':
      return `${every(rule.everyMonths, 'monthly', 'months')} on the ${rule.week.toLowerCase()} ${rule.day}${rule.offsetDays ? ` +${rule.offsetDays}` : ''} from ${date} at ${time}${utc}`;
  }
}
