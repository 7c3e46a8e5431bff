import {
  effectiveUpdateWindows,
  type Span,
  type WindowDefinition,
} from '../compliance/effective-windows';
import type { TimeBasedOn } from '../contract/deployments';

/**
 * The client's enforcement rules for a deployment (spec §7.3, §10.1–§10.3): when its available
 * time and deadline fall on one device, the deadline randomization, whether an install or a
 * restart may start now. Pure, so the fleet plays them and the site (and its tests) can predict
 * what each device will do.
 */

const minute = 60_000;
/** The Computer Agent's post-deadline delay is "up to 2 hours" (§10.2). */
export const maxDeadlineRandomizationMinutes = 120;

/**
 * The instant a deployment time falls on a device. A wall clock ("2026-12-08T02:00:00") means
 * that time on the device's own clock with Client local time, and that UTC instant with UTC. A
 * time written with its zone ("…Z", "…+01:00") is already one instant for everyone.
 */
export function deploymentInstant(
  time: string,
  timeBasedOn: TimeBasedOn,
  timeZoneOffsetMinutes: number,
): number {
  if (/(Z|[+-]\d{2}:\d{2})$/i.test(time)) return Date.parse(time);
  const wallClock = Date.parse(`${time}Z`);
  if (Number.isNaN(wallClock)) throw new Error(`"${time}" is not a date and time.`);
  return timeBasedOn === 'LocalTime' ? wallClock - timeZoneOffsetMinutes * minute : wallClock;
}

/**
 * The delay after the deadline before a device enforces, 0–120 minutes unless the client
 * setting "Disable deadline randomization" is Yes. Derived from the client and the deployment,
 * so a device keeps its delay across policy polls and restarts, and devices spread evenly.
 */
