import { reaction } from 'mobx';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpTransport } from '../shared/api/http-transport';
import { createIpcTransport } from '../shared/api/ipc-transport';
import { createHttpSignInSession } from '../shared/api/sign-in-session';
import { SiteApi } from '../shared/api/site-api';
import type { PreloadBridge } from '../shared/api/transport';
import { App } from './app/App';
import { createConsoleRoot } from './app/console-root';
import './global.css';
import { downloadExport, saveTextFile } from './platform/save-file';
import { localStorageOrNull } from './stores/preferences';

declare global {
  interface Window {
    /** The Electron preload bridge; absent in a browser. */
    patchbay?: PreloadBridge;
  }
}

// Inside Electron the preload bridge carries calls over IPC; in a browser the page talks to the
// `patchbay serve` that served it.
const transport = window.patchbay
  ? createIpcTransport(window.patchbay)
  : createHttpTransport(window.location.origin);
const api = new SiteApi(transport);

// `#node=<id>` opens a node directly (bookmarks, tests); the hash follows the admin's moves.
const nodeInHash = () =>
  new URLSearchParams(window.location.hash.slice(1)).get('node') ?? undefined;
const root = createConsoleRoot(api, {
  storage: localStorageOrNull(),
  saveFile: saveTextFile,
  // The desktop console's site writes exports into its data folder; the notice names the file.
  receiveExport: window.patchbay
    ? (file) => root.services.notices.show('success', `Saved ${file.fileName} in ${file.path}.`)
    : downloadExport,
  startNodeId: nodeInHash(),
  signIn: window.patchbay
    ? undefined
    : {
        session: createHttpSignInSession(window.location.origin),
        navigate: (address) => window.location.assign(address),
      },
});
root.start();
reaction(
  () => root.shell.currentNodeId,
  (nodeId) => window.history.replaceState(null, '', `#node=${encodeURIComponent(nodeId)}`),
);
window.addEventListener('hashchange', () => {
  const nodeId = nodeInHash();
  if (nodeId && nodeId !== root.shell.currentNodeId) root.shell.selectNode(nodeId);
});

const container = document.getElementById('root');
if (!container) throw new Error('The console page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App root={root} />
  </StrictMode>,
);
