/**
 * Wall-clock time in an IANA time zone ("Europe/Berlin") and back, from the platform's own
 * time-zone data (Intl.DateTimeFormat): a schedule that says 02:00 local keeps meaning 02:00
 * across daylight saving changes, which a fixed UTC offset cannot do.
 *
 * Wall-clock times are carried as "wall milliseconds": the instant the same calendar fields
 * would be in UTC (Date.UTC of the local date and time).
 */

const hour = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone this process (or browser) runs in, e.g. "America/New_York"; "UTC" when unknown. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Whether the platform knows the zone (a bad name is refused before it is stored). */
export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar fields of an instant, as wall milliseconds. */
export function wallOf(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant)))
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  const wall = Date.UTC(
    fields.year!,
    fields.month! - 1,
    fields.day!,
    fields.hour!,
    fields.minute!,
    fields.second!,
  );
  // Intl drops milliseconds; keep the instant's own.
  return wall + (((instant % 1000) + 1000) % 1000);
}

/** Local minus UTC at an instant, in milliseconds (+1 h for Berlin in winter). */
export function zoneOffsetAt(instant: number, timeZone: string): number {
  return wallOf(instant, timeZone) - instant;
}

/**
 * The instant a local wall-clock time stands for. A time that happens twice (the hour the
 * clocks go back) is its first occurrence; a time that never happens (the hour skipped when they
 * go forward) moves forward by the gap, so 02:30 on a spring-forward night in Berlin is 03:30
 * CEST. That is how Windows' scheduler treats them, and Temporal's "compatible" choice.
 */
export function instantOfWall(wall: number, timeZone: string): number {
  // At most one transition lies within a day and a half on either side in every zone in use.
  const before = zoneOffsetAt(wall - 36 * hour, timeZone);
  const after = zoneOffsetAt(wall + 36 * hour, timeZone);
  const candidates = [wall - before, wall - after].filter(
    (instant) => wallOf(instant, timeZone) === wall,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: read the time with the offset in force before the change.
  return wall - before;
}
