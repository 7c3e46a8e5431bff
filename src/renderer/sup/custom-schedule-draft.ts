import { makeAutoObservable } from 'mobx';
import type { z } from 'zod';
import { CustomSchedule, type Weekday, type weekOrders } from '../../shared/schedule/schedule';

export type Pattern = 'none' | 'weekly' | 'monthly' | 'interval';
export type MonthlyKind = 'day' | 'last-day' | 'weekday';
type WeekOrder = (typeof weekOrders)[number];
type IntervalUnit = 'minutes' | 'hours' | 'days';

/** The fields of the dialog that can carry a sentence. */
export type ScheduleField =
  'start' | 'everyWeeks' | 'everyMonths' | 'monthDay' | 'offsetDays' | 'intervalEvery';

function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The schema's words turned into the admin's: what to type, within which bounds. */
function sentence(issue: z.core.$ZodIssue): string {
  if (issue.path.at(-1) === 'start') return 'Enter a start date and a start time.';
  if (issue.code === 'too_small')
    return `Enter a whole number of at least ${String(issue.minimum)}.`;
  if (issue.code === 'too_big') return `Enter a whole number of at most ${String(issue.maximum)}.`;
  return 'Enter a whole number.';
}

/**
 * The Custom Schedule dialog's draft (§2.6): every control's state, so switching the recurrence
 * pattern back and forth keeps what was typed, and the CustomSchedule it makes, checked with the
 * same schema the site uses.
 */
export class CustomScheduleDraft {
  date: string;
  time: string;
  isUtc: boolean;
  pattern: Pattern = 'interval';
  monthlyKind: MonthlyKind = 'day';
  everyWeeks = '1';
  weeklyDay: Weekday = 'Sunday';
  everyMonths = '1';
  monthDay = '1';
  week: WeekOrder = 'Second';
  weekday: Weekday = 'Tuesday';
  hasOffset = false;
  offsetDays = '1';
  intervalEvery = '1';
  intervalUnit: IntervalUnit = 'days';

  constructor(from: CustomSchedule) {
    [this.date = '', this.time = ''] = from.start.split('T');
    this.isUtc = from.isUtc;
    const rule = from.recurrence;
    switch (rule.pattern) {
      case 'none':
        this.pattern = 'none';
        break;
      case 'interval':
        this.pattern = 'interval';
        this.intervalEvery = String(rule.every);
        this.intervalUnit = rule.unit;
        break;
      case 'weekly':
        this.pattern = 'weekly';
        this.everyWeeks = String(rule.everyWeeks);
        this.weeklyDay = rule.day;
        break;
      default:
        this.pattern = 'monthly';
        this.everyMonths = String(rule.everyMonths);
        if (rule.pattern === 'monthly-day') this.monthDay = String(rule.day);
        if (rule.pattern === 'monthly-last-day') this.monthlyKind = 'last-day';
        if (rule.pattern === 'monthly-weekday') {
          this.monthlyKind = 'weekday';
          this.week = rule.week;
          this.weekday = rule.day;
          this.hasOffset = rule.offsetDays > 0;
          if (rule.offsetDays > 0) this.offsetDays = String(rule.offsetDays);
        }
    }
    makeAutoObservable(this);
  }

  set<K extends keyof this>(key: K, value: this[K]): void {
    this[key] = value;
  }

  /** What the controls say, before the schema checks it. */
  get candidate(): unknown {
    return {
      kind: 'custom',
      start: `${this.date}T${this.time}`,
      isUtc: this.isUtc,
      recurrence: this.recurrence,
    };
  }

  private get recurrence(): unknown {
    switch (this.pattern) {
      case 'none':
        return { pattern: 'none' };
      case 'interval':
        return {
          pattern: 'interval',
          every: wholeNumber(this.intervalEvery),
          unit: this.intervalUnit,
        };
      case 'weekly':
        return { pattern: 'weekly', everyWeeks: wholeNumber(this.everyWeeks), day: this.weeklyDay };
      case 'monthly': {
        const everyMonths = wholeNumber(this.everyMonths);
        if (this.monthlyKind === 'day')
          return { pattern: 'monthly-day', everyMonths, day: wholeNumber(this.monthDay) };
        if (this.monthlyKind === 'last-day') return { pattern: 'monthly-last-day', everyMonths };
        return {
          pattern: 'monthly-weekday',
          everyMonths,
          week: this.week,
          day: this.weekday,
          offsetDays: this.hasOffset ? wholeNumber(this.offsetDays) : 0,
        };
      }
    }
  }

  private get parsed() {
    return CustomSchedule.safeParse(this.candidate);
  }

  /** The schedule to keep, or null while a field holds a problem. */
  get schedule(): CustomSchedule | null {
    return this.parsed.success ? this.parsed.data : null;
  }

  get problems(): Partial<Record<ScheduleField, string>> {
    const result = this.parsed;
    if (result.success) return {};
    const problems: Partial<Record<ScheduleField, string>> = {};
    for (const issue of result.error.issues) {
      const last = String(issue.path.at(-1));
      const field = ({ every: 'intervalEvery', day: 'monthDay' }[last] ?? last) as ScheduleField;
      problems[field] ??= sentence(issue);
    }
    return problems;
  }
}
