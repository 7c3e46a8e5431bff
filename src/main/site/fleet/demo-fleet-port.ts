import type { DemoFleetStatus } from '../../../shared/contract/demo-fleet';
import { SiteError } from '../../../shared/errors';

/** What a host that serves the site over HTTP plugs in: the fleet simulator, aimed at itself. */
export interface DemoFleetLauncher {
  start(clients: number, acceleration: number): Promise<void>;
  stop(): Promise<void>;
  status(): Omit<DemoFleetStatus, 'isAvailable' | 'unavailableReason'>;
}

const idle = {
  isRunning: false,
  clients: 0,
  registered: 0,
  messagesAccepted: 0,
  installs: 0,
  outsideWindowInstalls: 0,
  acceleration: 0,
  error: null,
};

/**
 * The site's socket for the demo fleet. Simulated clients are agents: they talk to the
 * management point over HTTP, so only a process that serves the site (`patchbay serve`, `npm
 * start` in a browser) can run them; the Electron console's site answers with the reason.
 */
export class DemoFleetPort {
  private launcher: DemoFleetLauncher | null = null;

  attach(launcher: DemoFleetLauncher): void {
    this.launcher = launcher;
  }

  async detach(): Promise<void> {
    const launcher = this.launcher;
    this.launcher = null;
    await launcher?.stop();
  }

  status(): DemoFleetStatus {
    if (!this.launcher)
      return {
        isAvailable: false,
        unavailableReason:
          'Simulated clients reach the management point over HTTP: start the site with `patchbay serve` (or `npm start` where Electron is missing) and run `patchbay fleet start`.',
        ...idle,
      };
    return { isAvailable: true, unavailableReason: null, ...this.launcher.status() };
  }

  async start(clients: number, acceleration: number): Promise<DemoFleetStatus> {
    if (!this.launcher) throw new SiteError('unavailable', this.status().unavailableReason!);
    if (this.launcher.status().isRunning)
      throw new SiteError('conflict', 'A demo fleet is already running on this site.');
    await this.launcher.start(clients, acceleration);
    return this.status();
  }

  async stop(): Promise<DemoFleetStatus> {
    await this.launcher?.stop();
    return this.status();
  }
}
