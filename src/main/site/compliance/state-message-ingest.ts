import type { z } from 'zod';
import type {
  StateMessageBatch,
  StateMessageBatchResult,
} from '../../../shared/contract/compliance';
import { SiteError } from '../../../shared/errors';
import type { SiteDatabase } from '../db/open-database';
import { refreshClientGroups } from './group-compliance';
import { preparedStore, setBasedStore, type StateRow } from './detection-store';
import { addMove, type CounterDelta, type Db } from './update-counters';

type Batch = z.output<typeof StateMessageBatch>;
type Message = Batch['messages'][number];
type Detection = Extract<Message, { topicType: 500 }>;
type Scan = Extract<Message, { topicType: 501 }>;

/** Scan states after which the scan is over (completed, failed, completed with errors). */
const finishedScanStates = new Set([3, 5, 6]);
const chunkSize = 1000;

function refuse(message: string): never {
  throw new SiteError('refused', message);
}

/**
 * A client's clock may run ahead (the demo fleet's runs 60× real time): no state is kept with a
 * time later than the site received it, so nothing in the console is later than now. A time
 * before receipt is the client's own and stays.
 */
function stampedOnReceipt(batch: Batch, now: string): Batch {
  const received = Date.parse(now);
  return {
    ...batch,
    messages: batch.messages.map((message) =>
      Date.parse(message.time) > received ? { ...message, time: now } : message,
    ),
  };
}

/** The latest detection message per update; a 15-minute batch may carry several changes. */
function latestPerUpdate(messages: Detection[]): Map<string, Detection> {
  const latest = new Map<string, Detection>();
  for (const message of messages) {
    const key = message.updateId.toLowerCase();
    const held = latest.get(key);
    if (!held || held.time <= message.time) latest.set(key, message);
  }
  return latest;
}

/**
 * Applies one client's state message batch (§4.2) in one transaction: detection states per
 * update, the update and group counters they move, the scan state, and the enforcement messages
 * kept for deployments. A batch whose id was already applied changes nothing; a batch with an
 * unknown update or a state older than the one held is refused whole, with the reason.
 */
export async function ingestStateMessages(
  site: SiteDatabase,
  clientId: number,
  received: Batch,
  now: string,
): Promise<StateMessageBatchResult> {
  const batch = stampedOnReceipt(received, now);
  return site.db.transaction().execute(async (trx) => {
    // One batch of a client at a time: the old states read below stay the ones replaced.
    let clientQuery = trx
      .selectFrom('client')
      .select(['id', 'name', 'last_scan_at'])
      .where('id', '=', clientId);
    if (site.dialect === 'postgres') clientQuery = clientQuery.forUpdate();
    const client = await clientQuery.executeTakeFirst();
    if (!client) refuse(`Client ${clientId} is not registered with this site.`);
    const earlier = await trx
      .selectFrom('state_message_batch')
      .select(['client_id', 'message_count'])
      .where('batch_id', '=', batch.batchId)
      .executeTakeFirst();
    if (earlier) {
      if (earlier.client_id !== clientId)
        refuse(`Batch ${batch.batchId} was already sent by another client; batch ids are unique.`);
      return { batchId: batch.batchId, isNew: false, messageCount: earlier.message_count };
    }

    const detections = latestPerUpdate(
      batch.messages.filter((m): m is Detection => m.topicType === 500),
    );
    const store = site.sqlite
      ? preparedStore(site.sqlite)
      : setBasedStore(trx, site.dialect === 'postgres');
    const ciIds = await store.ciIdsOf([...detections.keys()]);
    for (const updateId of detections.keys())
      if (!ciIds.has(updateId))
        refuse(`Batch ${batch.batchId} names update ${updateId}, which this site does not know.`);
    const held = await store.heldStates(clientId, [...ciIds.values()]);
    const deltas = new Map<number, CounterDelta>();
    const rows: StateRow[] = [];
    for (const [updateId, message] of detections) {
      const ciId = ciIds.get(updateId)!;
      const before = held.get(ciId);
      if (before && message.time < before.time)
        refuse(
          `Batch ${batch.batchId} is stale: update ${updateId} has a state from ${before.time}, newer than the batch's ${message.time}.`,
        );
      addMove(deltas, ciId, before ? before.state : null, message.stateId);
      rows.push({
        client_id: clientId,
        ci_id: ciId,
        state: message.stateId,
        state_time: message.time,
      });
    }
    await store.writeStates(rows);
    // Read before the counters are locked, to keep the lock short.
    const grouped = await store.groupedUpdates([...deltas.keys()]);
    const scan = recordScan(
      client,
      batch.batchId,
      batch.messages.filter((m): m is Scan => m.topicType === 501),
    );
    await keepEnforcementMessages(trx, clientId, batch);
    await trx
      .updateTable('client')
      .set({ last_state_message_at: now, ...scan })
      .where('id', '=', clientId)
      .execute();
    await trx
      .insertInto('state_message_batch')
      .values({
        batch_id: batch.batchId,
        client_id: clientId,
        message_count: batch.messages.length,
        received_at: now,
      })
      .execute();
    // The shared counter rows last: every batch updates them, so their locks (on PostgreSQL)
    // are held only from here to the commit.
    await store.moveCounters(deltas.values());
    await refreshClientGroups(trx, clientId, grouped);
    return { batchId: batch.batchId, isNew: true, messageCount: batch.messages.length };
  });
}

/** TopicType 501: the client's last scan state, error code and, once finished, its time. */
function recordScan(client: { last_scan_at: string | null }, batchId: string, scans: Scan[]) {
  if (scans.length === 0) return {};
  const latest = scans.reduce((a, b) => (b.time >= a.time ? b : a));
  if (client.last_scan_at && latest.time < client.last_scan_at)
    refuse(
      `Batch ${batchId} is stale: the client's last scan finished at ${client.last_scan_at}, after the batch's scan state of ${latest.time}.`,
    );
  return {
    last_scan_state: latest.stateId,
    last_scan_error_code: latest.errorCode,
    ...(finishedScanStates.has(latest.stateId) ? { last_scan_at: latest.time } : {}),
  };
}

/** Seam for deployments: enforcement states (300/301/302) are stored as they came. */
async function keepEnforcementMessages(db: Db, clientId: number, batch: Batch) {
  const rows = batch.messages.flatMap((m) =>
    m.topicType === 300 || m.topicType === 301 || m.topicType === 302
      ? [
          {
            client_id: clientId,
            batch_id: batch.batchId,
            topic_type: m.topicType,
            topic_id: m.topicId,
            state_id: m.stateId,
            error_code: m.errorCode,
            state_time: m.time,
          },
        ]
      : [],
  );
  for (let start = 0; start < rows.length; start += chunkSize)
    await db
      .insertInto('client_enforcement_message')
      .values(rows.slice(start, start + chunkSize))
      .execute();
}
