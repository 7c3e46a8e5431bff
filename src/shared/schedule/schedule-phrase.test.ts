import { describe, expect, it } from 'vitest';
import { parseSchedulePhrase, schedulePhrase } from './schedule-phrase';

const today = '2026-12-06';

describe('schedule phrases', () => {
  it('reads Patch Tuesday with its offset, and every other recurrence of the dialog', () => {
    expect(parseSchedulePhrase('monthly on the second Tuesday +1 at 02:00', today)).toEqual({
      kind: 'custom',
      start: '2026-12-06T02:00',
      isUtc: false,
      recurrence: {
        pattern: 'monthly-weekday',
        everyMonths: 1,
        week: 'Second',
        day: 'Tuesday',
        offsetDays: 1,
      },
    });
    expect(parseSchedulePhrase('every 3 months on the last friday at 22:00 UTC', today)).toEqual({
      kind: 'custom',
      start: '2026-12-06T22:00',
      isUtc: true,
      recurrence: {
        pattern: 'monthly-weekday',
        everyMonths: 3,
        week: 'Last',
        day: 'Friday',
        offsetDays: 0,
      },
    });
    expect(parseSchedulePhrase('every 8 hours from 2027-01-01', today).recurrence).toEqual({
      pattern: 'interval',
      every: 8,
      unit: 'hours',
    });
    expect(parseSchedulePhrase('once at 2026-12-09T02:00', today).start).toBe('2026-12-09T02:00');
  });

  it('prints a phrase that reads back to the same schedule', () => {
    for (const phrase of [
      'monthly on the second Tuesday +7 at 02:00',
      'every 2 weeks on Saturday at 3:00',
      'monthly on day 31 at 01:00',
      'monthly on the last day at 23:30 UTC',
      'daily at 02:00',
      'every 30 minutes',
      'once at 2026-12-09T02:00',
    ]) {
      const schedule = parseSchedulePhrase(phrase, today);
      expect(parseSchedulePhrase(schedulePhrase(schedule), '1999-01-01')).toEqual(schedule);
    }
  });

  it('says in a sentence what is wrong', () => {
    expect(() => parseSchedulePhrase('fortnightly', today)).toThrow(
      /"fortnightly" is not a schedule; write it like "monthly on the second Tuesday \+1 at 02:00"/,
    );
    expect(() => parseSchedulePhrase('monthly on the second Tuesday +8 at 02:00', today)).toThrow(
      '"monthly on the second Tuesday +8 at 02:00": the offset is from 0 to 7 days',
    );
    expect(() => parseSchedulePhrase('weekly on Funday', today)).toThrow(/is not a schedule/);
  });
});
