import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SiteError } from '../../../shared/errors';
import { defaultDataFolder } from '../../site/db/database-config';
import { Fleet, type FleetStatus } from '../fleet/fleet';
import { loadFleetCatalog } from '../fleet/fleet-catalog';
import { FleetStateFile } from '../fleet/fleet-state-file';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';

interface StartOptions extends SiteCommandOptions {
  url: string;
  clients: string;
  acceleration: string;
  updates: string;
  seed: string;
  failureRate: string;
  installFailureRate: string;
  policyMinutes: string;
  detach?: boolean;
}

const fleetFolder = (options: SiteCommandOptions) =>
  join(options.dataDir ?? defaultDataFolder(), 'fleet');

function positive(value: string, option: string, max: number): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || number > max)
    throw new SiteError('invalid-input', `${option}: "${value}" is not a number from 1 to ${max}.`);
  return number;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readRunning(folder: string): { pid: number; url: string } | null {
  const file = join(folder, 'fleet.json');
  if (!existsSync(file)) return null;
  const running = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; url: string };
  return isRunning(running.pid) ? running : null;
}

function describe(status: FleetStatus): string {
  return [
    `Clients: ${status.registered} of ${status.clients} registered`,
    `Fleet time: ${status.fleetTime} (x${status.acceleration})`,
    `Scans: ${status.scans} (${status.failedScans} failed)`,
    `Batches accepted: ${status.batchesAccepted} (${status.messagesAccepted} state messages${status.batchesAlreadyStored ? `; ${status.batchesAlreadyStored} sent again after a lost answer, stored once` : ''})`,
    `Batches refused: ${status.batchesRefused}${status.lastRefusal ? ` (last: ${status.lastRefusal})` : ''}`,
    ...(status.enforcement
      ? [
          `Installs: ${status.enforcement.installs} (${status.enforcement.installFailures} failed, ${status.enforcement.pendingRestarts} pending restart)`,
          `Content: ${status.downloads.bytesFromDistributionPoints} bytes from distribution points, ${status.downloads.bytesFromPeers} from peers`,
        ]
      : []),
  ].join('\n');
}

/** Runs the fleet in this process until SIGTERM/SIGINT, writing its status every 2 s. */
async function runFleet(options: StartOptions) {
  const folder = fleetFolder(options);
  mkdirSync(folder, { recursive: true });
  const running = readRunning(folder);
  if (running)
    throw new SiteError(
      'conflict',
      `A fleet is already running (process ${running.pid}); stop it first.`,
    );
  const site = await openSiteFor(options, false);
  const catalog = await loadFleetCatalog(
    site.database,
    positive(options.updates, '--updates', 100_000),
  ).finally(() => site.close());
  if (catalog.updates.length === 0)
    throw new SiteError(
      'refused',
      'The site has no software updates yet; synchronize first (patchbay sync).',
    );
  const fleet = new Fleet(catalog, {
    siteUrl: options.url,
    clients: positive(options.clients, '--clients', 200_000),
    acceleration: positive(options.acceleration, '--acceleration', 100_000),
    seed: Number(options.seed),
    scanFailureRate: Number(options.failureRate),
    installFailureRate: Number(options.installFailureRate),
    policyCycleMinutes: positive(options.policyMinutes, '--policy-minutes', 1440),
    // The clients' identities and unconfirmed batches: a restarted fleet is the same devices.
    stateFile: new FleetStateFile(folder),
  });
  writeFileSync(join(folder, 'fleet.json'), JSON.stringify({ pid: process.pid, url: options.url }));
  const writeStatus = () =>
    writeFileSync(
      join(folder, 'status.json'),
      JSON.stringify({ ...fleet.status(), pid: process.pid }, null, 2),
    );
  console.log(
    `Fleet of ${options.clients} clients joining ${options.url} (x${options.acceleration})…`,
  );
  await fleet.join();
  fleet.start();
  const timer = setInterval(writeStatus, 2000);
  writeStatus();
  const stop = async () => {
    clearInterval(timer);
    await fleet.stop();
    writeStatus();
    rmSync(join(folder, 'fleet.json'), { force: true });
    console.log(describe(fleet.status()));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

/**
 * `patchbay fleet start|stop|status`: simulated clients that register with the site's management
 * point and report compliance over HTTP, on an accelerated clock.
 */
export function registerFleet(program: Command): void {
  const fleet = program
    .command('fleet')
    .description('Simulated clients talking to the management point');
  withSiteOptions(
    fleet
      .command('start')
      .description('Start a fleet of simulated clients against a running site (patchbay serve)')
      .option('--url <url>', 'the site server', 'http://127.0.0.1:8530/')
      .option('--clients <n>', 'how many clients', '1000')
      .option('--acceleration <x>', 'fleet seconds per real second', '60')
      .option('--updates <n>', 'the newest updates of the catalog the clients scan for', '300')
      .option('--seed <n>', 'random seed (the same seed gives the same fleet)', '1')
      .option('--failure-rate <rate>', 'share of scans that fail with a real error code', '0.02')
      .option(
        '--install-failure-rate <rate>',
        'share of update installs that fail with a real Windows Update error code',
        '0.03',
      )
      .option('--policy-minutes <n>', 'machine policy polling interval in fleet minutes', '60')
      .option('--detach', 'run in the background; stop with patchbay fleet stop'),
  ).action(async (options: StartOptions) => {
    if (!options.detach) return runFleet(options);
    const folder = fleetFolder(options);
    mkdirSync(folder, { recursive: true });
    const log = openSync(join(folder, 'fleet.log'), 'a');
    const args = process.argv.slice(1).filter((arg) => arg !== '--detach');
    const child = spawn(process.execPath, [...process.execArgv, ...args], {
      detached: true,
      stdio: ['ignore', log, log],
    });
    child.unref();
    console.log(
      `Fleet started in the background (process ${child.pid}); log: ${join(folder, 'fleet.log')}.`,
    );
  });

  withSiteOptions(fleet.command('stop').description('Stop the running fleet')).action(
    async (options: SiteCommandOptions) => {
      const folder = fleetFolder(options);
      const running = readRunning(folder);
      if (!running) throw new SiteError('not-found', 'No fleet is running.');
      process.kill(running.pid, 'SIGTERM');
      for (let waited = 0; isRunning(running.pid) && waited < 20_000; waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      console.log(`Fleet stopped (process ${running.pid}).`);
      const statusFile = join(folder, 'status.json');
      if (existsSync(statusFile))
        console.log(describe(JSON.parse(readFileSync(statusFile, 'utf8')) as FleetStatus));
    },
  );

  withSiteOptions(fleet.command('status').description('What the fleet has done')).action(
    async (options: SiteCommandOptions) => {
      const folder = fleetFolder(options);
      const statusFile = join(folder, 'status.json');
      if (!existsSync(statusFile))
        throw new SiteError('not-found', 'No fleet has run on this site yet.');
      const running = readRunning(folder);
      console.log(
        running ? `Fleet running (process ${running.pid}) against ${running.url}` : 'Fleet stopped',
      );
      console.log(describe(JSON.parse(readFileSync(statusFile, 'utf8')) as FleetStatus));
    },
  );
}
