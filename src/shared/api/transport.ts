import type { SiteEvent } from '../contract';
import type { WireResult } from '../errors';

/**
 * What a transport must do; the Electron preload bridge and HTTP+WebSocket both implement it.
 * Results are raw envelopes: the client validates them, so a transport never needs to know the
 * contract.
 */
export interface SiteTransport {
  readonly kind: 'ipc' | 'http';
  call(method: string, input: unknown): Promise<WireResult>;
  /** Delivers every site event; returns the unsubscribe function. */
  subscribe(listener: (event: SiteEvent) => void): () => void;
  /** Connection state for the status bar. */
  onConnectionChange?(listener: (isConnected: boolean) => void): () => void;
}

/** The one IPC channel name, shared by the preload and the Electron main process. */
export const ipcChannels = {
  call: 'patchbay:call',
  event: 'patchbay:event',
} as const;

/** What the preload exposes on `window.patchbay`. */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<WireResult>;
  onEvent(listener: (event: SiteEvent) => void): () => void;
}
