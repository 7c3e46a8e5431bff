import type { IncomingMessage } from 'node:http';

/**
 * A loopback server is still reachable from any web page the admin opens. Requests must name
 * this server in Host (defeats DNS rebinding) and, when a browser sends Origin, come from this
 * server's own console (defeats cross-site requests).
 */
export function isTrustedRequest(request: IncomingMessage, allowedHosts: Set<string>): boolean {
  const host = request.headers.host?.toLowerCase();
  if (!host || !allowedHosts.has(host)) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return allowedHosts.has(new URL(origin).host.toLowerCase());
  } catch {
    return false;
  }
}

export function allowedHostsFor(bindHost: string, port: number, extra: string[] = []): Set<string> {
  const hosts = new Set([
    `${bindHost}:${port}`,
    `localhost:${port}`,
    `127.0.0.1:${port}`,
    `[::1]:${port}`,
  ]);
  for (const name of extra) hosts.add(name.includes(':') ? name : `${name}:${port}`);
  return hosts;
}
