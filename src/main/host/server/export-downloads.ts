import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ListExports } from '../../site/lists/list-export';
import type { RouteHandler } from './http-body';

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * `GET /exports/<token>`: the file `lists.export` wrote, streamed from disk as an attachment
 * (the browser console's download), then forgotten. The token is the only name of the file.
 */
export function exportDownloads(exports: ListExports): RouteHandler {
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    const token = (request.url ?? '').split('?')[0]!.slice('/exports/'.length);
    const file = await exports.fileOf(token);
    if (!file) {
      response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('This export was already downloaded or does not exist; export the list again.');
      return;
    }
    const extension = file.fileName.endsWith('.xlsx') ? 'xlsx' : 'csv';
    const { size } = await stat(file.path);
    response.writeHead(200, {
      'content-type': types[extension],
      'content-length': size,
      'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
    });
    const stream = createReadStream(file.path);
    stream.pipe(response);
    response.once('close', () => {
      stream.destroy();
      if (response.writableFinished) void exports.discard(token);
    });
  };
}
