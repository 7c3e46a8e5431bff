import type { SignInSession } from '../../shared/api/sign-in-session';
import type { SiteApi } from '../../shared/api/site-api';
import { buildNodeRegistry } from '../nodes';
import type { ConsoleServices } from '../stores/console-services';
import { Dialogs } from '../stores/dialogs';
import { EventHub } from '../stores/event-hub';
import { JobsStore } from '../stores/jobs-store';
import type { ReceiveExport, SaveFile } from '../stores/list-export';
import { Notices } from '../stores/notices';
import { Preferences } from '../stores/preferences';
import { ShellStore } from '../stores/shell-store';
import { SignInStore } from '../stores/sign-in-store';
import { SiteStore } from '../stores/site-store';

export interface ConsoleRoot {
  readonly services: ConsoleServices;
  readonly shell: ShellStore;
  start(): () => void;
}

/** The composition root of the console: every store is built here and handed down. */
export function createConsoleRoot(
  api: SiteApi,
  platform: {
    storage: Storage | null;
    saveFile: SaveFile;
    startNodeId?: string;
    /** The browser console's sign-in, with where the page goes to sign in again. */
    signIn?: { session: SignInSession; navigate: (address: string) => void };
    receiveExport: ReceiveExport;
  },
): ConsoleRoot {
  const hub = new EventHub(api);
  const notices = new Notices();
  const site = new SiteStore(api, hub);
  const jobs = new JobsStore(api, hub, notices);
  const preferences = new Preferences(platform.storage);
  const signIn = platform.signIn
    ? new SignInStore(platform.signIn.session, platform.signIn.navigate)
    : undefined;
  let shell: ShellStore | null = null;
  const services: ConsoleServices = {
    api,
    hub,
    site,
    jobs,
    notices,
    preferences,
    saveFile: platform.saveFile,
    signIn,
    receiveExport: platform.receiveExport,
    dialogs: new Dialogs(),
    revealJobs: () => shell?.layout.setJobsPanelOpen(true),
    openNode: (id, scope) => shell?.openNode(id, scope),
  };
  const registry = buildNodeRegistry();
  const startNode = platform.startNodeId ? registry.get(platform.startNodeId) : undefined;
  shell = new ShellStore(registry, services, {
    workspaceId: startNode?.workspace ?? 'library',
    nodeId: startNode?.id,
  });
  return {
    services,
    shell,
    start() {
      // Connection listeners first, so the first "connected" is seen; then the socket opens.
      const stopSite = site.start();
      void signIn?.load();
      hub.start();
      const stopJobs = jobs.start();
      return () => {
        stopJobs();
        hub.stop();
        stopSite();
      };
    },
  };
}
