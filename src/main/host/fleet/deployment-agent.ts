import type { Span } from '../../../shared/compliance/effective-windows';
import type {
  ClientPolicy,
  PolicyContentFile,
  PolicyDeployment,
  StateMessage,
} from '../../../shared/contract/client-protocol';
import {
  deadlineRandomizationMinutes,
  deviceUpdateWindows,
  enforcementTimes,
  installDecision,
  isReportedAt,
  restartDecision,
  type EnforcementTimes,
} from '../../../shared/deployments/enforcement-rules';
import { DownloadFailure } from './content-fetcher';
import { installFailureCodes } from './enforcement-error-codes';
import { pick } from './seeded-random';

const minute = 60_000;
const day = 1440 * minute;

/** What the agent needs of its device. */
export interface AgentDevice {
  readonly isServer: boolean;
  readonly timeZoneOffsetMinutes: number;
  readonly random: () => number;
  /** TopicType 500 state of an update on the device (2 = Required), scanning first if never scanned. */
  detectionState(updateId: string, now: number): number;
  /** HRESULT of the last failed scan (0 when it completed). */
  readonly lastScanErrorCode: number;
  /** The rescan after an install: these updates are now Installed (500 state 3). */
  markInstalled(updateIds: string[], now: number): void;
  send(message: StateMessage): void;
}

export interface AgentContent {
  fetch(file: PolicyContentFile, isBranchCacheAllowed: boolean): Promise<void>;
}

type Phase =
  | 'evaluate'
  | 'download'
  | 'deadline'
  | 'installing'
  | 'restart'
  | 'restarting'
  | 'done'
  | 'pending-restart';

interface Assignment {
  policy: PolicyDeployment;
  times: EnforcementTimes;
  phase: Phase;
  nextAt: number;
  required: PolicyDeployment['updates'];
  isWaitingReported: boolean;
  /** After a failed install: not before the next deployment re-evaluation, whatever the polls. */
  retryAt?: number;
}

export interface AgentCounts {
  installs: number;
  installFailures: number;
  outsideWindowInstalls: number;
  pendingRestarts: number;
  restarts: number;
}

/**
 * The Software Updates client agent's side of deployments (spec §10.3) on one simulated device:
 * it keeps the assignments of its latest policy, evaluates them at the available time, downloads
 * Required content, installs at the (randomized) deadline inside maintenance windows unless
 * allowed outside, restarts or stays pending restart, rescans, and reports 300/301/302 at the
 * deployment's detail level. The rules themselves are the shared enforcement rules.
 */
export class DeploymentAgent {
  private readonly assignments = new Map<string, Assignment>();
  private policy: ClientPolicy | null = null;
  private windowsCache: { from: number; to: number; spans: Span[] } | null = null;
  /** Messages of one step get distinct times, so the site keeps them in order. */
  private lastMessageAt = 0;

  constructor(
    private readonly device: AgentDevice,
    private readonly clientKey: string,
    private readonly options: { installFailureRate: number; counts: AgentCounts },
  ) {}

  /** A policy poll's answer: new assignments start, withdrawn ones are dropped. */
  applyPolicy(policy: ClientPolicy, now: number): void {
    this.policy = policy;
    this.windowsCache = null;
    const listed = new Set(policy.deployments.map((d) => d.assignmentUniqueId));
    for (const id of this.assignments.keys()) if (!listed.has(id)) this.assignments.delete(id);
    for (const deployment of policy.deployments) {
      const held = this.assignments.get(deployment.assignmentUniqueId);
      const times = enforcementTimes(deployment, {
        timeZoneOffsetMinutes: this.device.timeZoneOffsetMinutes,
        randomizationMinutes: deadlineRandomizationMinutes(
          this.clientKey,
          deployment.assignmentUniqueId,
          policy.clientSettings.isDeadlineRandomizationDisabled,
        ),
      });
      if (held) {
        // Changed schedules or settings apply from now on.
        held.policy = deployment;
        held.times = times;
        // A failed install keeps its retry at the re-evaluation: an hourly poll is no retry.
        if (held.phase === 'deadline')
          held.nextAt = Math.min(held.nextAt, Math.max(now, held.retryAt ?? now));
        continue;
      }
      this.assignments.set(deployment.assignmentUniqueId, {
        policy: deployment,
        times,
        phase: 'evaluate',
        nextAt: Math.max(now, times.availableAt),
        required: [],
        isWaitingReported: false,
      });
    }
  }

