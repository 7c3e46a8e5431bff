import { randomUUID } from 'node:crypto';
import type { StateMessage } from '../../../shared/contract/client-protocol';
import { SiteError } from '../../../shared/errors';
import { runBounded } from '../../../shared/run-bounded';
import { ContentFetcher, type DownloadTotals } from './content-fetcher';
import { DeploymentAgent, type AgentCounts } from './deployment-agent';
import type { FleetCatalog } from './fleet-catalog';
import { FleetLedger } from './fleet-ledger';
import { ManagementPointClient, type ClientIdentity } from './management-point-client';
import { seededRandom } from './seeded-random';
import { SimulatedClient } from './simulated-client';
import type { FleetState, FleetStateFile, UnsentBatch } from './fleet-state-file';

export interface FleetOptions {
  siteUrl: string;
  clients: number;
  /** Fleet seconds per real second: 60 makes an hour of fleet life pass in a minute. */
  acceleration: number;
  seed?: number;
  scanFailureRate?: number;
  /** HTTP requests in flight at once. */
  concurrency?: number;
  reportCycleMinutes?: number;
  scanEveryDays?: number;
  /** Machine policy polling interval in fleet minutes (ConfigMgr's default is 60). */
  policyCycleMinutes?: number;
  /** Share of update installs that fail with a real Windows Update error code. */
  installFailureRate?: number;
  /** Content transfers from distribution points in flight at once, for the whole fleet. */
  downloadConcurrency?: number;
  /** Clients per subnet sharing content through BranchCache when a deployment allows it. */
  clientsPerSubnet?: number;
  /** Keep every accepted 300/301/302 message in the ledger (tests). */
  isEnforcementKept?: boolean;
  /**
   * Where the clients keep their identities and unconfirmed batches across restarts
   * (`patchbay fleet start`); without it (the demo fleet of `serve`) they live in memory only.
   */
  stateFile?: FleetStateFile;
}

export interface FleetStatus {
  clients: number;
  registered: number;
  fleetTime: string;
  acceleration: number;
  scans: number;
  failedScans: number;
  batchesAccepted: number;
  messagesAccepted: number;
  batchesRefused: number;
  /** Batches sent again after a lost answer that the site had already stored: counted once. */
  batchesAlreadyStored: number;
  lastRefusal: string | null;
  policyPolls: number;
  /** Deployment enforcement on the clients (installs, failures, restarts). */
  enforcement: AgentCounts;
  downloads: DownloadTotals;
}

type Member = {
  client: SimulatedClient;
  agent: DeploymentAgent;
  subnet: number;
  identity: ClientIdentity | null;
  /** The batch made and not yet confirmed: every retry, and a restart, sends it with its id. */
  unsent: UnsentBatch | null;
};

/**
 * `patchbay fleet`: simulated clients that register with the management point and report over
 * HTTP exactly as agents do, on an accelerated clock, keeping a ledger of what the site took.
 */
export class Fleet {
  readonly ledger: FleetLedger;
  private readonly members: Member[];
  private readonly mp: ManagementPointClient;
  private realStart = Date.now();
  private fleetStart = Date.now();
  private acceleration: number;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private readonly counts = {
    scans: 0,
    failedScans: 0,
    batchesRefused: 0,
    batchesAlreadyStored: 0,
    policyPolls: 0,
  };
  private readonly enforcement: AgentCounts = {
    installs: 0,
    installFailures: 0,
    outsideWindowInstalls: 0,
    pendingRestarts: 0,
    restarts: 0,
  };
  private readonly content: ContentFetcher;
  private lastRefusal: string | null = null;

  constructor(
    catalog: FleetCatalog,
    private readonly options: FleetOptions,
  ) {
    this.acceleration = options.acceleration;
    this.ledger = new FleetLedger({ isEnforcementKept: options.isEnforcementKept });
    this.mp = new ManagementPointClient(options.siteUrl);
    this.content = new ContentFetcher(this.mp.siteUrl, options.downloadConcurrency ?? 8);
    const random = seededRandom(options.seed ?? 1);
    const clientOptions = {
      scanFailureRate: options.scanFailureRate ?? 0.02,
      reportCycleMs: (options.reportCycleMinutes ?? 15) * 60_000,
      scanEveryMs: (options.scanEveryDays ?? 7) * 86_400_000,
      policyCycleMs: (options.policyCycleMinutes ?? 60) * 60_000,
      fleetSeed: options.seed ?? 1,
    };
    const saved = options.stateFile?.read(options.seed ?? 1) ?? null;
    this.members = Array.from({ length: options.clients }, (_, index) => {
      const client = new SimulatedClient(
        index + 1,
        catalog,
        random,
        this.fleetStart,
        clientOptions,
      );
      const kept = saved?.clients[client.registration.name];
      return {
        client,
        // Re-keyed with the SMS GUID at registration, so randomization is per client.
        agent: kept
          ? this.agentFor(client, kept.smsGuid)
          : this.agentFor(client, client.registration.name),
        subnet: Math.floor(index / (options.clientsPerSubnet ?? 25)),
        identity: kept ? { smsGuid: kept.smsGuid, clientKey: kept.clientKey } : null,
        unsent: kept?.unsent ?? null,
      };
    });
    // The journal starts again from the batches still unconfirmed (and a line a kill cut short
    // is gone before anything is appended after it).
    options.stateFile?.compact(this.unsentBatches());
  }

