import { makeAutoObservable, runInAction } from 'mobx';
import type { DemoFleetStatus } from '../../shared/contract';
import type { ConsoleServices } from '../stores/console-services';

/** The Devices offer of a demo fleet: whether this site can run one, and starting it. */
export class DemoFleetStore {
  status: DemoFleetStatus | null = null;
  isStarting = false;

  constructor(private readonly services: ConsoleServices) {
    makeAutoObservable<DemoFleetStore, 'services'>(this, { services: false });
  }

  async load(): Promise<void> {
    const status = await this.services.api.call('fleet.demoStatus', {});
    runInAction(() => (this.status = status));
  }

  async start(clients: number): Promise<void> {
    this.isStarting = true;
    try {
      const status = await this.services.api.call('fleet.startDemo', { clients, acceleration: 60 });
      runInAction(() => (this.status = status));
      this.services.notices.show(
        'success',
        `A demo fleet of ${clients.toLocaleString()} simulated clients is joining this site; their first scans arrive within two fleet hours (two real minutes).`,
      );
    } catch (error) {
      this.services.notices.showError('The demo fleet did not start', error);
    } finally {
      runInAction(() => (this.isStarting = false));
    }
  }
}
