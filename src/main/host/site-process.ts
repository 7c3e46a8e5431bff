import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { dispatchCall } from '../site/api/dispatch';
import { defaultDataFolder, resolveDatabaseConfig } from '../site/db/database-config';
import { openSite, type Site } from '../site/site';
import type { FromSiteProcess, ToSiteProcess } from './site-process-protocol';

/**
 * Entry of the site's own process under the desktop console (an Electron utility process, or a
 * Node child process in tests). Database work happens here, never in Electron's main process.
 */
interface Channel {
  post(message: FromSiteProcess): void;
  onMessage(listener: (message: ToSiteProcess) => void): void;
}

function parentChannel(): Channel {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) =>
        parentPort.on('message', (event) => listener(event.data as ToSiteProcess)),
    };
  }
  if (!process.send)
    throw new Error('The site process must be started by the console (no parent channel).');
  return {
    post: (message) => process.send!(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as ToSiteProcess)),
  };
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

async function main(): Promise<void> {
  const channel = parentChannel();
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      db: { type: 'string' },
      'site-code': { type: 'string' },
    },
    strict: false,
  });
  const dataFolder = (values['data-dir'] as string | undefined) ?? defaultDataFolder();
  let site: Site;
  try {
    site = await openSite({
      database: resolveDatabaseConfig(values.db as string | undefined, dataFolder),
      dataFolder,
      siteCode: (values['site-code'] as string | undefined) ?? 'PS1',
    });
  } catch (error) {
    channel.post({ type: 'fatal', message: (error as Error).message });
    process.exit(1);
  }
  const user = userInfo().username;
  site.events.subscribe((event) => channel.post({ type: 'event', event }));
  channel.onMessage((message) => {
    if (message?.type !== 'call') return;
    void dispatchCall(site.handlers, message.method, message.input, {
      user,
      transport: 'ipc',
    }).then((result) => channel.post({ type: 'result', id: message.id, result }));
  });
  const stop = async () => {
    await site.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  channel.post({ type: 'ready', siteCode: site.local.code, databaseKind: site.database.dialect });
}

void main();
