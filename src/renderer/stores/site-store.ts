import { makeAutoObservable, runInAction } from 'mobx';
import type { SiteApi } from '../../shared/api/site-api';
import type { SiteInfo } from '../../shared/contract';
import type { EventHub } from './event-hub';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

/** The site this console is connected to, and whether the connection is up (status bar). */
export class SiteStore {
  info: SiteInfo | null = null;
  connection: ConnectionState;
  loadError: string | null = null;
  private wasConnected = false;

  constructor(
    private readonly api: SiteApi,
    private readonly hub: EventHub,
  ) {
    // The Electron bridge has no connection to lose; the browser's WebSocket does.
    this.connection = api.transport.onConnectionChange ? 'connecting' : 'connected';
    makeAutoObservable<SiteStore, 'api' | 'hub'>(this, { api: false, hub: false });
  }

  start(): () => void {
    const stop = this.api.transport.onConnectionChange?.((isConnected) => {
      this.setConnected(isConnected);
    });
    void this.load();
    return () => stop?.();
  }

  async load(): Promise<void> {
    try {
      const info = await this.api.call('site.info', {});
      runInAction(() => {
        this.info = info;
        this.loadError = null;
      });
    } catch (error) {
      runInAction(() => {
        this.loadError = error instanceof Error ? error.message : String(error);
      });
    }
  }

  get databaseKindLabel(): string {
    if (!this.info) return '';
    return this.info.databaseKind === 'postgres' ? 'PostgreSQL' : 'SQLite';
  }

  get connectionLabel(): string {
    if (this.connection === 'connected') return 'Connected';
    if (this.connection === 'reconnecting') return 'Reconnecting…';
    return 'Connecting…';
  }

  private setConnected(isConnected: boolean): void {
    if (isConnected) {
      const isComeback = this.wasConnected;
      this.connection = 'connected';
      this.wasConnected = true;
      // Events raised before the socket opened (or while it was down) never reach this console:
      // views reload what they show, on the first connection too.
      if (isComeback) void this.load();
      this.hub.announceResync();
    } else {
      this.connection = this.wasConnected ? 'reconnecting' : 'connecting';
    }
  }
}
