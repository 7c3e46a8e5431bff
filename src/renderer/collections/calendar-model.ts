/** One bar of the maintenance window calendar: a span, and what kind of window it is. */
export interface CalendarSpan {
  readonly start: Date;
  readonly end: Date;
  readonly kind: 'Any' | 'SoftwareUpdatesOnly' | 'TaskSequencesOnly' | 'effective';
  /** The window's name, for the tooltip; absent for merged effective windows. */
  readonly name?: string;
}

export interface CalendarDay {
  readonly start: Date;
  /** Pieces of spans inside this day, as fractions of the day (0..1). */
  readonly pieces: readonly { from: number; to: number; span: CalendarSpan }[];
}

const dayMs = 86_400_000;

/** Local midnight of the day holding `at`. */
export function startOfDay(at: Date): Date {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate());
}

/**
 * Cuts spans into the admin's local days: a window from 23:00 to 01:00 shows at the end of one
 * row and the start of the next, as it really falls.
 */
export function calendarDays(
  spans: readonly CalendarSpan[],
  from: Date,
  days: number,
): CalendarDay[] {
  const first = startOfDay(from);
  return Array.from({ length: days }, (_, index) => {
    const start = new Date(first.getFullYear(), first.getMonth(), first.getDate() + index);
    const end = new Date(first.getFullYear(), first.getMonth(), first.getDate() + index + 1);
    const length = end.getTime() - start.getTime() || dayMs;
    const pieces = spans.flatMap((span) => {
      if (span.end <= start || span.start >= end) return [];
      const a = Math.max(span.start.getTime(), start.getTime());
      const b = Math.min(span.end.getTime(), end.getTime());
      return [{ from: (a - start.getTime()) / length, to: (b - start.getTime()) / length, span }];
    });
    return { start, pieces };
  });
}

/** Hours of window in the range, for the summary line. */
export function totalHours(spans: readonly CalendarSpan[]): number {
  return (
    spans.reduce((sum, span) => sum + (span.end.getTime() - span.start.getTime()), 0) / 3_600_000
  );
}

/** "in 3 h 20 min" / "now, until 04:00" style distance for the next window. */
export function untilText(at: Date, now: Date): string {
  const minutes = Math.round((at.getTime() - now.getTime()) / 60_000);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `in ${hours} h ${minutes % 60} min`;
  return `in ${Math.round(hours / 24)} days`;
}
