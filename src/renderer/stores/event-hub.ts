import type { SiteApi } from '../../shared/api/site-api';
import type { SiteEvent } from '../../shared/contract';

type Listener = (event: SiteEvent) => void;

/**
 * One subscription to the site's events for the whole console, fanned out to the stores.
 * Stores come and go as the admin moves between nodes; the transport's socket must not, or
 * events raised in between would be lost.
 */
export class EventHub {
  private readonly listeners = new Set<Listener>();
  private readonly resyncListeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly api: SiteApi) {}

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.api.onEvent((event) => {
      for (const listener of [...this.listeners]) {
        try {
          listener(event);
        } catch (error) {
          console.error('A console view failed to handle a site event', event.type, error);
        }
      }
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Calls `listener` for every site event until the returned function is called. */
  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `listener` after the connection to the site came back: events raised while it was
   * down are gone, so views reload what they show.
   */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  announceResync(): void {
    for (const listener of [...this.resyncListeners]) listener();
  }
}
