import { z } from 'zod';
import { method } from './define';
import { IsoTime } from './list-query';

/** ConfigMgr's alert states (Monitoring > Alerts). */
export const AlertState = z.enum(['Active', 'Postponed', 'Canceled']);
export type AlertState = z.infer<typeof AlertState>;

/** One alert: sync failure (§2.3.5) or deployment compliance below its threshold (§7.5, §9.4). */
export const Alert = z.object({
  id: z.number().int(),
  name: z.string(),
  /** "Synchronization failure", "Software update deployment compliance". */
  type: z.string(),
  severity: z.string(),
  state: AlertState,
  message: z.string(),
  occurrences: z.number().int(),
  firstRaisedAt: IsoTime,
  lastRaisedAt: IsoTime,
  closedAt: IsoTime.nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertListQuery = z
  .object({
    state: AlertState.optional(),
    /** The Software Updates overview shows the few most recent. */
    limit: z.number().int().min(1).max(1000).default(500),
  })
  .strict();

export const alertMethods = {
  'alerts.list': method(
    AlertListQuery,
    z.array(Alert),
    'Monitoring > Alerts and the recent alerts of the Software Updates overview, newest first.',
  ),
} as const;
