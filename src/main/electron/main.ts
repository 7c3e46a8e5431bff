import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, utilityProcess } from 'electron';
import { ipcChannels } from '../../shared/api/transport';
import type { ErrorCode, WireResult } from '../../shared/errors';
import type { FromSiteProcess, ToSiteProcess } from '../host/site-process-protocol';
import { installApplicationMenu } from './application-menu';
import { consoleIndexUrl, openConsoleWindow } from './console-window';
import { installContentSecurityPolicy } from './content-security-policy';
import { isTrustedSender, parseCallMessage } from './ipc-security';

/**
 * The desktop console: one window, and the site in its own utility process. This process only
 * relays calls and events, so a slow query or a sync never freezes the window, and the site code
 * is the same one `patchbay serve` runs.
 */

// Built beside dist/node/site-process.mjs by scripts/build.mjs.
const siteProcessFile = join(__dirname, '..', 'node', 'site-process.mjs');
// The site closes its database on SIGTERM; a site that hangs must not keep Patchbay open.
const siteStopTimeoutMs = 5_000;

interface SiteProcess {
  call(method: string, input: unknown): Promise<WireResult>;
}

// PATCHBAY_DATA_DIR moves the whole profile, site and window state alike, so a test or a second
// site gets its own folder and its own single-instance lock.
if (process.env.PATCHBAY_DATA_DIR) app.setPath('userData', process.env.PATCHBAY_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  // Two consoles on one embedded database would fight over it; the first one gets the focus.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [consoleWindow] = BrowserWindow.getAllWindows();
    if (!consoleWindow) return;
    if (consoleWindow.isMinimized()) consoleWindow.restore();
    consoleWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  installContentSecurityPolicy();
  installApplicationMenu();
  let site: SiteProcess;
  try {
    site = await startSiteProcess();
  } catch (error) {
    dialog.showErrorBox('Patchbay cannot open the site', (error as Error).message);
    app.quit();
    return;
  }
  ipcMain.handle(ipcChannels.call, (event, message: unknown): Promise<WireResult> | WireResult => {
    if (!isTrustedSender(event.senderFrame?.url, consoleIndexUrl)) {
      return failure('refused', 'Only the Patchbay console page may call the site.');
    }
    const call = parseCallMessage(message);
    if (!call) {
      return failure('invalid-input', 'A call must name a method such as site.info.');
    }
    return site.call(call.method, call.input);
  });
  openConsoleWindow();
}

/** Forks the site and resolves once it has opened its database (or rejects with its sentence). */
function startSiteProcess(): Promise<SiteProcess> {
  const args = ['--data-dir', app.getPath('userData')];
  // PATCHBAY_DB reaches the site through its environment, which keeps a PostgreSQL password
  // out of the process list; a `--db=` switch given to Patchbay is already on its command line.
  const databaseSwitch = app.commandLine.getSwitchValue('db');
  if (databaseSwitch) args.push('--db', databaseSwitch);
  const child = utilityProcess.fork(siteProcessFile, args, {
    serviceName: 'Patchbay site',
    env: siteEnvironment(),
  });

  const pending = new Map<number, (result: WireResult) => void>();
  let nextCallId = 1;
  let isReady = false;
  let isRunning = true;
  let isQuitting = false;

  const site: SiteProcess = {
    call: (method, input) => {
      if (!isRunning) {
        return Promise.resolve(failure('unavailable', 'The site process has stopped.'));
      }
      const id = nextCallId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.postMessage({ type: 'call', id, method, input } satisfies ToSiteProcess);
      });
    },
  };

  app.on('will-quit', (event) => {
    if (!isRunning) return;
    // Hold the quit until the site has closed its database cleanly.
    event.preventDefault();
    isQuitting = true;
    const force = setTimeout(() => app.exit(0), siteStopTimeoutMs);
    child.once('exit', () => {
      clearTimeout(force);
      app.quit();
    });
    child.kill();
  });

  return new Promise((resolve, reject) => {
    child.on('message', (message: FromSiteProcess) => {
      switch (message.type) {
        case 'ready':
          isReady = true;
          resolve(site);
          break;
        case 'fatal':
          reject(new Error(message.message));
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'event':
          for (const consoleWindow of BrowserWindow.getAllWindows()) {
            consoleWindow.webContents.send(ipcChannels.event, message.event);
          }
          break;
      }
    });
    child.on('exit', (code) => {
      isRunning = false;
      for (const settle of pending.values()) {
        settle(failure('unavailable', 'The site process stopped before it answered.'));
      }
      pending.clear();
      if (!isReady) {
        reject(new Error(`The site process stopped while opening the site (exit code ${code}).`));
      } else if (!isQuitting) {
        dialog.showErrorBox(
          'Patchbay site stopped',
          `The site process stopped unexpectedly (exit code ${code}); Patchbay will close. Its logs are in ${join(app.getPath('userData'), 'logs')}.`,
        );
        app.quit();
      }
    });
  });
}

/** The installed app keeps its bundled catalog in the resources folder, outside app.asar. */
function siteEnvironment(): NodeJS.ProcessEnv {
  if (!app.isPackaged || process.env.PATCHBAY_BUNDLED_CATALOG) return process.env;
  return {
    ...process.env,
    PATCHBAY_BUNDLED_CATALOG: join(process.resourcesPath, 'assets', 'catalog'),
  };
}

function failure(code: ErrorCode, message: string): WireResult {
  return { ok: false, error: { code, message } };
}
