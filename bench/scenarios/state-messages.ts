import { ManagementPointClient } from '../../src/main/host/fleet/management-point-client';
import { startSiteServer } from '../../src/main/host/server/site-server';
import type { Site } from '../../src/main/site/site';
import { firstScanBatch, registerClients, seedUpdates } from '../support/compliance-fixture';
import { formatRate, perSecond, type BenchRow } from '../support/measure';

/** Runs `work` over items with at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * The floor for SQLite: the same (client, update, state, time) rows inserted with one prepared
 * statement, one transaction per batch, into a table shaped like client_update_state (its
 * primary key and its (ci_id, state) index for View Required), without any of the checks,
 * lookups and counters.
 */
function rawSqliteInserts(site: Site, clientIds: number[], ciIds: number[]): number {
  const sqlite = site.database.sqlite!;
  sqlite.exec(
    'CREATE TABLE IF NOT EXISTS bench_raw_state (client_id INTEGER NOT NULL, ci_id INTEGER NOT NULL, state INTEGER NOT NULL, state_time TEXT NOT NULL, PRIMARY KEY (client_id, ci_id)); CREATE INDEX IF NOT EXISTS bench_raw_state_update ON bench_raw_state (ci_id, state)',
  );
  const insert = sqlite.prepare('INSERT INTO bench_raw_state VALUES (?, ?, ?, ?)');
  const batch = sqlite.transaction((clientId: number, time: string) => {
    ciIds.forEach((ciId, index) => insert.run(clientId, ciId, (clientId + index) % 4, time));
  });
  const started = performance.now();
  for (const clientId of clientIds) batch(clientId, new Date().toISOString());
  return performance.now() - started;
}

/**
 * P3: state messages per second into the compliance store, in process and through the
 * management point's HTTP endpoint, each batch a client's first scan (one state per update,
 * counters moved in the same transaction); against raw SQLite inserts of the same rows.
 */
export async function stateMessageThroughput(
  site: Site,
  engine: 'sqlite' | 'postgres',
  clients: number,
  updates: number,
): Promise<BenchRow[]> {
  const updateIds = await seedUpdates(site, updates);
  const inProcess = await registerClients(site, clients, 'inproc');
  const overHttp = await registerClients(site, clients, 'http');
  const messages = clients * updates;
  const time = new Date().toISOString();

  let started = performance.now();
  for (const [index, client] of inProcess.entries())
    await site.managementPoint.postStateMessages(
      { smsGuid: client.smsGuid, key: client.clientKey },
      firstScanBatch(`in-${index}-batch`, updateIds, index, time),
    );
  const inProcessMs = performance.now() - started;

  const server = await startSiteServer(site, { port: 0 });
  const mp = new ManagementPointClient(server.url);
  started = performance.now();
  await inParallel([...overHttp.entries()], 8, ([index, client]) =>
    mp.postStateMessages(client, firstScanBatch(`http-${index}-batch`, updateIds, index, time)),
  );
  const httpMs = performance.now() - started;
  await server.close();

  const size = `${clients} clients × ${updates} updates (batches of ${updates})`;
  const rows: BenchRow[] = [];
  if (engine === 'sqlite') {
    const ciIds = (
      await site.database.db
        .selectFrom('software_update')
        .select('ci_id')
        .orderBy('ci_id')
        .execute()
    ).map((row) => row.ci_id);
    const rawMs = rawSqliteInserts(
      site,
      inProcess.map((client) => client.clientId),
      ciIds,
    );
    const raw = perSecond(messages, rawMs);
    rows.push({
      scenario: `P3 state messages in process (${engine})`,
      size,
      medianMs: inProcessMs,
      rate: formatRate(messages, inProcessMs, 'msgs'),
      target: '≥ 40% of raw inserts',
      ratio: `${(perSecond(messages, inProcessMs) / raw).toFixed(2)} of raw SQLite inserts (${formatRate(messages, rawMs, 'rows')})`,
    });
    rows.push({
      scenario: `P3 state messages over HTTP (${engine})`,
      size,
      medianMs: httpMs,
      rate: formatRate(messages, httpMs, 'msgs'),
      target: '≥ 50k msgs/s',
      ratio: `${(perSecond(messages, httpMs) / raw).toFixed(2)} of raw SQLite inserts`,
    });
  } else {
    rows.push({
      scenario: `P3 state messages in process (${engine})`,
      size,
      medianMs: inProcessMs,
      rate: formatRate(messages, inProcessMs, 'msgs'),
      target: '—',
      ratio: '',
    });
    rows.push({
      scenario: `P3 state messages over HTTP (${engine})`,
      size,
      medianMs: httpMs,
      rate: formatRate(messages, httpMs, 'msgs'),
      target: '≥ 50k msgs/s',
      ratio: '',
    });
  }
  return rows;
}
