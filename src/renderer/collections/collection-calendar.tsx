import { useState } from 'react';
import type { MaintenanceWindow } from '../../shared/contract/collections';
import { effectiveUpdateWindows } from '../../shared/compliance/effective-windows';
import { startOfDay, type CalendarSpan } from './calendar-model';
import { WindowCalendar } from './window-calendar';

const days = 14;

/**
 * Every occurrence of each window over [from, to), kept apart so the calendar can colour them by
 * "Apply this schedule to". The merge rules of §10.1 are per device (Devices shows those).
 */
export function collectionSpans(
  windows: readonly MaintenanceWindow[],
  from: Date,
  to: Date,
): CalendarSpan[] {
  return windows
    .filter((window) => window.isEnabled)
    .flatMap((window) =>
      // Asked as an "All deployments" window alone, the merge returns its own occurrences.
      effectiveUpdateWindows([{ ...window, applyTo: 'Any' }], from, to, {
        timeZoneOffsetMinutes: from.getTimezoneOffset(),
      }).map((span) => ({ ...span, kind: window.applyTo, name: window.name })),
    );
}

/** A collection's maintenance windows over the next 14 days. */
export function CollectionCalendar({ windows }: { windows: readonly MaintenanceWindow[] }) {
  const [from] = useState(() => startOfDay(new Date()));
  const to = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  const disabled = windows.filter((w) => !w.isEnabled).length;
  return (
    <WindowCalendar
      spans={collectionSpans(windows, from, to)}
      from={from}
      days={days}
      label="Maintenance windows of the collection"
      emptyText={
        windows.length === 0
          ? 'This collection has no maintenance window: its members may install software updates at any time, unless another collection gives them one.'
          : `No window of this collection opens in the next ${days} days${disabled ? ` (${disabled} disabled)` : ''}.`
      }
    />
  );
}
