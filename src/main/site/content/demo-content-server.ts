import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { demoPayloadStream } from './demo-payloads';

/**
 * A loopback HTTP server that serves the demo updates' files as a download site would: GET and
 * HEAD with Content-Length and Range (206), 404 for unknown names. It paces its output so the
 * wizard's Progress page has something to show; tests that want full speed pass 0.
 */
export async function startDemoContentServer(
  sizes: Map<string, number>,
  bytesPerSecond: number,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const match = /^\/files\/([^/?#]+)$/.exec(request.url ?? '');
    const name = match ? decodeURIComponent(match[1]!) : '';
    const size = sizes.get(name);
    if (size === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let start = 0;
    let end = size;
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    if (range) {
      start = Number(range[1]);
      end = range[2] ? Number(range[2]) + 1 : size;
      if (start >= size || end > size || start >= end) {
        response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      response.writeHead(206, {
        'content-length': String(end - start),
        'content-range': `bytes ${start}-${end - 1}/${size}`,
        'accept-ranges': 'bytes',
      });
    } else {
      response.writeHead(200, { 'content-length': String(size), 'accept-ranges': 'bytes' });
    }
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const body = demoPayloadStream(name, size, start, end);
    const stages = bytesPerSecond > 0 ? [body, pace(bytesPerSecond), response] : [body, response];
    pipeline(stages as unknown as [NodeJS.ReadableStream, NodeJS.WritableStream]).catch(() =>
      response.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function pace(bytesPerSecond: number): Transform {
  const started = Date.now();
  let sent = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sent += chunk.length;
      const due = started + (sent / bytesPerSecond) * 1000;
      setTimeout(() => callback(null, chunk), Math.max(0, due - Date.now()));
    },
  });
}
