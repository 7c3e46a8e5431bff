import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { libraryFilePath } from './content-library';

/**
 * The distribution point endpoint clients (and other sites' distribution managers) talk to:
 *  - GET|HEAD /dp/content/<sha256>          a file of the site content library
 *  - GET|HEAD /dp/<id>/content/<sha256>     a file of another content library on this machine
 *  - PUT /dp/content/<sha256>               another site distributing to this one: the body is
 *    stored only when its SHA-256 is the one in the address (temporary name, then rename).
 */
export function contentEndpoint(site: SiteDatabase, clock: Clock) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const match = /^\/dp(?:\/(\d+))?\/content\/([0-9a-f]{64})$/.exec(path);
    if (!match) return send(response, 404, 'No such content.');
    const sha256 = match[2]!;
    const dp = await site.read
      .selectFrom('distribution_point')
      .select(['id', 'library_path'])
      .where('kind', '=', 'library')
      .where(match[1] ? 'id' : 'is_site_library', '=', match[1] ? Number(match[1]) : 1)
      .executeTakeFirst();
    if (!dp?.library_path) return send(response, 404, 'No such distribution point on this site.');
    const file = libraryFilePath(dp.library_path, sha256);
    if (request.method === 'PUT' && !match[1])
      return receive(site, clock, dp.id, file, sha256, request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD, PUT' }).end();
      return;
    }
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      return send(response, 404, `This distribution point does not hold ${sha256}.`);
    }
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(size),
    });
    if (request.method === 'HEAD') return void response.end();
    await pipeline(createReadStream(file), response);
  };
}

async function receive(
  site: SiteDatabase,
  clock: Clock,
  dpId: number,
  file: string,
  sha256: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(4).toString('hex')}.receiving`;
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(request, tap, createWriteStream(temporary));
  } catch (error) {
    rmSync(temporary, { force: true });
    return send(response, 500, `The file could not be stored: ${(error as Error).message}`);
  }
  const actual = hash.digest('hex');
  if (actual !== sha256) {
    rmSync(temporary, { force: true });
    return send(response, 422, `The body's SHA-256 is ${actual}, not ${sha256}; it was refused.`);
  }
  renameSync(temporary, file);
  await site.db
    .insertInto('content_library_item')
    .values({ distribution_point_id: dpId, sha256, size, stored_at: clock.now().toISOString() })
    .onConflict((conflict) => conflict.columns(['distribution_point_id', 'sha256']).doNothing())
    .execute();
  send(response, 201, 'Stored.');
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}
