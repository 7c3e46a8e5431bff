import type { SiteEvent } from '../../shared/contract';
import type { WireResult } from '../../shared/errors';

/**
 * Messages between the Electron main process and the site's utility process. The shell only
 * relays: it never interprets a call, so the site stays the single place that validates input.
 */
export type ToSiteProcess = { type: 'call'; id: number; method: string; input: unknown };

export type FromSiteProcess =
  | { type: 'ready'; siteCode: string; databaseKind: string }
  | { type: 'result'; id: number; result: WireResult }
  | { type: 'event'; event: SiteEvent }
  | { type: 'fatal'; message: string };
