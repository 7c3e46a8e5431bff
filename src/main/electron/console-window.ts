import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell } from 'electron';
import { isTrustedSender } from './ipc-security';

// dist/electron/main.cjs sits beside its preload; the built console is in dist/renderer.
const preloadFile = join(__dirname, 'preload.cjs');
const consoleIndexFile = join(__dirname, '..', 'renderer', 'index.html');

/** The file URL of the console page: the only page allowed to call the site. */
export const consoleIndexUrl = pathToFileURL(consoleIndexFile).href;

/** Opens the Configuration Manager-style console in a locked-down window. */
export function openConsoleWindow(): BrowserWindow {
  const consoleWindow = new BrowserWindow({
    title: 'Patchbay',
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: preloadFile,
    },
  });
  const { webContents } = consoleWindow;

  // The console never needs a camera, notifications or the like: every request is refused.
  webContents.session.setPermissionRequestHandler((_contents, _permission, decide) =>
    decide(false),
  );
  // No second window: web links open in the admin's browser, anything else is dropped.
  webContents.setWindowOpenHandler(({ url }) => {
    openIfWebLink(url);
    return { action: 'deny' };
  });
  // The window shows the console and nothing else; a link that would replace it goes outside.
  webContents.on('will-navigate', (event) => {
    if (isTrustedSender(event.url, consoleIndexUrl)) return;
    event.preventDefault();
    openIfWebLink(event.url);
  });

  consoleWindow.once('ready-to-show', () => consoleWindow.show());
  void consoleWindow.loadFile(consoleIndexFile);
  return consoleWindow;
}

function openIfWebLink(url: string): void {
  if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
}