  get nextAt(): number {
    let next = Infinity;
    for (const assignment of this.assignments.values()) next = Math.min(next, assignment.nextAt);
    return next;
  }

  /** Runs every assignment step that is due at `now`. */
  async step(now: number, content: AgentContent): Promise<void> {
    for (const assignment of [...this.assignments.values()])
      if (assignment.nextAt <= now) await this.advance(assignment, now, content);
  }

  private async advance(a: Assignment, now: number, content: AgentContent): Promise<void> {
    switch (a.phase) {
      case 'evaluate':
        return this.evaluate(a, now);
      case 'download':
        return this.download(a, now, content);
      case 'deadline':
        return this.enforce(a, now);
      case 'installing':
        return this.finishInstall(a, now);
      case 'restart':
        return this.restart(a, now);
      case 'restarting':
        return this.complete(a, now);
      default:
        a.nextAt = Infinity;
    }
  }

  private evaluate(a: Assignment, now: number): void {
    this.report(a, 302, 1, 'progress', now);
    const states = a.policy.updates.map((update) => ({
      update,
      state: this.device.detectionState(update.updateId, now),
    }));
    if (states.some(({ state }) => state === 0)) {
      // The last scan failed: the evaluation fails too, and runs again after the scan retry.
      this.report(a, 302, 3, 'error', now, this.device.lastScanErrorCode);
      a.nextAt = now + 60 * minute;
      return;
    }
    a.required = states.filter(({ state }) => state === 2).map(({ update }) => update);
    this.report(a, 302, 2, 'progress', now);
    if (a.required.length === 0) {
      this.report(a, 300, 1, 'success', now);
      return this.finish(a, 'done');
    }
    this.report(a, 300, 2, 'progress', now);
    // Available: Software Center offers it; nobody is signed in to install it.
    if (a.policy.purpose === 'Available') return this.finish(a, 'done');
    a.phase = 'download';
    a.nextAt = now;
  }

  private async download(a: Assignment, now: number, content: AgentContent): Promise<void> {
    this.report(a, 301, 7, 'progress', now);
    const files = new Map<string, PolicyContentFile>();
    for (const update of a.required) for (const file of update.files) files.set(file.sha256, file);
    try {
      for (const file of files.values())
        await content.fetch(file, a.policy.downloadSettings.isBranchCacheAllowed);
    } catch (error) {
      if (!(error instanceof DownloadFailure)) throw error;
      this.report(a, 301, 9, 'error', now, error.errorCode);
      // Content transfer retries; the next attempt also follows a policy poll with new locations.
      a.nextAt = now + 60 * minute;
      return;
    }
    this.report(a, 301, 8, 'progress', now);
    a.phase = 'deadline';
    a.nextAt = Math.max(now, a.times.enforceAt ?? now);
  }

