import { SiteError } from '../../../shared/errors';
import type { DemoFleetLauncher } from '../../site/fleet/demo-fleet-port';
import type { Site } from '../../site/site';
import { Fleet } from './fleet';
import { loadFleetCatalog } from './fleet-catalog';

/**
 * The demo fleet of `patchbay serve`: the same simulator as `patchbay fleet start`, in this
 * process, aimed at this server's own management point. Clients join in the background so the
 * console answers at once and watches them arrive.
 */
export function demoFleetLauncher(site: Site, siteUrl: string): DemoFleetLauncher {
  let fleet: Fleet | null = null;
  let error: string | null = null;
  let acceleration = 0;
  return {
    async start(clients, speed) {
      const catalog = await loadFleetCatalog(site.database, 300);
      if (catalog.updates.length === 0)
        throw new SiteError(
          'refused',
          'The site has no software updates yet; synchronize first, then start the demo fleet.',
        );
      error = null;
      acceleration = speed;
      const started = new Fleet(catalog, { siteUrl, clients, acceleration: speed });
      fleet = started;
      started
        .join()
        .then(() => started.start())
        .catch((failure: unknown) => {
          error = (failure as Error).message;
        });
    },
    async stop() {
      await fleet?.stop();
      fleet = null;
    },
    status() {
      const current = fleet?.status();
      return {
        isRunning: fleet !== null,
        clients: current?.clients ?? 0,
        registered: current?.registered ?? 0,
        messagesAccepted: current?.messagesAccepted ?? 0,
        installs: current?.enforcement.installs ?? 0,
        outsideWindowInstalls: current?.enforcement.outsideWindowInstalls ?? 0,
        acceleration,
        error,
      };
    },
  };
}
