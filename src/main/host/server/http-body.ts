import type { IncomingMessage, ServerResponse } from 'node:http';
import { SiteError, type WireResult } from '../../../shared/errors';
import { httpStatusFor } from './http-status';

/** Writes the `{ ok, value | error }` envelope with the HTTP status of its error code. */
export function sendResult(response: ServerResponse, result: WireResult): void {
  const status = result.ok ? 200 : httpStatusFor[result.error.code];
  const body = JSON.stringify(result);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

/** The request body as text, refused past `limit` bytes. */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new SiteError('invalid-input', `The request body is larger than ${limit} bytes.`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Further endpoints (management point, distribution point) mount under a path prefix. */
export type RouteHandler = (
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<void> | void;