export function deadlineRandomizationMinutes(
  clientId: string,
  assignmentUniqueId: string,
  isRandomizationDisabled: boolean,
): number {
  if (isRandomizationDisabled) return 0;
  // FNV-1a: stable and well spread, no crypto needed.
  let hash = 0x811c9dc5;
  for (const char of `${clientId}|${assignmentUniqueId}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % (maxDeadlineRandomizationMinutes + 1);
}

export interface EnforcementTimes {
  /** When the content downloads (Required) and the deployment becomes visible. */
  availableAt: number;
  /** The deadline on this device's clock; null for Available deployments. */
  deadlineAt: number | null;
  /** The deadline plus this device's randomization: when it enforces. */
  enforceAt: number | null;
}

export function enforcementTimes(
  deployment: { availableTime: string; deadlineTime: string | null; timeBasedOn: TimeBasedOn },
  device: {
    timeZoneOffsetMinutes: number;
    randomizationMinutes: number;
  },
): EnforcementTimes {
  const at = (time: string) =>
    deploymentInstant(time, deployment.timeBasedOn, device.timeZoneOffsetMinutes);
  const deadlineAt = deployment.deadlineTime === null ? null : at(deployment.deadlineTime);
  return {
    availableAt: at(deployment.availableTime),
    deadlineAt,
    enforceAt: deadlineAt === null ? null : deadlineAt + device.randomizationMinutes * minute,
  };
}

/**
 * A device's effective software-update windows over [from, to), its local-time windows read on
 * its own clock. Offsets here are east-positive (UTC+01:00 is 60), as the device reports them;
 * the schedule maths counts them the other way (Date#getTimezoneOffset).
 */
export function deviceUpdateWindows(
  windows: readonly WindowDefinition[],
  from: number,
  to: number,
  device: { timeZoneOffsetMinutes: number; isAllDeploymentsWindowAllowed: boolean },
): Span[] {
  return effectiveUpdateWindows(windows, new Date(from), new Date(to), {
    isAllDeploymentsWindowAllowed: device.isAllDeploymentsWindowAllowed,
    timeZoneOffsetMinutes: -device.timeZoneOffsetMinutes,
  });
}

/** The window that holds `now`, if any. */
export function windowAt(windows: readonly Span[], now: number): Span | null {
  return windows.find((span) => span.start.getTime() <= now && now < span.end.getTime()) ?? null;
}

export type InstallDecision =
  | { kind: 'before-deadline' }
  | { kind: 'install'; isOutsideMaintenanceWindow: boolean }
  /** 301/10: waiting for a maintenance window long enough for the install. */
  | { kind: 'wait-for-window'; nextWindowAt: number | null };

/**
 * Whether a Required deployment's install may start at `now` (§10.1): never before the
 * (randomized) deadline; then with no maintenance window at all, inside a window whose remaining
 * time fits the update's max run time, or anywhere when the deployment allows installing outside
 * maintenance windows.
 */
export function installDecision(input: {
  now: number;
  enforceAt: number;
  windows: readonly Span[];
  isInstallOutsideMaintenanceWindow: boolean;
  maxRunTimeMinutes: number;
}): InstallDecision {
  const { now, windows } = input;
  if (now < input.enforceAt) return { kind: 'before-deadline' };
  if (windows.length === 0) return { kind: 'install', isOutsideMaintenanceWindow: false };
  const current = windowAt(windows, now);
  if (current && current.end.getTime() - now >= input.maxRunTimeMinutes * minute)
    return { kind: 'install', isOutsideMaintenanceWindow: false };
  if (input.isInstallOutsideMaintenanceWindow)
    return { kind: 'install', isOutsideMaintenanceWindow: true };
  return { kind: 'wait-for-window', nextWindowAt: nextFittingWindow(input) };
}

function nextFittingWindow(input: {
  now: number;
  windows: readonly Span[];
  maxRunTimeMinutes: number;
}): number | null {
  for (const span of input.windows) {
    const start = Math.max(span.start.getTime(), input.now);
    if (span.end.getTime() - start >= input.maxRunTimeMinutes * minute && start > input.now)
      return start;
  }
  return null;
}

export type RestartDecision =
  /** 301/5 for good: the deployment suppresses restarts on this kind of device. */
  | { kind: 'suppressed' }
  /** 301/2, then the device restarts. */
  | { kind: 'restart' }
  /** 301/5 until the next maintenance window opens. */
  | { kind: 'wait-for-window'; nextWindowAt: number | null };

/**
 * What a device does after an install that needs a restart (§7.4): suppressed on servers or
 * workstations when the deployment says so; otherwise it restarts with no windows, inside one,
 * or outside when "System restart (if required to complete the installation)" outside
 * maintenance windows is allowed.
 */
export function restartDecision(input: {
  now: number;
  isServer: boolean;
  windows: readonly Span[];
  userExperience: {
    isRestartOutsideMaintenanceWindow: boolean;
    isRestartSuppressedOnServers: boolean;
    isRestartSuppressedOnWorkstations: boolean;
  };
}): RestartDecision {
  const { userExperience: ux } = input;
  if (input.isServer ? ux.isRestartSuppressedOnServers : ux.isRestartSuppressedOnWorkstations)
    return { kind: 'suppressed' };
  if (input.windows.length === 0 || windowAt(input.windows, input.now) !== null)
    return { kind: 'restart' };
  if (ux.isRestartOutsideMaintenanceWindow) return { kind: 'restart' };
  const next = input.windows.find((span) => span.start.getTime() > input.now);
  return { kind: 'wait-for-window', nextWindowAt: next ? next.start.getTime() : null };
}

/**
 * Whether a state message of a deployment is sent at its detail level (StateMessageVerbosity):
 * 10 all, 5 only success and error, 1 only errors. Evaluation and progress are "all".
 */
export function isReportedAt(verbosity: 10 | 5 | 1, kind: 'progress' | 'success' | 'error') {
  if (kind === 'error') return true;
  if (kind === 'success') return verbosity >= 5;
  return verbosity === 10;
}
