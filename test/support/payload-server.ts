import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback download site for content tests: serves named payloads with Content-Length and
 * Range, counts the bytes it sent, and can misbehave on purpose (fail the first requests, stop
 * half-way, or hang after a given byte until released).
 */
export interface PayloadServer {
  origin: string;
  urlOf(name: string): string;
  bytesSent: number;
  requests: Array<{ name: string; range: string | undefined }>;
  /** Answer the next `count` requests for `name` with a 503. */
  failNext(name: string, count: number): void;
  /** Send only the first `bytes` of the next response for `name`, then hold the connection. */
  stallAt(name: string, bytes: number): void;
  /** The most requests for one name that were ever open at once (2 means fetched twice at once). */
  peakInFlight(name: string): number;
  close(): Promise<void>;
}

export async function startPayloadServer(
  payloads: Map<string, Buffer>,
  /** Sends bodies in chunks with a pause between them, so a download takes a while. */
  pace: { chunkBytes: number; pauseMs: number } | null = null,
): Promise<PayloadServer> {
  const inFlight = new Map<string, number>();
  const peaks = new Map<string, number>();
  const failures = new Map<string, number>();
  const stalls = new Map<string, number>();
  const state = { bytesSent: 0, requests: [] as PayloadServer['requests'] };
  const server = createServer((request, response) => {
    const name = decodeURIComponent((request.url ?? '').replace(/^\/files\//, ''));
    state.requests.push({ name, range: request.headers.range });
    inFlight.set(name, (inFlight.get(name) ?? 0) + 1);
    peaks.set(name, Math.max(peaks.get(name) ?? 0, inFlight.get(name)!));
    response.once('close', () => inFlight.set(name, inFlight.get(name)! - 1));
    const body = payloads.get(name);
    const failing = failures.get(name) ?? 0;
    if (failing > 0) {
      failures.set(name, failing - 1);
      response.writeHead(503).end('busy');
      return;
    }
    if (!body) {
      response.writeHead(404).end('not found');
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    response.writeHead(range ? 206 : 200, {
      'content-length': String(body.length - start),
      ...(range && { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` }),
    });
    const stall = stalls.get(name);
    if (stall !== undefined) {
      stalls.delete(name);
      const part = body.subarray(start, Math.max(start, stall));
      state.bytesSent += part.length;
      response.write(part);
      return; // held open until the client gives up or the server closes
    }
    const part = body.subarray(start);
    if (pace) {
      let at = 0;
      const next = () => {
        if (response.destroyed) return;
        const chunk = part.subarray(at, at + pace.chunkBytes);
        at += chunk.length;
        state.bytesSent += chunk.length;
        if (at >= part.length) response.end(chunk);
        else response.write(chunk, () => setTimeout(next, pace.pauseMs));
      };
      next();
      return;
    }
    state.bytesSent += part.length;
    response.end(part);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    urlOf: (name) => `${origin}/files/${encodeURIComponent(name)}`,
    get bytesSent() {
      return state.bytesSent;
    },
    get requests() {
      return state.requests;
    },
    failNext: (name, count) => failures.set(name, count),
    stallAt: (name, bytes) => stalls.set(name, bytes),
    peakInFlight: (name) => peaks.get(name) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
