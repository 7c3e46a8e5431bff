import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteApi } from '../../src/shared/api/site-api';
import { createHttpTransport } from '../../src/shared/api/http-transport';
import type { SiteEvent } from '../../src/shared/contract';
import { startSiteServer, type SiteServer } from '../../src/main/host/server/site-server';
import { engines } from '../support/engines';
import { openTestSite, until } from '../support/test-site';

function rawRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; path?: string },
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const target = new URL(init.path ?? '/', url);
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: init.path ?? target.pathname,
        method: init.method ?? 'GET',
        headers: init.headers,
      },
      (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    if (init.body) request.write(init.body);
    request.end();
  });
}

/** A POST whose length is not declared (chunked), written in 64 KB pieces as a client streams. */
function chunkedRequest(url: string, path: string, body: Buffer) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const target = new URL(url);
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    let offset = 0;
    const writeMore = () => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + 65_536);
        offset += piece.length;
        if (!request.write(piece)) {
          request.once('drain', writeMore);
          return;
        }
      }
      request.end();
    };
    writeMore();
  });
}

describe.each(engines)('patchbay serve over HTTP on %s', (engine) => {
  let server: SiteServer;
  let dispose: () => Promise<void>;
  let api: SiteApi;
  let site: Awaited<ReturnType<typeof openTestSite>> | undefined;
  const opened = () => site!;

  beforeAll(async () => {
    const opened = await openTestSite(engine);
    site = opened;
    dispose = opened.dispose;
    const consoleFolder = mkdtempSync(join(tmpdir(), 'patchbay-console-'));
    mkdirSync(join(consoleFolder, 'assets'));
    writeFileSync(join(consoleFolder, 'index.html'), '<!doctype html><title>Patchbay</title>');
    server = await startSiteServer(opened.site, { port: 0, consoleFolder });
    api = new SiteApi(createHttpTransport(server.url));
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  it('binds to loopback and answers a typed call', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const info = await api.call('site.info', {});
    expect(info.siteCode).toBe('PS1');
    expect(info.databaseKind).toBe(engine);
    expect((await api.call('site.ping', { echo: 'hello' })).echo).toBe('hello');
  });

  it('refuses a malformed call with the field named, as data', async () => {
    const response = await fetch(`${server.url}api/jobs.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'seven' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid-input');
    expect(body.error.message).toMatch(/^id: /);
  });

  it('says which method does not exist, and which object is missing', async () => {
    const unknown = await fetch(`${server.url}api/site.selfDestruct`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      'site.selfDestruct',
    );
    await expect(api.call('jobs.get', { id: 987654 })).rejects.toMatchObject({
      code: 'not-found',
      message: 'Job 987654 does not exist.',
    });
  });

  it('refuses bodies that are not JSON, and requests for another host (DNS rebinding) or origin', async () => {
    const notJson = await fetch(`${server.url}api/site.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    const plain = await fetch(`${server.url}api/site.info`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(plain.status).toBe(400);
    const rebound = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/site.info',
      headers: { host: 'evil.example:80', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(rebound.status).toBe(403);
    const crossSite = await fetch(`${server.url}api/site.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
  });

  it('answers a body past the limit with 413 and a sentence, whether or not its length was declared', async () => {
    // 12.6 MB, as the hostile tester sent: a TCP reset used to be the only answer.
    const batch = JSON.stringify({ messages: [{ padding: 'x'.repeat(12_600_000) }] });
    const before = await opened()
      .site.database.db.selectFrom('status_message')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const declared = await fetch(`${server.url}mp/state-messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: batch,
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toBe(
      'The request body is larger than the 10485760 bytes this site accepts; send it in smaller parts.',
    );
    for (const path of ['/mp/state-messages', '/mp/register', '/api/site.ping']) {
      const chunked = await chunkedRequest(server.url, path, Buffer.from(batch));
      expect(chunked.status, path).toBe(413);
      expect(chunked.body, path).toContain('send it in smaller parts');
    }
    const after = await opened()
      .site.database.db.selectFrom('status_message')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(after.count)).toBe(Number(before.count));
    // The server still answers on a new connection.
    expect((await api.call('site.ping', { echo: 'still here' })).echo).toBe('still here');
  });

  it('serves the console and keeps paths inside its folder', async () => {
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await rawRequest(server.url, { path: '/../../etc/passwd' });
    expect(escape.body).not.toContain('root:');
    const encoded = await rawRequest(server.url, { path: '/%2e%2e/%2e%2e/etc/passwd' });
    expect([403, 200]).toContain(encoded.status);
    expect(encoded.body).not.toContain('root:');
  });

  it('streams job events over the WebSocket to every console', async () => {
    const events: SiteEvent[] = [];
    const unsubscribe = api.onEvent((event) => events.push(event));
    await until(async () => {
      // The socket connects asynchronously; a ping proves the server is up, events prove the socket.
      await api.call('site.ping', {});
      return true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { jobId } = await api.call('site.backupDatabase', {});
    const finished = await until(async () =>
      events.find(
        (event) =>
          event.type === 'job.changed' && event.job.id === jobId && event.job.state === 'succeeded',
      ),
    );
    expect(finished).toBeTruthy();
    expect(
      events.some(
        (event) => event.type === 'statusMessage.created' && event.message.messageId === 5035,
      ),
    ).toBe(true);
    unsubscribe();
  });
});
