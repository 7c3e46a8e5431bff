import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { userInfo } from 'node:os';
import { WebSocketServer, type WebSocket } from 'ws';
import { SiteError } from '../../../shared/errors';
import { dispatchCall } from '../../site/api/dispatch';
import type { CallContext } from '../../site/api/handlers';
import { AccountCollections } from '../../site/accounts/account-collections';
import { contentEndpoint } from '../../site/content/content-endpoint';
import type { DemoFleetLauncher } from '../../site/fleet/demo-fleet-port';
import type { Site } from '../../site/site';
import { readBody, sendError, sendResult, type RouteHandler } from './http-body';
import { allowedHostsFor, isTrustedRequest } from './request-guard';
import { serveConsoleFile } from './static-console';
import { managementPointRoutes } from './management-point-routes';
import { notSignedIn, SiteAccess } from './site-access';
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
   * CIDR ranges whose clients are approved as they register; loopback only unless given. A
   * client from anywhere else waits for an administrator's approval.
   */
  trustedNetworks?: string[];
  /**
   * The demo fleet, aimed at this server's address once it listens. The composition root
   * (`patchbay serve`) passes the fleet simulator in, so the server never imports it.
   */
  demoFleet?: (siteUrl: string) => DemoFleetLauncher;
  /** A certificate and key (PEM): the server speaks HTTPS, and session cookies are Secure. */
  tls?: { cert: string; key: string };
}

export type { RouteHandler };

export interface SiteServer {
  readonly url: string;
  readonly server: Server;
  /** Accounts and sessions as this server checks them. */
  readonly access: SiteAccess;
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
  mounts.set(
    '/mp',
    managementPointRoutes(site.managementPoint, maxBodyBytes, options.trustedNetworks),
  );
  // The browser console downloads what `lists.export` wrote.
  mounts.set('/exports', exportDownloads(site.listExports));
  const user = safeUserName();
  let allowedHosts = new Set<string>();

  const access = new SiteAccess(site, options.tls !== undefined);
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendResult(response, {
          ok: false,
          error: new SiteError('internal', (error as Error).message).toData(),
        });
      } else response.destroy();
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createServer(listener);

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
    // An exported file is site data: once the site has accounts, only a signed-in caller gets it.
    if (path.startsWith('/exports/') && (await access.callerOf(request)).kind === 'anonymous')
      return access.refuse(response);
    for (const [prefix, handler] of mounts) {
      if (path === prefix || path.startsWith(`${prefix}/`)) return handler(request, response);
    }
    if (path.startsWith('/auth/')) return access.route(request, response, path);
    if (path.startsWith('/api/')) {
      const caller = await access.callerOf(request);
      if (caller.kind === 'anonymous') return access.refuse(response);
      const callerName = caller.kind === 'account' ? caller.account.name : user;
      const account =
        caller.kind === 'account'
          ? {
              name: caller.account.name,
              role: caller.account.role,
              collectionIds: await new AccountCollections(site.database).of(caller.account.id),
            }
          : undefined;
      return handleApi(request, response, path.slice('/api/'.length), callerName, account);
    }
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
    // The console's scripts and styles hold no site data; its page waits for a sign-in.
    if (!path.startsWith('/assets/') && (await access.callerOf(request)).kind === 'anonymous') {
      response.writeHead(303, { location: '/auth/signin', 'cache-control': 'no-store' }).end();
      return;
    }
    serveConsoleFile(options.consoleFolder, path, response);
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    callerName: string,
    account: CallContext['account'],
  ) {
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
      user: callerName,
      transport: 'http',
      account,
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
    void access.callerOf(request).then(
      (caller) => {
        if (caller.kind === 'anonymous') {
          socket.write(
            `HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${notSignedIn}`,
          );
          socket.destroy();
          return;
        }
        acceptEvents(request, socket, head, caller.kind === 'account' ? caller.token : null);
      },
      () => socket.destroy(),
    );
  });

  /** The event sockets each session opened, closed when it ends. */
  const socketsBySession = new Map<string, Set<WebSocket>>();
  access.onSessionEnded((token) => {
    for (const ws of socketsBySession.get(token) ?? []) ws.close(4401, 'Signed out.');
  });
  // A session can also end elsewhere (`admin remove`, a new password, expiry, another server of
  // the shared site): each open socket's session is checked again once a minute.
  const sessionCheck = setInterval(() => {
    for (const [token, open] of socketsBySession) {
      void access.sessions.accountFor(token).then((account) => {
        if (!account) for (const ws of open) ws.close(4401, 'The session has ended.');
      });
    }
  }, 60_000);
  sessionCheck.unref();

  function acceptEvents(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    token: string | null,
  ) {
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const unsubscribe = site.events.subscribe((event) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
      });
      if (token) {
        const open = socketsBySession.get(token) ?? new Set<WebSocket>();
        open.add(ws);
        socketsBySession.set(token, open);
      }
      const forget = () => {
        unsubscribe();
        if (!token) return;
        const open = socketsBySession.get(token);
        open?.delete(ws);
        if (open?.size === 0) socketsBySession.delete(token);
      };
      ws.on('close', forget);
      ws.on('error', forget);
    });
  }

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
  const url = `${options.tls ? 'https' : 'http'}://${urlHost}:${port}/`;
  // Served over HTTP, the site can run the demo fleet against its own management point.
  if (options.demoFleet) site.demoFleet.attach(options.demoFleet(url));

  return {
    url,
    server,
    access,
    mount: (prefix, handler) => mounts.set(prefix.replace(/\/$/, ''), handler),
    close: async () => {
      await site.demoFleet.detach();
      clearInterval(sessionCheck);
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
