import { describe, expect, it } from 'vitest';
import { effectiveUpdateWindows, type WindowDefinition } from './effective-windows';

function daily(start: string, minutes: number, applyTo: WindowDefinition['applyTo'] = 'Any') {
  return {
    schedule: {
      kind: 'custom' as const,
      start,
      isUtc: true,
      recurrence: { pattern: 'interval' as const, every: 1, unit: 'days' as const },
    },
    durationMinutes: minutes,
    applyTo,
    isEnabled: true,
  };
}

const from = new Date('2026-11-02T00:00:00Z');
const to = new Date('2026-11-03T00:00:00Z');
const iso = (spans: Array<{ start: Date; end: Date }>) =>
  spans.map((span) => [
    span.start.toISOString().slice(11, 16),
    span.end.toISOString().slice(11, 16),
  ]);

describe('effective maintenance windows (spec §10.1)', () => {
  it('merges two one-hour windows that overlap by 30 minutes into one of 90 minutes', () => {
    const spans = effectiveUpdateWindows(
      [daily('2026-11-01T02:00', 60), daily('2026-11-01T02:30', 60)],
      from,
      to,
    );
    expect(iso(spans)).toEqual([['02:00', '03:30']]);
  });

  it('keeps windows that do not overlap apart', () => {
    const spans = effectiveUpdateWindows(
      [daily('2026-11-01T02:00', 60), daily('2026-11-01T05:00', 60)],
      from,
      to,
    );
    expect(iso(spans)).toEqual([
      ['02:00', '03:00'],
      ['05:00', '06:00'],
    ]);
  });

  it('uses only the software-update window when both kinds exist, unless the setting allows both', () => {
    const windows = [
      daily('2026-11-01T02:00', 120, 'Any'),
      daily('2026-11-01T04:00', 120, 'SoftwareUpdatesOnly'),
    ];
    expect(iso(effectiveUpdateWindows(windows, from, to))).toEqual([['04:00', '06:00']]);
    expect(
      iso(effectiveUpdateWindows(windows, from, to, { isAllDeploymentsWindowAllowed: true })),
    ).toEqual([['02:00', '06:00']]);
  });

  it('ignores task-sequence and disabled windows, and clips a window running into the range', () => {
    const spans = effectiveUpdateWindows(
      [
        daily('2026-11-01T23:00', 120),
        daily('2026-11-01T10:00', 60, 'TaskSequencesOnly'),
        { ...daily('2026-11-01T12:00', 60), isEnabled: false },
      ],
      from,
      to,
    );
    expect(iso(spans)).toEqual([
      ['00:00', '01:00'],
      ['23:00', '00:00'],
    ]);
  });
});
