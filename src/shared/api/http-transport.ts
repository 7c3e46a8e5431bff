import type { SiteEvent } from '../contract';
import { SiteError, WireResultSchema, type WireResult } from '../errors';
import type { SiteTransport } from './transport';

/**
 * HTTP + WebSocket transport: `POST /api/<method>` with a JSON body, events on `/api/events`.
 * Used by the browser console and by other consoles of a shared site. It reconnects the event
 * socket with backoff, because a console left open overnight must survive a site restart.
 */
export function createHttpTransport(baseUrl: string): SiteTransport {
  const base = baseUrl.replace(/\/$/, '');
  const listeners = new Set<(event: SiteEvent) => void>();
  const connectionListeners = new Set<(isConnected: boolean) => void>();
  let socket: WebSocket | null = null;
  let retryMs = 250;
  let isClosed = false;

  const setConnected = (isConnected: boolean) => {
    for (const listener of connectionListeners) listener(isConnected);
  };

  const connect = () => {
    if (isClosed || socket) return;
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/events`);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      setConnected(true);
    };
    ws.onmessage = (message) => {
      let event: SiteEvent;
      try {
        event = JSON.parse(String(message.data)) as SiteEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
    ws.onclose = () => {
      socket = null;
      setConnected(false);
      if (isClosed || listeners.size === 0) return;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };

  return {
    kind: 'http',
    async call(method: string, input: unknown): Promise<WireResult> {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        return {
          ok: false,
          error: new SiteError(
            'unavailable',
            `The site at ${base} cannot be reached (${(error as Error).message}).`,
          ).toData(),
        };
      }
      const body: unknown = await response.json().catch(() => null);
      const parsed = WireResultSchema.safeParse(body);
      if (!parsed.success) {
        return {
          ok: false,
          error: new SiteError(
            'unavailable',
            `The site at ${base} answered ${response.status} with something that is not a Patchbay reply.`,
          ).toData(),
        };
      }
      return parsed.data as WireResult;
    },
    subscribe(listener) {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          isClosed = true;
          socket?.close();
        }
      };
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
