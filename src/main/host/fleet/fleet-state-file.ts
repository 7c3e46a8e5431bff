import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { StateMessage } from '../../../shared/contract/client-protocol';

/** A batch made but not yet confirmed by the management point: resent with the same id. */
const UnsentBatch = z.object({ batchId: z.string(), messages: z.array(StateMessage) });
export interface UnsentBatch {
  batchId: string;
  messages: StateMessage[];
}

const ClientState = z.object({
  smsGuid: z.string(),
  clientKey: z.string(),
  unsent: UnsentBatch.nullable(),
});
export interface FleetClientState {
  smsGuid: string;
  clientKey: string;
  unsent: UnsentBatch | null;
}

const FleetState = z.object({
  version: z.literal(1),
  /** The site it last ran against, for the admin reading the file. */
  siteUrl: z.string(),
  seed: z.number(),
  /** By computer name (PC-00001). */
  clients: z.record(z.string(), ClientState),
});
export interface FleetState {
  version: 1;
  siteUrl: string;
  seed: number;
  clients: Record<string, FleetClientState>;
}

/**
 * What a fleet's agents keep on disk, as a real agent keeps its identity and its outgoing state
 * messages: each client's SMS GUID and key, and the batch it has not yet had confirmed. A
 * restarted fleet reads it and neither registers its devices again nor resends a batch under a
 * new id. Written to a temporary file and renamed, so a kill leaves the old state or the new.
 */
export class FleetStateFile {
  constructor(readonly path: string) {}

  /**
   * The saved state of the fleet with this seed (the same devices), or null: none yet, another
   * seed, unreadable. A site at another address still knows the devices, or refuses their keys
   * and they register again, found by their hardware ids.
   */
  read(seed: number): FleetState | null {
    if (!existsSync(this.path)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      return null;
    }
    const state = FleetState.safeParse(parsed);
    if (!state.success || state.data.seed !== seed) return null;
    return state.data;
  }

  write(state: FleetState): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, this.path);
  }
}
