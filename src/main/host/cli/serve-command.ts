import type { Command } from 'commander';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoFleetLauncher } from '../fleet/demo-fleet-launcher';
import { startSiteServer } from '../server/site-server';
import { loopbackNetworks } from '../server/trusted-networks';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';
import { SiteError } from '../../../shared/errors';
import { AccountStore } from '../../site/accounts/account-store';
import { isLoopbackHost, reachableHostNames } from '../server/network-exposure';
import { selfSignedTls, tlsFromFiles, type TlsMaterial } from '../server/tls-certificate';

interface ServeOptions extends SiteCommandOptions {
  host: string;
  port: string;
  console: boolean;
  tlsCert?: string;
  tlsKey?: string;
  tlsSelfSigned?: boolean;
  hostName: string[];
  trustedNetwork: string[];
}

/** Where the built console lives next to the bundled CLI (dist/node -> dist/renderer). */
export function builtConsoleFolder(): string {
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '..', 'renderer');
}

export function registerServe(program: Command): void {
  withSiteOptions(
    program
      .command('serve')
      .description(
        'Run the site headless: the API, the console for browsers, and the client endpoints',
      )
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--port <port>', 'port to listen on (0 picks a free one)', '8530')
      .option('--no-console', 'serve the API only')
      .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate (with --tls-key)')
      .option('--tls-key <file>', 'the PEM private key of --tls-cert')
      .option(
        '--tls-self-signed',
        'serve HTTPS with a self-signed certificate made once and kept in the data folder',
      )
      .option(
        '--host-name <name>',
        'another DNS name browsers use to reach this server (repeatable)',
        (name: string, names: string[]) => [...names, name],
        [] as string[],
      )
      .option(
        '--trusted-network <cidr>',
        'approve clients registering from this range at once, beside loopback (repeatable)',
        (range: string, ranges: string[]) => [...ranges, range],
        [] as string[],
      ),
  ).action(async (options: ServeOptions) => {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--port: "${options.port}" is not a port number.`);
    }
    if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) {
      throw new Error('--tls-cert and --tls-key go together: give both, or --tls-self-signed.');
    }
    if (options.tlsCert && options.tlsSelfSigned) {
      throw new Error('Give either --tls-cert and --tls-key or --tls-self-signed, not both.');
    }
    const isLocal = isLoopbackHost(options.host);
    // Beyond loopback a site must already hold an account, so serve never creates one there.
    const site = await openSiteFor(options, true, isLocal ? 'create' : 'refuse').catch(
      (error: unknown) => {
        if (error instanceof SiteError && error.code === 'not-found') return null;
        throw error;
      },
    );
    if (!site) return refuseUnguardedNetwork(options, isLocal, null);
    let server: Awaited<ReturnType<typeof startSiteServer>>;
    let tls: TlsMaterial | undefined;
    try {
      await refuseUnguardedNetwork(options, isLocal, new AccountStore(site.database, site.clock));
      tls = options.tlsCert
        ? tlsFromFiles(options.tlsCert, options.tlsKey!)
        : options.tlsSelfSigned
          ? selfSignedTls(site.folders.data)
          : undefined;
      server = await startSiteServer(site, {
        host: options.host,
        port,
        consoleFolder: options.console ? builtConsoleFolder() : undefined,
        allowedHostNames: isLocal ? options.hostName : reachableHostNames(options.hostName),
        tls: tls && { cert: tls.cert, key: tls.key },
        trustedNetworks: [...loopbackNetworks, ...options.trustedNetwork],
        // The simulated fleet trusts no self-signed certificate; it runs on a plain-HTTP site.
        demoFleet: tls ? undefined : (url) => demoFleetLauncher(site, url),
      });
    } catch (error) {
      await site.close();
      throw error;
    }
    const info = await site.info();
    console.log(
      `Patchbay site ${info.siteCode} on ${info.databaseKind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${info.databaseLocation})`,
    );
    console.log(`Logs: ${info.logsFolder}`);
    if (tls) {
      console.log(`TLS certificate: ${tls.source}`);
      console.log(`TLS certificate SHA-256 fingerprint: ${tls.fingerprint}`);
    }
    console.log(`Patchbay console: ${consoleAddress(server.url, options.host)}`);
    let isStopping = false;
    const stop = async () => {
      if (isStopping) return;
      isStopping = true;
      console.log('Stopping: finishing running jobs…');
      await server.close();
      await site.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  });
}

/**
 * Beyond loopback anyone on the network can reach the port: without TLS they read passwords and
 * sessions off the wire, without an account they need none. Either missing, serve says what to
 * add and does not start.
 */
async function refuseUnguardedNetwork(
  options: ServeOptions,
  isLocal: boolean,
  accounts: AccountStore | null,
): Promise<void> {
  if (isLocal) return;
  const missing: string[] = [];
  if (!options.tlsCert && !options.tlsSelfSigned) {
    missing.push('TLS (--tls-cert <file> --tls-key <file>, or --tls-self-signed)');
  }
  if (!accounts || !(await accounts.hasAccounts())) {
    missing.push(
      'an account (`patchbay admin add <name> --role "Full Administrator" --password-stdin`)',
    );
  }
  if (missing.length > 0) {
    throw new Error(
      `Serving on ${options.host} makes the site reachable from the network, so it needs ${missing.join(' and ')}; add ${missing.length === 1 ? 'it' : 'them'}, or serve on 127.0.0.1.`,
    );
  }
}

/** A wildcard bind is reached by this machine's name, which is what the admin hands out. */
function consoleAddress(url: string, host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return url;
  const address = new URL(url);
  address.hostname = hostname();
  return address.toString();
}
