import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { SiteEvent } from '../../shared/contract';
import { ipcChannels, type PreloadBridge } from '../../shared/api/transport';
import type { WireResult } from '../../shared/errors';

/**
 * The console page's only door to the site. The page gets two functions, never ipcRenderer
 * itself, so a script in the page cannot send on other channels or see the IPC event objects.
 */
const bridge: PreloadBridge = {
  call: (method, input) =>
    ipcRenderer.invoke(ipcChannels.call, { method, input }) as Promise<WireResult>,
  onEvent: (listener) => {
    // The wrapper keeps Electron's event object (which carries `sender`) out of the page, and is
    // the exact handler the unsubscribe removes.
    const handler = (_event: IpcRendererEvent, siteEvent: SiteEvent) => listener(siteEvent);
    ipcRenderer.on(ipcChannels.event, handler);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('patchbay', bridge);
