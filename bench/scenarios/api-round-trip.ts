import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SiteApi } from '../../src/shared/api/site-api';
import { createHttpTransport } from '../../src/shared/api/http-transport';
import { startSiteServer } from '../../src/main/host/server/site-server';
import type { Site } from '../../src/main/site/site';
import { formatRate, medianOf, type BenchRow } from '../support/measure';

/**
 * A typed call through the whole HTTP path (client schema check, JSON, host guard, dispatch,
 * schema parse, handler) against the floor: a bare Node HTTP server answering the same JSON.
 */
export async function apiRoundTrip(site: Site, calls: number): Promise<BenchRow> {
  const server = await startSiteServer(site, { port: 0 });
  const api = new SiteApi(createHttpTransport(server.url));
  const bare = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, value: { serverTime: new Date().toISOString() } }));
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/site.ping`;
  try {
    await api.call('site.ping', {});
    const ours = await medianOf(3, async () => {
      for (let index = 0; index < calls; index += 1) await api.call('site.ping', { echo: 'x' });
    });
    const floor = await medianOf(3, async () => {
      for (let index = 0; index < calls; index += 1) {
        const response = await fetch(bareUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"echo":"x"}',
        });
        await response.json();
      }
    });
    return {
      scenario: 'API round trip over HTTP (site.ping)',
      size: `${calls} sequential calls`,
      medianMs: ours,
      rate: `${formatRate(calls, ours, 'calls')}, ${((ours / calls) * 1000).toFixed(0)} µs/call`,
      target: '—',
      ratio: `${(floor / ours).toFixed(2)} of bare Node HTTP (${formatRate(calls, floor, 'calls')})`,
    };
  } finally {
    await server.close();
    await new Promise((resolve) => bare.close(resolve));
  }
}
