import type { IncomingMessage, ServerResponse } from 'node:http';
import { SiteError, type WireResult } from '../../../shared/errors';
import { httpStatusFor } from './http-status';

/**
 * A body past the server's limit. Answered 413 (Payload Too Large) rather than 400, so a
 * client knows to send smaller batches instead of fixing its JSON.
 */
export class BodyTooLargeError extends SiteError {
  constructor(limit: number) {
    super(
      'invalid-input',
      `The request body is larger than the ${limit} bytes this site accepts; send it in smaller parts.`,
    );
  }
}

/** Writes the `{ ok, value | error }` envelope with the HTTP status of its error code. */
export function sendResult(response: ServerResponse, result: WireResult, status?: number): void {
  const body = JSON.stringify(result);
  response.writeHead(status ?? (result.ok ? 200 : httpStatusFor[result.error.code]), {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

/** An error as the envelope; 413 for a body that was too large. */
export function sendError(response: ServerResponse, error: SiteError): void {
  sendResult(
    response,
    { ok: false, error: error.toData() },
    error instanceof BodyTooLargeError ? 413 : undefined,
  );
}

/**
 * What is read and thrown away of a body already refused, so the 413 reaches the client: closing
 * a socket with unread data makes TCP send a reset that overtakes the answer. Past this the
 * sender is not listening anyway, and the connection is cut.
 */
const drainLimitFactor = 4;

/**
 * The request body as text, refused past `limit` bytes with a BodyTooLargeError — at once when
 * Content-Length says so, else when the bytes pass it. The rest is drained, not reset.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const refuse = () => {
      request.removeListener('data', collect);
      request.removeListener('end', finish);
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit * drainLimitFactor) request.destroy();
      });
      request.resume();
      reject(new BodyTooLargeError(limit));
    };
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) refuse();
      else chunks.push(chunk);
    };
    const finish = () => resolve(Buffer.concat(chunks).toString('utf8'));
    request.on('error', reject);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      refuse();
      return;
    }
    request.on('data', collect);
    request.on('end', finish);
  });
}

/** Further endpoints (management point, distribution point) mount under a path prefix. */
export type RouteHandler = (
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<void> | void;