  private unsentBatches(): Array<{ name: string; batch: UnsentBatch }> {
    return this.members.flatMap((member) =>
      member.unsent ? [{ name: member.client.registration.name, batch: member.unsent }] : [],
    );
  }

  /** Writes every client's identity, and the journal of unconfirmed batches afresh. */
  saveState(): void {
    const file = this.options.stateFile;
    if (!file) return;
    const state: FleetState = {
      version: 1,
      siteUrl: this.options.siteUrl,
      seed: this.options.seed ?? 1,
      clients: {},
    };
    for (const member of this.members)
      if (member.identity)
        state.clients[member.client.registration.name] = {
          ...member.identity,
          unsent: member.unsent,
        };
    file.writeIdentities(state);
    file.compact(this.unsentBatches());
  }

  private agentFor(client: SimulatedClient, clientKey: string): DeploymentAgent {
    return new DeploymentAgent(client, clientKey, {
      installFailureRate: this.options.installFailureRate ?? 0.03,
      counts: this.enforcement,
    });
  }

  fleetNow(): number {
    return this.fleetStart + (Date.now() - this.realStart) * this.acceleration;
  }

  /** Changes the pace from now on; fleet time continues from where it is. */
  setAcceleration(acceleration: number): void {
    this.fleetStart = this.fleetNow();
    this.realStart = Date.now();
    this.acceleration = acceleration;
  }

  /**
   * Every client registers and asks for policy, as a newly installed agent does. A client that
   * kept its identity from an earlier run only asks for policy; if the site no longer knows its
   * key it registers again, and the site finds its record by its hardware id.
   */
  async join(): Promise<void> {
    await runBounded(this.members, this.options.concurrency ?? 16, async (member) => {
      if (member.identity) {
        try {
          await this.pollPolicy(member, this.fleetNow());
          return;
        } catch (error) {
          if (!(error instanceof SiteError) || error.code !== 'refused') throw error;
        }
      }
      const result = await this.mp.register(member.client.registration);
      member.identity = { smsGuid: result.smsGuid, clientKey: result.clientKey };
      member.agent = this.agentFor(member.client, result.smsGuid);
      await this.pollPolicy(member, this.fleetNow());
    });
    this.saveState();
  }

  /** Machine Policy Retrieval & Evaluation Cycle on every client now. */
  async pollPolicyAll(): Promise<void> {
    const now = this.fleetNow();
    await runBounded(this.members, this.options.concurrency ?? 32, (member) =>
      this.pollPolicy(member, now),
    );
  }

  private async pollPolicy(member: Member, now: number): Promise<void> {
    if (!member.identity) return;
    member.client.schedulePolicy(now);
    const policy = await this.mp.policy(member.identity);
    this.counts.policyPolls += 1;
    member.agent.applyPolicy(policy, now);
  }

  /** Runs every client's due deployment steps (evaluate, download, install, restart). */
  private async enforce(members: Member[], now: number): Promise<void> {
    await runBounded(members, this.options.concurrency ?? 32, (member) =>
      member.agent.step(now, {
        fetch: (file, isBranchCacheAllowed) =>
          this.content.fetch(file, isBranchCacheAllowed ? member.subnet : null),
      }),
    );
  }

  /** Forces a scan on every client now (the "Software Updates Scan Cycle" action). */
  scanAll(): void {
    const now = this.fleetNow();
    for (const member of this.members) this.scan(member.client, now);
  }

  private scan(client: SimulatedClient, now: number) {
    if (client.scan(now) === 'failed') this.counts.failedScans += 1;
    this.counts.scans += 1;
  }

  /** Posts every client's pending messages at once: the burst of the acceptance test. */
  async reportAll(): Promise<void> {
    await this.sendBatches(this.members);
  }

