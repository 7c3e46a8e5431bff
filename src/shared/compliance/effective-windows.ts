import { nextOccurrence } from '../schedule/next-occurrence';
import type { CustomSchedule } from '../schedule/schedule';

/** A maintenance window as the merge needs it (any collection the device is in). */
export interface WindowDefinition {
  schedule: CustomSchedule;
  durationMinutes: number;
  applyTo: 'Any' | 'SoftwareUpdatesOnly' | 'TaskSequencesOnly';
  isEnabled: boolean;
}

export interface Span {
  start: Date;
  end: Date;
}

/**
 * A device's effective windows for software updates over [from, to) (spec §10.1): the
 * occurrences of every enabled window of its collections, merged where they overlap or touch.
 * When any "Software updates" window exists, updates use only those, unless the client setting
 * lets them also use "All deployments" windows. Task-sequence windows never apply to updates.
 * `timeZoneOffsetMinutes` is the device's offset for windows not marked UTC.
 */
export function effectiveUpdateWindows(
  windows: readonly WindowDefinition[],
  from: Date,
  to: Date,
  options: { isAllDeploymentsWindowAllowed?: boolean; timeZoneOffsetMinutes?: number } = {},
): Span[] {
  const enabled = windows.filter((window) => window.isEnabled);
  const hasUpdateWindow = enabled.some((window) => window.applyTo === 'SoftwareUpdatesOnly');
  const usable = enabled.filter((window) =>
    window.applyTo === 'SoftwareUpdatesOnly'
      ? true
      : window.applyTo === 'Any'
        ? !hasUpdateWindow || options.isAllDeploymentsWindowAllowed === true
        : false,
  );
  const spans = usable.flatMap((window) =>
    occurrences(window, from, to, options.timeZoneOffsetMinutes ?? 0),
  );
  return mergeSpans(spans);
}

/** Occurrences that overlap [from, to), clipped to it. */
function occurrences(window: WindowDefinition, from: Date, to: Date, offset: number): Span[] {
  const length = window.durationMinutes * 60_000;
  const found: Span[] = [];
  // A window that started up to its duration before `from` still covers part of the range.
  let cursor = new Date(from.getTime() - length - 1);
  for (let guard = 0; guard < 10_000; guard += 1) {
    const start = nextOccurrence(window.schedule, cursor, null, offset);
    if (!start || start >= to) break;
    const end = new Date(start.getTime() + length);
    if (end > from) found.push({ start: start < from ? from : start, end: end > to ? to : end });
    cursor = start;
  }
  return found;
}

/** Overlapping or touching spans become one: 1 h + 1 h overlapping by 30 min = 90 min. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) {
      if (span.end > last.end) last.end = span.end;
    } else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}
