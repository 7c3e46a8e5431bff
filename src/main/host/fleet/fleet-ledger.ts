import type { StateMessage } from '../../../shared/contract/client-protocol';
import type { SiteDatabase } from '../../site/db/open-database';

export type EnforcementRecord = Extract<StateMessage, { topicType: 300 | 301 | 302 }> & {
  smsGuid: string;
};

interface LedgerClient {
  states: Map<string, { stateId: number; time: string }>;
}

/**
 * What the fleet knows the site accepted: per client and update, the latest detection state of
 * every batch the management point took. After any burst, the site's per-client states must
 * equal it exactly.
 */
export class FleetLedger {
  private readonly clients = new Map<string, LedgerClient>();
  acceptedBatches = 0;
  acceptedMessages = 0;
  /** Every accepted 300/301/302 message, when asked for (tests check when installs ran). */
  readonly enforcementMessages: EnforcementRecord[] | null;

  constructor(options: { isEnforcementKept?: boolean } = {}) {
    this.enforcementMessages = options.isEnforcementKept ? [] : null;
  }

  recordAccepted(smsGuid: string, messages: StateMessage[]): void {
    if (this.enforcementMessages)
      for (const message of messages)
        if (message.topicType !== 500 && message.topicType !== 501)
          this.enforcementMessages.push({ smsGuid, ...message });
    let client = this.clients.get(smsGuid);
    if (!client) {
      client = { states: new Map() };
      this.clients.set(smsGuid, client);
    }
    for (const message of messages) {
      if (message.topicType !== 500) continue;
      const key = message.updateId.toLowerCase();
      const held = client.states.get(key);
      if (!held || held.time <= message.time)
        client.states.set(key, { stateId: message.stateId, time: message.time });
    }
    this.acceptedBatches += 1;
    this.acceptedMessages += messages.length;
  }

  get stateCount(): number {
    let count = 0;
    for (const client of this.clients.values()) count += client.states.size;
    return count;
  }

  /**
   * Compares with the site database: every (client, update, state, time) the ledger holds must
   * be there, and nothing else. Returns the differences, first ones as sentences.
   */
  async compareWith(site: SiteDatabase): Promise<{ matching: number; differences: string[] }> {
    const differences: string[] = [];
    const seen = new Set<string>();
    let matching = 0;
    let lastClientId = 0;
    for (;;) {
      const rows = await site.read
        .selectFrom('client_update_state as s')
        .innerJoin('client as c', 'c.id', 's.client_id')
        .innerJoin('software_update as u', 'u.ci_id', 's.ci_id')
        .select(['c.id', 'c.sms_guid', 'u.update_id', 's.state', 's.state_time'])
        .where('c.id', '>', lastClientId)
        .where('c.id', '<=', lastClientId + 2000)
        .execute();
      const more = await site.read
        .selectFrom('client')
        .select('id')
        .where('id', '>', lastClientId + 2000)
        .limit(1)
        .executeTakeFirst();
      for (const row of rows) {
        const key = row.update_id.toLowerCase();
        seen.add(`${row.sms_guid}|${key}`);
        const held = this.clients.get(row.sms_guid)?.states.get(key);
        if (held && held.stateId === row.state && held.time === row.state_time) matching += 1;
        else if (differences.length < 20)
          differences.push(
            `${row.sms_guid} ${key}: the site holds ${row.state} at ${row.state_time}, the ledger ${held ? `${held.stateId} at ${held.time}` : 'nothing'}.`,
          );
        else differences.push('…');
      }
      lastClientId += 2000;
      if (!more) break;
    }
    for (const [smsGuid, client] of this.clients)
      for (const key of client.states.keys())
        if (!seen.has(`${smsGuid}|${key}`))
          differences.push(`${smsGuid} ${key}: the ledger holds a state the site lacks.`);
    return { matching, differences };
  }
}
