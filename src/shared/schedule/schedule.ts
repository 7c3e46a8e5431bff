import { z } from 'zod';

/**
 * The schedules of the ConfigMgr console (spec §2.6): a simple "run every N units" and the Custom
 * Schedule dialog's recurrences, shared by the sync schedule, ADR evaluation, summarization and
 * maintenance windows. Start times are wall-clock times; `isUtc` says whether they mean UTC or
 * the local time of whoever evaluates them.
 */
export const weekdays = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
export const Weekday = z.enum(weekdays);
export type Weekday = z.infer<typeof Weekday>;

export const weekOrders = ['First', 'Second', 'Third', 'Fourth', 'Last'] as const;
export const WeekOrder = z.enum(weekOrders);

/** "2026-11-10T02:00" — a wall-clock start, read in UTC or local time per `isUtc`. */
const WallClock = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:MM');

export const SimpleSchedule = z.object({
  kind: z.literal('simple'),
  every: z.number().int().min(1).max(31),
  unit: z.enum(['minutes', 'hours', 'days']),
});

export const CustomSchedule = z.object({
  kind: z.literal('custom'),
  start: WallClock,
  isUtc: z.boolean().default(false),
  recurrence: z.discriminatedUnion('pattern', [
    z.object({ pattern: z.literal('none') }),
    z.object({
      pattern: z.literal('interval'),
      every: z.number().int().min(1).max(31),
      unit: z.enum(['minutes', 'hours', 'days']),
    }),
    z.object({
      pattern: z.literal('weekly'),
      everyWeeks: z.number().int().min(1).max(4),
      day: Weekday,
    }),
    z.object({
      pattern: z.literal('monthly-day'),
      everyMonths: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(31),
    }),
    z.object({
      pattern: z.literal('monthly-last-day'),
      everyMonths: z.number().int().min(1).max(12),
    }),
    z.object({
      pattern: z.literal('monthly-weekday'),
      everyMonths: z.number().int().min(1).max(12),
      week: WeekOrder,
      day: Weekday,
      // Offset (days) from the Custom Schedule dialog: 0–7, e.g. "Second Tuesday + 1".
      offsetDays: z.number().int().min(0).max(7).default(0),
    }),
  ]),
});

export const Schedule = z.discriminatedUnion('kind', [SimpleSchedule, CustomSchedule]);
export type Schedule = z.infer<typeof Schedule>;
export type CustomSchedule = z.infer<typeof CustomSchedule>;
