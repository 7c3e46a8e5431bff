import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export interface SiteReply {
  status: number;
  body: string;
}

/** "AB:CD:…" or "abcd…": the same fingerprint. */
export function normalFingerprint(text: string): string {
  return text.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

/**
 * One request to a served site. With a pinned fingerprint the TLS connection is trusted only when
 * the server's certificate has exactly that SHA-256 (a self-signed site), checked before a byte
 * of the request is sent; without one, Node's usual certificate checks apply.
 */
export async function requestSite(
  url: URL,
  init: { method: string; headers?: Record<string, string>; body?: string; fingerprint?: string },
): Promise<SiteReply> {
  const options = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: init.method,
    headers: init.headers,
  };
  if (url.protocol === 'http:') return send(httpRequest(options), init.body);
  if (!init.fingerprint) return send(httpsRequest(options), init.body);
  const socket = await pinnedSocket(options.host, Number(options.port), init.fingerprint);
  return send(httpRequest({ ...options, createConnection: () => socket }), init.body);
}

function pinnedSocket(host: string, port: number, fingerprint: string): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    // SNI carries names only; an address as server name is refused by RFC 6066.
    const socket = tlsConnect({
      host,
      port,
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
    });
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const seen = socket.getPeerCertificate().fingerprint256 ?? '';
      if (normalFingerprint(seen) !== normalFingerprint(fingerprint)) {
        socket.destroy();
        reject(
          new Error(
            `The certificate of ${host}:${port} has the fingerprint ${seen}, not the one given; check it with the site's admin before trusting it.`,
          ),
        );
        return;
      }
      socket.removeListener('error', reject);
      resolve(socket);
    });
  });
}

function send(request: ReturnType<typeof httpRequest>, body?: string): Promise<SiteReply> {
  return new Promise((resolve, reject) => {
    request.on('response', (response: IncomingMessage) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          /certificate|self.signed/i.test(error.message)
            ? `The site's certificate is not trusted (${error.message}); if it is the site's self-signed one, give --fingerprint with the SHA-256 that \`patchbay serve\` printed.`
            : `The site cannot be reached: ${error.message}.`,
        ),
      ),
    );
    request.end(body);
  });
}
