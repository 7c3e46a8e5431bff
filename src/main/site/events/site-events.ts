import { EventEmitter } from 'node:events';
import type { SiteEvent } from '../../../shared/contract';

/**
 * The in-process event bus. Services publish; transports (WebSocket, Electron IPC) subscribe and
 * forward to every console.
 */
export class SiteEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open console is a listener; a busy site can have many.
    this.emitter.setMaxListeners(0);
  }

  publish(event: SiteEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: SiteEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
