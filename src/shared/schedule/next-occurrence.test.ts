import { describe, expect, it } from 'vitest';
import { nextOccurrence } from './next-occurrence';
import { Schedule } from './schedule';

const utc = (text: string) => new Date(`${text}Z`);

describe('schedules', () => {
  it('runs a simple schedule at once the first time, then every N units after the last run', () => {
    const schedule = Schedule.parse({ kind: 'simple', every: 7, unit: 'days' });
    const now = utc('2026-11-22T10:00:00');
    expect(nextOccurrence(schedule, now, null)).toEqual(now);
    expect(nextOccurrence(schedule, now, utc('2026-11-20T10:00:00'))).toEqual(
      utc('2026-11-27T10:00:00'),
    );
  });

  it('finds Patch Tuesday: the second Tuesday of the month, plus an offset', () => {
    const schedule = Schedule.parse({
      kind: 'custom',
      start: '2026-01-01T02:00',
      isUtc: true,
      recurrence: {
        pattern: 'monthly-weekday',
        everyMonths: 1,
        week: 'Second',
        day: 'Tuesday',
        offsetDays: 1,
      },
    });
    // November 2026: Tuesdays are the 3rd and 10th; second Tuesday + 1 day = Wednesday the 11th.
    expect(nextOccurrence(schedule, utc('2026-11-01T00:00:00'), null)).toEqual(
      utc('2026-11-11T02:00:00'),
    );
    expect(nextOccurrence(schedule, utc('2026-11-11T02:00:00'), null)).toEqual(
      utc('2026-12-09T02:00:00'),
    );
  });

  it('keeps an offset that would cross into the next month on the last day', () => {
    const schedule = Schedule.parse({
      kind: 'custom',
      start: '2026-01-01T00:00',
      isUtc: true,
      recurrence: {
        pattern: 'monthly-weekday',
        everyMonths: 1,
        week: 'Last',
        day: 'Friday',
        offsetDays: 7,
      },
    });
    // Last Friday of November 2026 is the 27th; +7 would be December 4th -> November 30th.
    expect(nextOccurrence(schedule, utc('2026-11-01T00:00:00'), null)).toEqual(
      utc('2026-11-30T00:00:00'),
    );
  });

  it('reads a local schedule in the evaluating machine’s time zone', () => {
    const schedule = Schedule.parse({
      kind: 'custom',
      start: '2026-11-22T02:00',
      isUtc: false,
      recurrence: { pattern: 'none' },
    });
    // UTC-8 (offset +480): 02:00 local is 10:00 UTC.
    expect(nextOccurrence(schedule, utc('2026-11-22T00:00:00'), null, 480)).toEqual(
      utc('2026-11-22T10:00:00'),
    );
    expect(nextOccurrence(schedule, utc('2026-11-22T11:00:00'), null, 480)).toBeNull();
  });

  it('uses the last day of short months for "day 31"', () => {
    const schedule = Schedule.parse({
      kind: 'custom',
      start: '2026-01-31T00:00',
      isUtc: true,
      recurrence: { pattern: 'monthly-day', everyMonths: 1, day: 31 },
    });
    expect(nextOccurrence(schedule, utc('2026-02-01T00:00:00'), null)).toEqual(
      utc('2026-02-28T00:00:00'),
    );
  });

  it('repeats weekly on the chosen day', () => {
    const schedule = Schedule.parse({
      kind: 'custom',
      start: '2026-11-02T03:00',
      isUtc: true,
      recurrence: { pattern: 'weekly', everyWeeks: 2, day: 'Saturday' },
    });
    expect(nextOccurrence(schedule, utc('2026-11-01T00:00:00'), null)).toEqual(
      utc('2026-11-07T03:00:00'),
    );
    expect(nextOccurrence(schedule, utc('2026-11-07T03:00:00'), null)).toEqual(
      utc('2026-11-21T03:00:00'),
    );
  });
});
