import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/** The same policy as the Electron shell's: scripts and connections only from this origin. */
export const consoleContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Serves the built console (dist/renderer). A request path is resolved inside the folder and
 * refused if it would leave it.
 */
export function serveConsoleFile(folder: string, urlPath: string, response: ServerResponse): void {
  const root = resolve(folder);
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return send(response, 400, 'Bad request path.');
  }
  if (relative.includes('\0')) return send(response, 400, 'Bad request path.');
  const wanted = relative === '/' || relative === '' ? '/index.html' : relative;
  const file = resolve(join(root, normalize(wanted)));
  if (file !== root && !file.startsWith(root + sep)) return send(response, 403, 'Forbidden.');
  const target = existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
  if (!existsSync(target)) {
    return send(response, 503, 'The console is not built yet: run `npm run build`.');
  }
  response.writeHead(200, {
    'content-type': contentTypes[extname(target)] ?? 'application/octet-stream',
    'content-security-policy': consoleContentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': extname(target) === '.html' ? 'no-cache' : 'public, max-age=3600',
  });
  createReadStream(target).pipe(response);
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
