import { createHttpTransport } from '../../src/shared/api/http-transport';
import { SiteApi } from '../../src/shared/api/site-api';
import { ManagementPointClient } from '../../src/main/host/fleet/management-point-client';
import { startSiteServer } from '../../src/main/host/server/site-server';
import type { Site } from '../../src/main/site/site';
import { firstScanBatch, registerClients, seedUpdates } from '../support/compliance-fixture';
import type { BenchRow } from '../support/measure';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

/**
 * P4: from a client posting a batch over HTTP to the console's counters showing it (read back
 * through the console's HTTP API), and to the `data.changed` event that makes consoles refresh.
 * Counters move in the batch's transaction, so the first read after the answer already sees it.
 */
export async function liveComplianceDelay(
  site: Site,
  engine: 'sqlite' | 'postgres',
  clients: number,
  trials: number,
): Promise<BenchRow[]> {
  const updateIds = await seedUpdates(site, 300);
  const fleet = await registerClients(site, clients, 'p4');
  const start = Date.now() - 86_400_000;
  for (const [index, client] of fleet.entries())
    await site.managementPoint.postStateMessages(
      { smsGuid: client.smsGuid, key: client.clientKey },
      firstScanBatch(`p4-first-${index}`, updateIds, index, new Date(start).toISOString()),
    );
  const ciId = (
    await site.database.db
      .selectFrom('software_update')
      .select('ci_id')
      .where('update_id', '=', updateIds[0]!)
      .executeTakeFirstOrThrow()
  ).ci_id;
  const server = await startSiteServer(site, { port: 0 });
  const mp = new ManagementPointClient(server.url);
  const api = new SiteApi(createHttpTransport(server.url));
  if (trials > clients) throw new Error('P4 needs a client per trial.');
  const visible: number[] = [];
  const notified: number[] = [];
  try {
    for (let trial = 0; trial < trials; trial += 1) {
      const client = fleet[trial % fleet.length]!;
      const before = await api.call('compliance.update', { ciId });
      const event = new Promise<number>((resolve) => {
        const stop = site.events.subscribe((e) => {
          if (e.type === 'data.changed' && e.topics.includes('compliance')) {
            stop();
            resolve(performance.now());
          }
        });
      });
      const posted = performance.now();
      // Flip the update's state for this client, with a newer time than any it sent.
      // Each trial uses a client of its own, whose first scan sent (index % 4) for the update.
      const held = (trial % fleet.length) % 4;
      await mp.postStateMessages(client, {
        batchId: `p4-trial-${trial}`,
        messages: [
          {
            topicType: 500,
            updateId: updateIds[0]!,
            stateId: (held + 1) % 4,
            time: new Date(start + (trial + 1) * 60_000).toISOString(),
          },
        ],
      });
      for (;;) {
        const after = await api.call('compliance.update', { ciId });
        if (
          JSON.stringify({ ...after, lastSummarizedAt: null }) !==
          JSON.stringify({ ...before, lastSummarizedAt: null })
        )
          break;
        if (performance.now() - posted > 5000)
          throw new Error('P4: the counters did not move within 5 s.');
      }
      visible.push(performance.now() - posted);
      notified.push((await event) - posted);
    }
  } finally {
    await server.close();
  }
  const size = `${clients} clients × 300 updates, ${trials} batches`;
  return [
    {
      scenario: `P4 batch posted -> counters changed in the API (${engine})`,
      size,
      medianMs: median(visible),
      rate: `p95 ${p95(visible).toFixed(1)} ms`,
      target: '< 2000 ms',
      ratio: '',
    },
    {
      scenario: `P4 batch posted -> consoles told to refresh (${engine})`,
      size,
      medianMs: median(notified),
      rate: `p95 ${p95(notified).toFixed(1)} ms`,
      target: '< 2000 ms',
      ratio: 'first change at once, then coalesced per 250 ms',
    },
  ];
}
