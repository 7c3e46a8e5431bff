import { createHash } from 'node:crypto';
import type { ClientRegistration, StateMessage } from '../../../shared/contract/client-protocol';
import type { AgentDevice } from './deployment-agent';
import { isDemoProduct, type FleetCatalog, type FleetUpdate } from './fleet-catalog';
import { osBuildFor } from './os-build';
import { pick } from './seeded-random';
import { pickTimeZoneOffset } from './time-zones';

const hour = 3_600_000;
const day = 24 * hour;
/** Errors real Windows Update Agent scans fail with (WSUS unreachable, proxy, timeout). */
export const scanErrorCodes = ['0x80244022', '0x8024402C', '0x80072EE2', '0x8024401C'] as const;

export interface ClientProfile {
  registration: ClientRegistration & { name: string; products: string[] };
}

/** A state the client holds for an update (TopicType 500) and whether it was reported. */
interface HeldState {
  stateId: number;
}

/** Share of devices that run the demo product, so a demo deployment has real work to do. */
const demoProductShare = 0.7;

/**
 * One simulated client agent: its inventory and time zone, what its scans find, the state
 * messages waiting for the next reporting cycle, and when it next scans, reports and polls
 * policy (in fleet time). Deployments are played by its DeploymentAgent.
 */
export class SimulatedClient implements AgentDevice {
  readonly registration: ClientRegistration & {
    name: string;
    hardwareId: string;
    products: string[];
    timeZoneOffsetMinutes: number;
  };
  private readonly held = new Map<string, HeldState>();
  private pending: StateMessage[] = [];
  private hasScanned = false;
  lastScanErrorCode = 0;
  nextScanAt: number;
  nextReportAt: number;
  nextPolicyAt: number;
  isBusy = false;

  constructor(
    index: number,
    private readonly catalog: FleetCatalog,
    readonly random: () => number,
    joinedAt: number,
    private readonly options: {
      scanFailureRate: number;
      reportCycleMs: number;
      scanEveryMs: number;
      policyCycleMs: number;
      /** The fleet's seed: a device's hardware id is the same every time the fleet starts. */
      fleetSeed: number;
    },
  ) {
    const isServer = catalog.serverSystems.length > 0 && random() < 0.15;
    const systems = isServer ? catalog.serverSystems : catalog.workstationSystems;
    const system = systems.length > 0 ? pick(random, systems) : 'Windows 11';
    const others = catalog.otherProducts.filter(
      (product) => random() < (isDemoProduct(product) ? demoProductShare : 0.35),
    );
    const name = `${isServer ? 'SRV' : 'PC'}-${String(index).padStart(5, '0')}`;
    this.registration = {
      name,
      hardwareId: hardwareIdOf(options.fleetSeed, name),
      domain: 'CONTOSO',
      osName: system,
      osBuild: osBuildFor(system, isServer),
      isServer,
      products: [system, ...others],
      clientVersion: '5.00.9128.1000',
      timeZoneOffsetMinutes: pickTimeZoneOffset(random),
    };
    // First scan at a random time within two hours of receiving policy (§4.2).
    this.nextScanAt = joinedAt + Math.floor(random() * 2 * hour);
    this.nextReportAt = joinedAt + Math.floor(random() * options.reportCycleMs);
    this.nextPolicyAt = joinedAt + options.policyCycleMs;
  }

  get isServer(): boolean {
    return this.registration.isServer === true;
  }

  get timeZoneOffsetMinutes(): number {
    return this.registration.timeZoneOffsetMinutes;
  }

  /** A deployment's evaluation reads the last scan; a client that never scanned scans first. */
  detectionState(updateId: string, now: number): number {
    if (!this.hasScanned) this.scan(now);
    const held = this.held.get(updateId);
    if (held) return held.stateId;
    // Unknown while no scan has completed; after one, an update it never saw does not apply.
    return this.lastScanErrorCode !== 0 && this.held.size === 0 ? 0 : 1;
  }

  /** The rescan after an install reports the installed updates as Installed. */
  markInstalled(updateIds: string[], now: number): void {
    const time = new Date(now).toISOString();
    for (const updateId of updateIds) {
      if (this.held.get(updateId)?.stateId === 3) continue;
      this.held.set(updateId, { stateId: 3 });
      this.pending.push({ topicType: 500, updateId, stateId: 3, time });
    }
    this.pending.push({ topicType: 501, stateId: 3, time });
  }

  send(message: StateMessage): void {
    this.pending.push(message);
  }

  schedulePolicy(now: number): void {
    this.nextPolicyAt = now + this.options.policyCycleMs;
  }

  /** How likely an applicable update is installed, by its age when the fleet starts. */
  private installedChance(update: FleetUpdate): number {
    const age = this.catalog.newestReleaseAt - update.releasedAt;
    if (age > 90 * day) return 0.97;
    if (age > 30 * day) return 0.85;
    if (age > 7 * day) return 0.6;
    return 0.25;
  }

  private evaluate(update: FleetUpdate, previous: HeldState | undefined): number {
    const isApplicable = update.products.some((product) =>
      this.registration.products.includes(product),
    );
    if (!isApplicable) return 1;
    // Demo software is only ever installed by a deployment of it.
    if (update.isDemo) return previous?.stateId ?? 2;
    if (previous) {
      // Between scans, some required updates get installed (Windows Update, an admin).
      return previous.stateId === 2 && this.random() < 0.1 ? 3 : previous.stateId;
    }
    if (update.isSuperseded && this.random() < 0.7) return 1;
    return this.random() < this.installedChance(update) ? 3 : 2;
  }

  /** A scan at fleet time `now`: a failure (small rate, real error code) or changed states. */
  scan(now: number): 'failed' | 'completed' {
    const time = new Date(now).toISOString();
    this.hasScanned = true;
    if (this.random() < this.options.scanFailureRate) {
      const errorCode = pick(this.random, scanErrorCodes);
      this.lastScanErrorCode = Number.parseInt(errorCode, 16) | 0;
      this.pending.push({ topicType: 501, stateId: 5, errorCode, time });
      // The agent retries a failed scan within the hour.
      this.nextScanAt = now + Math.floor((0.5 + this.random() * 0.5) * hour);
      return 'failed';
    }
    for (const update of this.catalog.updates) {
      const previous = this.held.get(update.updateId);
      const stateId = this.evaluate(update, previous);
      if (previous?.stateId === stateId) continue;
      this.held.set(update.updateId, { stateId });
      this.pending.push({ topicType: 500, updateId: update.updateId, stateId, time });
    }
    this.lastScanErrorCode = 0;
    this.pending.push({ topicType: 501, stateId: 3, time });
    this.nextScanAt = now + this.options.scanEveryMs + Math.floor(this.random() * 2 * hour);
    return 'completed';
  }

  /** The messages of this reporting cycle; the caller makes them into one batch and posts it. */
  takePending(): StateMessage[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  scheduleNextReport(now: number): void {
    this.nextReportAt = now + this.options.reportCycleMs;
  }
}

/**
 * A simulated device's hardware identity, in the form of ConfigMgr's Hardware ID ("2:" and a
 * digest of its SMBIOS identifiers): fixed by the fleet's seed and the computer name, as a real
 * device's hardware is, so the site recognises the device whenever it registers again.
 */
export function hardwareIdOf(fleetSeed: number, name: string): string {
  const digest = createHash('sha1').update(`patchbay-fleet:${fleetSeed}:${name}`).digest('hex');
  return `2:${digest.toUpperCase()}`;
}
