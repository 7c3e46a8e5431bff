import type { SiteApi } from '../../shared/api/site-api';
import type { ListScope } from '../nodes/types';
import type { Dialogs } from './dialogs';
import type { EventHub } from './event-hub';
import type { JobsStore } from './jobs-store';
import type { ReceiveExport, SaveFile } from './list-export';
import type { Notices } from './notices';
import type { Preferences } from './preferences';
import type { SignInStore } from './sign-in-store';
import type { SiteStore } from './site-store';

/**
 * What node definitions, ribbon actions and details panes may use. Built once in the
 * composition root (console-root.ts) and passed down; there are no module singletons.
 */
export interface ConsoleServices {
  readonly api: SiteApi;
  readonly hub: EventHub;
  readonly site: SiteStore;
  readonly jobs: JobsStore;
  readonly notices: Notices;
  readonly preferences: Preferences;
  readonly saveFile: SaveFile;
  /** The sign-in of a browser console on a served site with accounts; absent in Electron. */
  readonly signIn?: SignInStore;
  /** Hands a file the site exported to the admin (a browser download, or where it was saved). */
  readonly receiveExport: ReceiveExport;
  /** Confirmations and dialogs that ribbon actions open. */
  readonly dialogs: Dialogs;
  /** Shows the jobs panel, e.g. after an action started a job. */
  revealJobs(): void;
  /**
   * Switches the console to a node, e.g. Show Members to All Software Updates; with `scope` its
   * list shows only that group's members, with null the whole list again.
   */
  openNode(id: string, scope?: ListScope | null): void;
}
