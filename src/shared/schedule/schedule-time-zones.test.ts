import { describe, expect, it } from 'vitest';
import { nextOccurrence } from './next-occurrence';
import { CustomSchedule, type Weekday } from './schedule';
import { instantOfWall, zoneOffsetAt } from './time-zone';

const utc = (text: string) => new Date(`${text}Z`);

function monthlyWeekday(
  start: string,
  week: 'First' | 'Second' | 'Third' | 'Fourth' | 'Last',
  day: Weekday,
  offsetDays: number,
  options: { everyMonths?: number; isUtc?: boolean } = {},
) {
  return CustomSchedule.parse({
    kind: 'custom',
    start,
    isUtc: options.isUtc ?? false,
    recurrence: {
      pattern: 'monthly-weekday',
      everyMonths: options.everyMonths ?? 1,
      week,
      day,
      offsetDays,
    },
  });
}

/** Every occurrence from `after`, `count` of them. */
function occurrences(
  schedule: CustomSchedule,
  after: Date,
  count: number,
  zone: string | number = 'UTC',
) {
  const found: string[] = [];
  let cursor = after;
  for (let index = 0; index < count; index++) {
    const next = nextOccurrence(schedule, cursor, null, zone);
    if (!next) break;
    found.push(next.toISOString());
    cursor = next;
  }
  return found;
}

describe('Patch Tuesday and its offset', () => {
  it('adds up to seven days to the second Tuesday, month after month and into the next year', () => {
    const schedule = monthlyWeekday('2026-01-01T02:00', 'Second', 'Tuesday', 7, { isUtc: true });
    // April 2026 starts on a Wednesday, so its second Tuesday is as late as it gets (the 14th);
    // December 2026 starts on a Tuesday (the 8th); January 2027 starts on a Friday (the 12th).
    expect(occurrences(schedule, utc('2026-04-01T00:00:00'), 3)).toEqual([
      '2026-04-21T02:00:00.000Z',
      '2026-05-19T02:00:00.000Z',
      '2026-06-16T02:00:00.000Z',
    ]);
    expect(occurrences(schedule, utc('2026-12-01T00:00:00'), 2)).toEqual([
      '2026-12-15T02:00:00.000Z',
      '2027-01-19T02:00:00.000Z',
    ]);
  });

  it('with offset 0 is the second Tuesday itself, and an evaluation at that minute is the next one', () => {
    const schedule = monthlyWeekday('2026-01-01T00:00', 'Second', 'Tuesday', 0, { isUtc: true });
    expect(nextOccurrence(schedule, utc('2026-04-13T23:59:00'), null)).toEqual(
      utc('2026-04-14T00:00:00'),
    );
    expect(nextOccurrence(schedule, utc('2026-04-14T00:00:00'), null)).toEqual(
      utc('2026-05-12T00:00:00'),
    );
  });

  it('lands on the last day of the month when the offset would cross into the next one', () => {
    // Fourth Thursday of November 2026 is the 26th; +7 would be December 3rd.
    const fourth = monthlyWeekday('2026-01-01T03:00', 'Fourth', 'Thursday', 7, { isUtc: true });
    expect(occurrences(fourth, utc('2026-11-01T00:00:00'), 2)).toEqual([
      '2026-11-30T03:00:00.000Z',
      '2026-12-31T03:00:00.000Z', // fourth Thursday 24th + 7 = 31st, still December
    ]);
    // Last Tuesday of December 2026 is the 29th: the offset stops at New Year's Eve.
    const last = monthlyWeekday('2026-01-01T03:00', 'Last', 'Tuesday', 3, { isUtc: true });
    expect(occurrences(last, utc('2026-12-01T00:00:00'), 2)).toEqual([
      '2026-12-31T03:00:00.000Z',
      '2027-01-29T03:00:00.000Z', // last Tuesday 26th + 3
    ]);
  });

  it('recurs every N months counted from the start month', () => {
    const quarterly = monthlyWeekday('2026-01-01T02:00', 'Second', 'Tuesday', 1, {
      everyMonths: 3,
      isUtc: true,
    });
    expect(occurrences(quarterly, utc('2026-01-01T00:00:00'), 4)).toEqual([
      '2026-01-14T02:00:00.000Z',
      '2026-04-15T02:00:00.000Z',
      '2026-07-15T02:00:00.000Z',
      '2026-10-14T02:00:00.000Z',
    ]);
    // Asked years later it still keeps to January, April, July and October.
    expect(nextOccurrence(quarterly, utc('2031-02-01T00:00:00'), null)).toEqual(
      utc('2031-04-09T02:00:00'),
    );
  });
});

