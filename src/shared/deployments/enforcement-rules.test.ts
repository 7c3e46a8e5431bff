import { describe, expect, it } from 'vitest';
import {
  deadlineRandomizationMinutes,
  deviceUpdateWindows,
  deploymentInstant,
  enforcementTimes,
  installDecision,
  isReportedAt,
  restartDecision,
} from './enforcement-rules';

const at = (iso: string) => Date.parse(iso);
const span = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
const ux = {
  isRestartOutsideMaintenanceWindow: false,
  isRestartSuppressedOnServers: false,
  isRestartSuppressedOnWorkstations: false,
};

describe('when a deployment falls on a device (spec §7.3)', () => {
  it('reads Client local time on each device’s own clock', () => {
    const berlin = deploymentInstant('2026-12-08T02:00:00', 'LocalTime', 60);
    const newYork = deploymentInstant('2026-12-08T02:00', 'LocalTime', -300);
    expect(new Date(berlin).toISOString()).toBe('2026-12-08T01:00:00.000Z');
    expect(new Date(newYork).toISOString()).toBe('2026-12-08T07:00:00.000Z');
  });

  it('reads UTC as one instant for every device', () => {
    expect(deploymentInstant('2026-12-08T02:00:00', 'Utc', 60)).toBe(
      deploymentInstant('2026-12-08T02:00:00', 'Utc', -300),
    );
    expect(deploymentInstant('2026-12-08T02:00:00', 'Utc', 330)).toBe(at('2026-12-08T02:00:00Z'));
  });

  it('takes a time written with its zone as that instant whatever the setting', () => {
    expect(deploymentInstant('2026-12-08T02:00:00.000Z', 'LocalTime', 60)).toBe(
      at('2026-12-08T02:00:00Z'),
    );
  });

  it('refuses text that is not a time', () => {
    expect(() => deploymentInstant('next tuesday', 'Utc', 0)).toThrow('not a date and time');
  });

  it('adds the device’s randomization to the deadline, and has no deadline for Available', () => {
    const times = enforcementTimes(
      { availableTime: '2026-12-01T00:00', deadlineTime: '2026-12-08T02:00', timeBasedOn: 'Utc' },
      { timeZoneOffsetMinutes: 0, randomizationMinutes: 37 },
    );
    expect(times.availableAt).toBe(at('2026-12-01T00:00:00Z'));
    expect(times.deadlineAt).toBe(at('2026-12-08T02:00:00Z'));
    expect(times.enforceAt).toBe(at('2026-12-08T02:37:00Z'));
    const available = enforcementTimes(
      { availableTime: '2026-12-01T00:00', deadlineTime: null, timeBasedOn: 'Utc' },
      { timeZoneOffsetMinutes: 0, randomizationMinutes: 37 },
    );
    expect(available.deadlineAt).toBeNull();
    expect(available.enforceAt).toBeNull();
  });
});

describe('deadline randomization (spec §10.2, Computer Agent)', () => {
  it('is none when the client setting disables it', () => {
    expect(deadlineRandomizationMinutes('GUID:1', 'dep', true)).toBe(0);
  });

  it('is the same for a client and deployment every time, 0–120 minutes, spread over clients', () => {
    const delays = Array.from({ length: 2000 }, (_, index) =>
      deadlineRandomizationMinutes(`GUID:${index}`, '{A1}', false),
    );
    expect(deadlineRandomizationMinutes('GUID:7', '{A1}', false)).toBe(delays[7]);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(120);
    const mean = delays.reduce((sum, delay) => sum + delay, 0) / delays.length;
    expect(mean).toBeGreaterThan(50);
    expect(mean).toBeLessThan(70);
    expect(new Set(delays).size).toBeGreaterThan(100);
    expect(deadlineRandomizationMinutes('GUID:7', '{B2}', false)).not.toBe(
      deadlineRandomizationMinutes('GUID:7', '{A1}', false),
    );
  });
});

