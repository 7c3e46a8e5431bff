import type { PreloadBridge, SiteTransport } from './transport';

/** The renderer's side of the Electron preload bridge (`window.patchbay`). */
export function createIpcTransport(bridge: PreloadBridge): SiteTransport {
  return {
    kind: 'ipc',
    call: (method, input) => bridge.call(method, input),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
