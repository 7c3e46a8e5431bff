import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { WebSocketServer } from 'ws';
import { SiteError } from '../../../shared/errors';
import { dispatchCall } from '../../site/api/dispatch';
import { contentEndpoint } from '../../site/content/content-endpoint';
import type { DemoFleetLauncher } from '../../site/fleet/demo-fleet-port';
import type { Site } from '../../site/site';
import { readBody, sendError, sendResult, type RouteHandler } from './http-body';
import { allowedHostsFor, isTrustedRequest } from './request-guard';
import { serveConsoleFile } from './static-console';
import { managementPointRoutes } from './management-point-routes';
import { exportDownloads } from './export-downloads';

export interface SiteServerOptions {
  /** 127.0.0.1 unless the admin says otherwise. */
  host?: string;
  port?: number;
  /** The built console (dist/renderer); omitted for an API-only server. */
  consoleFolder?: string;
  /** Extra Host names to accept when bound beyond loopback (e.g. the server's DNS name). */
  allowedHostNames?: string[];
  maxBodyBytes?: number;
  /**
   * The demo fleet, aimed at this server's address once it listens. The composition root
   * (`patchbay serve`) passes the fleet simulator in, so the server never imports it.
   */
  demoFleet?: (siteUrl: string) => DemoFleetLauncher;
}

export type { RouteHandler };

export interface SiteServer {
  readonly url: string;
  readonly server: Server;
  mount(prefix: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

/**
 * `patchbay serve`: the API as `POST /api/<method>`, events on the `/api/events` WebSocket, the
 * browser console, and mount points for the client-facing endpoints.
 */
export async function startSiteServer(
  site: Site,
  options: SiteServerOptions = {},
): Promise<SiteServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const mounts = new Map<string, RouteHandler>([
    // The distribution point: clients and other sites fetch (and send) content by hash.
    ['/dp', contentEndpoint(site.database, site.clock)],
  ]);
  // The management point lives on the site server, as on a ConfigMgr site system.
  mounts.set('/mp', managementPointRoutes(site.managementPoint, maxBodyBytes));
  // The browser console downloads what `lists.export` wrote.
  mounts.set('/exports', exportDownloads(site.listExports));
  const user = safeUserName();
  let allowedHosts = new Set<string>();

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendResult(response, {
          ok: false,
          error: new SiteError('internal', (error as Error).message).toData(),
        });
      } else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (!isTrustedRequest(request, allowedHosts)) {
      return sendResult(response, {
        ok: false,
        error: new SiteError(
          'refused',
          'This request does not come from the Patchbay console of this site.',
        ).toData(),
      });
    }
    for (const [prefix, handler] of mounts) {
      if (path === prefix || path.startsWith(`${prefix}/`)) return handler(request, response);
    }
    if (path.startsWith('/api/')) return handleApi(request, response, path.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!options.consoleFolder) {
      response
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('This site serves the API only.');
      return;
    }
    serveConsoleFile(options.consoleFolder, path, response);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string) {
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    // A JSON content type forces browsers to preflight cross-origin calls, which we never allow.
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendResult(response, {
        ok: false,
        error: new SiteError(
          'invalid-input',
          'The request must be sent as application/json.',
        ).toData(),
      });
    }
    let input: unknown;
    try {
      const body = await readBody(request, maxBodyBytes);
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch (error) {
      return sendError(
        response,
        error instanceof SiteError
          ? error
          : new SiteError('invalid-input', 'The request body is not valid JSON.'),
      );
    }
    const result = await dispatchCall(site.handlers, decodeURIComponent(method), input, {
      user,
      transport: 'http',
    });
    sendResult(response, result);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/api/events' || !isTrustedRequest(request, allowedHosts)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const unsubscribe = site.events.subscribe((event) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
      });
      ws.on('close', unsubscribe);
      ws.on('error', unsubscribe);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new SiteError(
          'unavailable',
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} on ${host} is already in use; choose another with --port.`
            : `The server cannot listen on ${host}:${options.port ?? 0}: ${error.message}`,
        ),
      ),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = allowedHostsFor(host, port, options.allowedHostNames);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}/`;
  // Served over HTTP, the site can run the demo fleet against its own management point.
  if (options.demoFleet) site.demoFleet.attach(options.demoFleet(url));

  return {
    url,
    server,
    mount: (prefix, handler) => mounts.set(prefix.replace(/\/$/, ''), handler),
    close: async () => {
      await site.demoFleet.detach();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'Administrator';
  }
}