describe('leap years', () => {
  it('finds 29 February in a leap year and the 28th otherwise', () => {
    const lastDay = CustomSchedule.parse({
      kind: 'custom',
      start: '2027-01-31T01:00',
      isUtc: true,
      recurrence: { pattern: 'monthly-last-day', everyMonths: 1 },
    });
    expect(nextOccurrence(lastDay, utc('2027-02-01T00:00:00'), null)).toEqual(
      utc('2027-02-28T01:00:00'),
    );
    expect(nextOccurrence(lastDay, utc('2028-02-01T00:00:00'), null)).toEqual(
      utc('2028-02-29T01:00:00'),
    );
    const day30 = CustomSchedule.parse({
      kind: 'custom',
      start: '2027-12-30T01:00',
      isUtc: true,
      recurrence: { pattern: 'monthly-day', everyMonths: 2, day: 30 },
    });
    expect(occurrences(day30, utc('2027-12-31T00:00:00'), 2)).toEqual([
      '2028-02-29T01:00:00.000Z',
      '2028-04-30T01:00:00.000Z',
    ]);
  });

  it('counts 29 February as a day for the last weekday of the month and weekly recurrences', () => {
    // February 2028 begins on a Tuesday, so its last Tuesday is the 29th.
    const schedule = monthlyWeekday('2028-01-01T05:00', 'Last', 'Tuesday', 0, { isUtc: true });
    expect(nextOccurrence(schedule, utc('2028-02-01T06:00:00'), null)).toEqual(
      utc('2028-02-29T05:00:00'),
    );
    const weekly = CustomSchedule.parse({
      kind: 'custom',
      start: '2028-02-22T05:00',
      isUtc: true,
      recurrence: { pattern: 'weekly', everyWeeks: 1, day: 'Tuesday' },
    });
    expect(occurrences(weekly, utc('2028-02-22T05:00:00'), 2)).toEqual([
      '2028-02-29T05:00:00.000Z',
      '2028-03-07T05:00:00.000Z',
    ]);
  });
});

describe('daylight saving time in an IANA zone', () => {
  it('resolves wall-clock times in the spring gap and the autumn overlap', () => {
    // Berlin: 2027-03-28 02:00 CET jumps to 03:00 CEST; 2026-10-25 03:00 CEST falls back to 02:00.
    expect(new Date(instantOfWall(Date.UTC(2027, 2, 28, 2, 30), 'Europe/Berlin'))).toEqual(
      utc('2027-03-28T01:30:00'), // 03:30 CEST: moved forward by the gap
    );
    expect(new Date(instantOfWall(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin'))).toEqual(
      utc('2026-10-25T00:30:00'), // the first 02:30, still CEST
    );
    expect(zoneOffsetAt(utc('2026-07-01T00:00:00').getTime(), 'America/New_York')).toBe(
      -4 * 3_600_000,
    );
  });

  it('keeps a daily 02:30 in Europe/Berlin at 02:30 local across both changes', () => {
    const daily = CustomSchedule.parse({
      kind: 'custom',
      start: '2026-01-01T02:30',
      isUtc: false,
      recurrence: { pattern: 'interval', every: 1, unit: 'days' },
    });
    expect(occurrences(daily, utc('2027-03-26T12:00:00'), 3, 'Europe/Berlin')).toEqual([
      '2027-03-27T01:30:00.000Z', // 02:30 CET
      '2027-03-28T01:30:00.000Z', // 02:30 does not exist: 03:30 CEST
      '2027-03-29T00:30:00.000Z', // 02:30 CEST
    ]);
    // Autumn: 02:30 happens twice on the 25th; the schedule fires once, at the first.
    expect(occurrences(daily, utc('2026-10-23T12:00:00'), 3, 'Europe/Berlin')).toEqual([
      '2026-10-24T00:30:00.000Z', // 02:30 CEST
      '2026-10-25T00:30:00.000Z', // the first 02:30 (CEST), not the second (CET)
      '2026-10-26T01:30:00.000Z', // 02:30 CET
    ]);
  });

  it('fires Patch Tuesday at 02:00 New York time in summer and in winter', () => {
    const schedule = monthlyWeekday('2026-01-01T02:00', 'Second', 'Tuesday', 0);
    expect(occurrences(schedule, utc('2026-10-01T00:00:00'), 3, 'America/New_York')).toEqual([
      '2026-10-13T06:00:00.000Z', // EDT, UTC-4
      '2026-11-10T07:00:00.000Z', // EST, UTC-5 (the clocks went back on 1 November)
      '2026-12-08T07:00:00.000Z',
    ]);
    // March 2026: the clocks go forward on Sunday the 8th, before Patch Tuesday on the 10th.
    expect(nextOccurrence(schedule, utc('2026-03-01T00:00:00'), null, 'America/New_York')).toEqual(
      utc('2026-03-10T06:00:00'),
    );
  });

  it('counts hour intervals in real time, so "every 8 hours" stays 8 hours apart', () => {
    const everyEight = CustomSchedule.parse({
      kind: 'custom',
      start: '2026-10-31T20:00',
      isUtc: false,
      recurrence: { pattern: 'interval', every: 8, unit: 'hours' },
    });
    // 20:00 EDT on 31 October is 00:00 UTC on 1 November; the clocks go back at 06:00 UTC.
    expect(occurrences(everyEight, utc('2026-10-31T12:00:00'), 4, 'America/New_York')).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-11-01T08:00:00.000Z',
      '2026-11-01T16:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
    ]);
  });

  it('reads a one-time local schedule in the zone given and not after it passed', () => {
    const once = CustomSchedule.parse({
      kind: 'custom',
      start: '2026-07-14T09:00',
      isUtc: false,
      recurrence: { pattern: 'none' },
    });
    expect(nextOccurrence(once, utc('2026-07-01T00:00:00'), null, 'Europe/Berlin')).toEqual(
      utc('2026-07-14T07:00:00'),
    );
    expect(nextOccurrence(once, utc('2026-07-14T07:00:00'), null, 'Europe/Berlin')).toBeNull();
  });
});