  /**
   * Makes the batches of these clients (a client whose last batch is unconfirmed sends that one
   * again, with its id), saves them before the first send, then posts them. A batch's id is
   * fixed when it is made, so no retry, and no restart of the fleet or the site, applies the
   * same messages twice.
   */
  private async sendBatches(members: Member[]): Promise<void> {
    const ready = members.filter(
      (member) =>
        member.identity && !member.client.isBusy && (member.unsent || member.client.hasPending),
    );
    if (ready.length === 0) return;
    const made: Array<{ name: string; batch: UnsentBatch }> = [];
    for (const member of ready)
      if (!member.unsent) {
        member.unsent = this.makeBatch(member);
        made.push({ name: member.client.registration.name, batch: member.unsent });
      }
    const file = this.options.stateFile;
    file?.recordMade(made);
    const sending = ready.map((member) => member.unsent!.batchId);
    await runBounded(ready, this.options.concurrency ?? 256, (member) => this.report(member));
    if (!file) return;
    const stillUnsent = new Set(ready.map((member) => member.unsent?.batchId));
    file.recordDone(sending.filter((batchId) => !stillUnsent.has(batchId)));
    if (file.isCompactionDue) file.compact(this.unsentBatches());
  }

  private makeBatch(member: Member): UnsentBatch {
    const messages: StateMessage[] = member.client.takePending();
    return { batchId: `${member.identity!.smsGuid.slice(5)}-${randomUUID()}`, messages };
  }

  private async report(member: Member): Promise<void> {
    const batch = member.unsent;
    if (!member.identity || !batch || member.client.isBusy) return;
    member.client.isBusy = true;
    try {
      // A lost answer is retried with the same batch id: the site applies it once.
      for (let attempt = 1; ; attempt += 1) {
        try {
          const result = await this.mp.postStateMessages(member.identity, batch);
          if (!result.isNew) this.counts.batchesAlreadyStored += 1;
          this.ledger.recordAccepted(member.identity.smsGuid, batch.messages);
          member.unsent = null;
          return;
        } catch (error) {
          if (error instanceof SiteError && isFinalRefusal(error)) {
            // Refused whole, with the reason: sending it again would be refused again.
            this.counts.batchesRefused += 1;
            this.lastRefusal = error.message;
            member.unsent = null;
            return;
          }
          // The site is unreachable: the batch stays unsent and goes again next cycle.
          if (attempt >= 3) return;
        }
      }
    } finally {
      member.client.isBusy = false;
    }
  }

  /**
   * One step of fleet life: due policy polls, due scans, due deployment steps, then due
   * reporting cycles post their batches.
   */
  async tick(): Promise<void> {
    const now = this.fleetNow();
    const polls = this.members.filter((m) => m.identity && m.client.nextPolicyAt <= now);
    await runBounded(polls, this.options.concurrency ?? 32, (member) =>
      this.pollPolicy(member, now),
    );
    await this.enforce(
      this.members.filter((m) => m.identity && m.agent.nextAt <= now),
      now,
    );
    const due: Member[] = [];
    for (const member of this.members) {
      if (!member.identity) continue;
      if (member.client.nextScanAt <= now) this.scan(member.client, now);
      if (member.client.nextReportAt <= now) {
        member.client.scheduleNextReport(now);
        if (member.unsent || member.client.hasPending) due.push(member);
      }
    }
    await this.sendBatches(due);
  }

  start(tickMs = 250): void {
    this.timer = setInterval(() => {
      if (this.ticking) return;
      this.ticking = this.tick()
        .catch((error: unknown) => {
          this.lastRefusal = (error as Error).message;
        })
        .finally(() => {
          this.ticking = null;
        });
    }, tickMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    this.saveState();
  }

  status(): FleetStatus {
    return {
      clients: this.members.length,
      registered: this.members.filter((member) => member.identity).length,
      fleetTime: new Date(this.fleetNow()).toISOString(),
      acceleration: this.acceleration,
      scans: this.counts.scans,
      failedScans: this.counts.failedScans,
      batchesAccepted: this.ledger.acceptedBatches,
      messagesAccepted: this.ledger.acceptedMessages,
      batchesRefused: this.counts.batchesRefused,
      batchesAlreadyStored: this.counts.batchesAlreadyStored,
      lastRefusal: this.lastRefusal,
      policyPolls: this.counts.policyPolls,
      enforcement: { ...this.enforcement },
      downloads: { ...this.content.totals },
    };
  }
}

/** A refusal of the batch itself; a site that is failing or busy is tried again later. */
function isFinalRefusal(error: SiteError): boolean {
  return error.code !== 'internal' && error.code !== 'unavailable';
}
