import type { Command } from 'commander';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoFleetLauncher } from '../fleet/demo-fleet-launcher';
import { startSiteServer } from '../server/site-server';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';

interface ServeOptions extends SiteCommandOptions {
  host: string;
  port: string;
  console: boolean;
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
      .option('--no-console', 'serve the API only'),
  ).action(async (options: ServeOptions) => {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--port: "${options.port}" is not a port number.`);
    }
    const site = await openSiteFor(options, true, 'create');
    const server = await startSiteServer(site, {
      host: options.host,
      port,
      consoleFolder: options.console ? builtConsoleFolder() : undefined,
      demoFleet: (url) => demoFleetLauncher(site, url),
    });
    const info = await site.info();
    console.log(
      `Patchbay site ${info.siteCode} on ${info.databaseKind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${info.databaseLocation})`,
    );
    console.log(`Logs: ${info.logsFolder}`);
    console.log(`Patchbay console: ${server.url}`);
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