describe('whether an install may start (spec §10.1)', () => {
  const windows = [span('2026-12-08T02:00:00Z', '2026-12-08T04:00:00Z')];
  const base = {
    enforceAt: at('2026-12-08T00:00:00Z'),
    windows,
    isInstallOutsideMaintenanceWindow: false,
    maxRunTimeMinutes: 60,
  };

  it('waits before the deadline, even inside a window', () => {
    expect(installDecision({ ...base, now: at('2026-12-07T23:59:00Z') }).kind).toBe(
      'before-deadline',
    );
  });

  it('installs at the deadline when the device has no maintenance window', () => {
    expect(installDecision({ ...base, windows: [], now: at('2026-12-08T00:00:00Z') })).toEqual({
      kind: 'install',
      isOutsideMaintenanceWindow: false,
    });
  });

  it('waits outside a window for the next one, then installs inside it', () => {
    expect(installDecision({ ...base, now: at('2026-12-08T01:00:00Z') })).toEqual({
      kind: 'wait-for-window',
      nextWindowAt: at('2026-12-08T02:00:00Z'),
    });
    expect(installDecision({ ...base, now: at('2026-12-08T02:10:00Z') }).kind).toBe('install');
  });

  it('starts only if the max run time fits in the remaining window', () => {
    expect(installDecision({ ...base, now: at('2026-12-08T03:00:00Z') }).kind).toBe('install');
    expect(installDecision({ ...base, now: at('2026-12-08T03:01:00Z') })).toEqual({
      kind: 'wait-for-window',
      nextWindowAt: null,
    });
  });

  it('installs outside the window at the deadline when the deployment allows it', () => {
    expect(
      installDecision({
        ...base,
        isInstallOutsideMaintenanceWindow: true,
        now: at('2026-12-08T01:00:00Z'),
      }),
    ).toEqual({ kind: 'install', isOutsideMaintenanceWindow: true });
  });

  it('works with the device’s merged windows in its own time zone', () => {
    const local = deviceUpdateWindows(
      [
        {
          schedule: {
            kind: 'custom',
            start: '2026-12-01T02:00',
            isUtc: false,
            recurrence: { pattern: 'interval', every: 1, unit: 'days' },
          },
          durationMinutes: 120,
          applyTo: 'SoftwareUpdatesOnly',
          isEnabled: true,
        },
      ],
      at('2026-12-07T00:00:00Z'),
      at('2026-12-10T00:00:00Z'),
      { timeZoneOffsetMinutes: 60, isAllDeploymentsWindowAllowed: false },
    );
    // 02:00 in UTC+01:00 is 01:00 UTC.
    expect(installDecision({ ...base, windows: local, now: at('2026-12-08T01:30:00Z') }).kind).toBe(
      'install',
    );
    expect(installDecision({ ...base, windows: local, now: at('2026-12-08T03:30:00Z') }).kind).toBe(
      'wait-for-window',
    );
  });
});

describe('restart behaviour (spec §7.4)', () => {
  const windows = [span('2026-12-08T02:00:00Z', '2026-12-08T04:00:00Z')];

  it('is suppressed on servers or workstations as the deployment says', () => {
    const suppressServers = { ...ux, isRestartSuppressedOnServers: true };
    const now = at('2026-12-08T03:00:00Z');
    expect(
      restartDecision({ now, isServer: true, windows, userExperience: suppressServers }),
    ).toEqual({ kind: 'suppressed' });
    expect(
      restartDecision({ now, isServer: false, windows, userExperience: suppressServers }),
    ).toEqual({ kind: 'restart' });
    expect(
      restartDecision({
        now,
        isServer: false,
        windows,
        userExperience: { ...ux, isRestartSuppressedOnWorkstations: true },
      }),
    ).toEqual({ kind: 'suppressed' });
  });

  it('restarts inside a window, or outside only when allowed', () => {
    const outside = at('2026-12-08T01:00:00Z');
    expect(restartDecision({ now: outside, isServer: false, windows, userExperience: ux })).toEqual(
      { kind: 'wait-for-window', nextWindowAt: at('2026-12-08T02:00:00Z') },
    );
    expect(
      restartDecision({
        now: outside,
        isServer: false,
        windows,
        userExperience: { ...ux, isRestartOutsideMaintenanceWindow: true },
      }),
    ).toEqual({ kind: 'restart' });
    expect(
      restartDecision({ now: outside, isServer: false, windows: [], userExperience: ux }),
    ).toEqual({ kind: 'restart' });
  });
});

describe('state message detail level (StateMessageVerbosity)', () => {
  it('sends all at 10, success and errors at 5, errors only at 1', () => {
    expect([10, 5, 1].map((level) => isReportedAt(level as 10 | 5 | 1, 'progress'))).toEqual([
      true,
      false,
      false,
    ]);
    expect([10, 5, 1].map((level) => isReportedAt(level as 10 | 5 | 1, 'success'))).toEqual([
      true,
      true,
      false,
    ]);
    expect([10, 5, 1].map((level) => isReportedAt(level as 10 | 5 | 1, 'error'))).toEqual([
      true,
      true,
      true,
    ]);
  });
});