  private enforce(a: Assignment, now: number): void {
    const maxRunTimeMinutes = Math.max(0, ...a.required.map((u) => u.maxRunTimeMinutes));
    const decision = installDecision({
      now,
      enforceAt: a.times.enforceAt ?? now,
      windows: this.windows(now),
      isInstallOutsideMaintenanceWindow: a.policy.userExperience.isInstallOutsideMaintenanceWindow,
      maxRunTimeMinutes,
    });
    if (decision.kind === 'before-deadline') {
      a.nextAt = a.times.enforceAt ?? now;
      return;
    }
    if (decision.kind === 'wait-for-window') {
      if (!a.isWaitingReported) this.report(a, 301, 10, 'progress', now);
      a.isWaitingReported = true;
      a.nextAt = decision.nextWindowAt ?? now + day;
      return;
    }
    a.isWaitingReported = false;
    if (decision.isOutsideMaintenanceWindow) this.options.counts.outsideWindowInstalls += 1;
    this.report(a, 301, 1, 'progress', now);
    a.phase = 'installing';
    // An install takes a few minutes, never more than its max run time.
    const minutes = Math.min(Math.max(1, maxRunTimeMinutes), 3 + this.device.random() * 12);
    a.nextAt = now + minutes * minute;
  }

  private finishInstall(a: Assignment, now: number): void {
    if (this.device.random() < this.options.installFailureRate) {
      this.options.counts.installFailures += 1;
      this.report(a, 301, 6, 'error', now, pick(this.device.random, installFailureCodes));
      // Retried at the next deployment re-evaluation.
      a.phase = 'deadline';
      a.nextAt = now + (this.policy?.clientSettings.reevaluationScheduleDays ?? 7) * day;
      a.retryAt = a.nextAt;
      return;
    }
    this.options.counts.installs += 1;
    const needsRestart = a.required.some((update) => !/never/i.test(update.restartBehavior));
    if (!needsRestart) return this.complete(a, now);
    a.phase = 'restart';
    a.nextAt = now;
  }

  private restart(a: Assignment, now: number): void {
    const decision = restartDecision({
      now,
      isServer: this.device.isServer,
      windows: this.windows(now),
      userExperience: a.policy.userExperience,
    });
    if (decision.kind === 'restart') {
      this.options.counts.restarts += 1;
      this.report(a, 301, 2, 'progress', now);
      a.phase = 'restarting';
      a.nextAt = now + 3 * minute;
      return;
    }
    if (!a.isWaitingReported) {
      this.options.counts.pendingRestarts += 1;
      this.report(a, 301, 5, 'success', now);
    }
    a.isWaitingReported = true;
    if (decision.kind === 'suppressed') return this.finish(a, 'pending-restart');
    a.nextAt = decision.nextWindowAt ?? now + day;
  }

  private complete(a: Assignment, now: number): void {
    this.device.markInstalled(
      a.required.map((update) => update.updateId),
      now,
    );
    this.report(a, 301, 4, 'success', now);
    this.report(a, 300, 1, 'success', now);
    this.finish(a, 'done');
  }

  private finish(a: Assignment, phase: Phase): void {
    a.phase = phase;
    a.nextAt = Infinity;
  }

  /** The device's effective software-update windows around `now`, recomputed daily. */
  private windows(now: number): Span[] {
    const policy = this.policy;
    if (!policy || policy.maintenanceWindows.length === 0) return [];
    const cache = this.windowsCache;
    if (cache && now >= cache.from && now + 7 * day <= cache.to) return cache.spans;
    const from = now - day;
    const to = now + 35 * day;
    const spans = deviceUpdateWindows(policy.maintenanceWindows, from, to, {
      timeZoneOffsetMinutes: this.device.timeZoneOffsetMinutes,
      isAllDeploymentsWindowAllowed: policy.clientSettings.isAllDeploymentsWindowAllowedForUpdates,
    });
    this.windowsCache = { from, to, spans };
    return spans;
  }

  private report(
    a: Assignment,
    topicType: 300 | 301 | 302,
    stateId: number,
    kind: 'progress' | 'success' | 'error',
    now: number,
    errorCode?: number,
  ): void {
    if (!isReportedAt(a.policy.verbosity, kind)) return;
    this.lastMessageAt = Math.max(now, this.lastMessageAt + 1);
    this.device.send({
      topicType,
      topicId: a.policy.assignmentUniqueId,
      stateId,
      errorCode: errorCode ?? 0,
      time: new Date(this.lastMessageAt).toISOString(),
    });
  }
}
