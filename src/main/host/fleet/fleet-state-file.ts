import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StateMessage } from '../../../shared/contract/client-protocol';

/** A batch made but not yet confirmed by the management point: resent with the same id. */
export interface UnsentBatch {
  batchId: string;
  messages: StateMessage[];
}

export interface FleetClientState {
  smsGuid: string;
  clientKey: string;
  unsent: UnsentBatch | null;
}

/** What a restarted fleet reads back: each client's identity and unconfirmed batch, by name. */
export interface FleetState {
  version: 1;
  siteUrl: string;
  seed: number;
  clients: Record<string, FleetClientState>;
}

const Identities = z.object({
  version: z.literal(1),
  /** The site it last ran against, for the admin reading the file. */
  siteUrl: z.string(),
  seed: z.number(),
  /** By computer name (PC-00001). */
  clients: z.record(z.string(), z.object({ smsGuid: z.string(), clientKey: z.string() })),
});

/** One line of the batch journal: a batch made (before its first send), or one finished with. */
const JournalLine = z.union([
  z.object({
    made: z.object({
      name: z.string(),
      batchId: z.string(),
      messages: z.array(StateMessage),
    }),
  }),
  z.object({ done: z.string() }),
]);

/**
 * What a fleet's agents keep on disk, as a real agent keeps its identity and its outgoing state
 * messages, so a restarted fleet neither registers its devices again nor resends a batch under a
 * new id. Two files in the fleet's folder: `clients.json`, each client's SMS GUID and key,
 * written to a temporary file and renamed (a kill leaves the old file or the new); and
 * `unsent-batches.ndjson`, a journal a batch is appended to before its first send and marked
 * done in once the site confirmed (or refused) it, compacted to the unconfirmed ones now and then.
 * Appending keeps each batch's cost its own size, however large the fleet.
 */
export class FleetStateFile {
  readonly identitiesPath: string;
  readonly journalPath: string;
  private journalLines = 0;

  constructor(readonly folder: string) {
    this.identitiesPath = join(folder, 'clients.json');
    this.journalPath = join(folder, 'unsent-batches.ndjson');
  }

  /**
   * The saved state of the fleet with this seed (the same devices), or null: none yet, another
   * seed, unreadable. A site at another address still knows the devices, or refuses their keys
   * and they register again, found by their hardware ids.
   */
  read(seed: number): FleetState | null {
    if (!existsSync(this.identitiesPath)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.identitiesPath, 'utf8'));
    } catch {
      return null;
    }
    const identities = Identities.safeParse(parsed);
    if (!identities.success || identities.data.seed !== seed) return null;
    const unsent = this.readJournal();
    const clients: Record<string, FleetClientState> = {};
    for (const [name, identity] of Object.entries(identities.data.clients))
      clients[name] = { ...identity, unsent: unsent.get(name) ?? null };
    return { ...identities.data, clients };
  }

  /** The unconfirmed batch of each client, replayed from the journal. */
  private readJournal(): Map<string, UnsentBatch> {
    const unsent = new Map<string, UnsentBatch>();
    if (!existsSync(this.journalPath)) return unsent;
    const owners = new Map<string, string>();
    for (const text of readFileSync(this.journalPath, 'utf8').split('\n')) {
      if (!text) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        // A line cut short by a kill: its batch was never sent.
        continue;
      }
      const line = JournalLine.safeParse(value);
      if (!line.success) continue;
      if ('made' in line.data) {
        const { name, batchId, messages } = line.data.made;
        unsent.set(name, { batchId, messages: messages as StateMessage[] });
        owners.set(batchId, name);
      } else {
        const name = owners.get(line.data.done);
        if (name !== undefined && unsent.get(name)?.batchId === line.data.done) unsent.delete(name);
      }
    }
    return unsent;
  }

  writeIdentities(
    state: Omit<FleetState, 'clients'> & { clients: Record<string, FleetClientState> },
  ): void {
    const clients: Record<string, { smsGuid: string; clientKey: string }> = {};
    for (const [name, client] of Object.entries(state.clients))
      clients[name] = { smsGuid: client.smsGuid, clientKey: client.clientKey };
    this.replace(
      this.identitiesPath,
      JSON.stringify({ version: 1, siteUrl: state.siteUrl, seed: state.seed, clients }),
    );
  }

  /** Before their first send: these batches, each with the client that made it. */
  recordMade(batches: Array<{ name: string; batch: UnsentBatch }>): void {
    if (batches.length === 0) return;
    this.append(batches.map(({ name, batch }) => JSON.stringify({ made: { name, ...batch } })));
  }

  /** Confirmed or refused by the site: these batches are never sent again. */
  recordDone(batchIds: string[]): void {
    if (batchIds.length === 0) return;
    this.append(batchIds.map((batchId) => JSON.stringify({ done: batchId })));
  }

  /** True once the journal holds many finished batches: time to `compact` it. */
  get isCompactionDue(): boolean {
    return this.journalLines > 20_000;
  }

  /** Rewrites the journal with only these unconfirmed batches. */
  compact(unsent: Array<{ name: string; batch: UnsentBatch }>): void {
    const lines = unsent.map(({ name, batch }) => JSON.stringify({ made: { name, ...batch } }));
    this.replace(this.journalPath, lines.length ? `${lines.join('\n')}\n` : '');
    this.journalLines = lines.length;
  }

  private append(lines: string[]): void {
    mkdirSync(this.folder, { recursive: true });
    appendFileSync(this.journalPath, `${lines.join('\n')}\n`);
    this.journalLines += lines.length;
  }

  private replace(path: string, text: string): void {
    mkdirSync(this.folder, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  }
}
