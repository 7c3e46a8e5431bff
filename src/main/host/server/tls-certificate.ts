import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { makeSiteFolder } from '../../site/site-folder';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as browsers and `patchbay login --fingerprint` show it. */
  fingerprint: string;
  /** Where it came from, for the serve banner. */
  source: string;
}

/** The certificate and key the admin gave with --tls-cert and --tls-key, checked to parse. */
export function tlsFromFiles(certFile: string, keyFile: string): TlsMaterial {
  for (const [option, file] of [
    ['--tls-cert', certFile],
    ['--tls-key', keyFile],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${option}: there is no file at ${file}.`);
  }
  const cert = readFileSync(certFile, 'utf8');
  return {
    cert,
    key: readFileSync(keyFile, 'utf8'),
    fingerprint: fingerprintOf(cert, certFile),
    source: certFile,
  };
}

/**
 * `--tls-self-signed`: a certificate for this server's names and addresses, made once and kept
 * in <data folder>/tls so the fingerprint the admins pinned stays the same across restarts.
 * Node's crypto can sign but not write an X.509 certificate, so openssl makes it.
 */
export function selfSignedTls(dataFolder: string): TlsMaterial {
  const folder = join(dataFolder, 'tls');
  const certFile = join(folder, 'site-certificate.pem');
  const keyFile = join(folder, 'site-key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    makeSiteFolder(folder, 'TLS folder');
    const names = subjectAltNames();
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-sha256',
          '-days',
          '825',
          '-nodes',
          '-subj',
          `/CN=${hostname()}/O=Patchbay site`,
          '-addext',
          `subjectAltName=${names}`,
          '-keyout',
          keyFile,
          '-out',
          certFile,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (error) {
      const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
      throw new Error(
        failure.code === 'ENOENT'
          ? '--tls-self-signed needs openssl on the PATH to make the certificate; install it, or give --tls-cert and --tls-key.'
          : `openssl could not make the certificate: ${String(failure.stderr ?? failure.message).trim()}`,
        { cause: error },
      );
    }
    chmodSync(keyFile, 0o600);
  }
  const material = tlsFromFiles(certFile, keyFile);
  return { ...material, source: `${certFile} (self-signed)` };
}

function subjectAltNames(): string {
  const names = new Set([`DNS:${hostname()}`, 'DNS:localhost', 'IP:127.0.0.1', 'IP:::1']);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (!address.internal) names.add(`IP:${address.address.split('%')[0]}`);
    }
  }
  return [...names].join(',');
}

function fingerprintOf(cert: string, file: string): string {
  try {
    return new X509Certificate(cert).fingerprint256;
  } catch {
    throw new Error(`--tls-cert: ${file} is not a PEM certificate.`);
  }
}
