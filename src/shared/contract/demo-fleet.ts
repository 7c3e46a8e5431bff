import { z } from 'zod';
import { method } from './define';

/**
 * The demo fleet a new site offers: simulated clients (the `patchbay fleet` simulator) that
 * register with this site's management point and report over HTTP, so compliance means
 * something on a fresh machine. It runs where the site is served over HTTP (`npm start`
 * without Electron, `patchbay serve`); elsewhere it says why not.
 */
export const DemoFleetStatus = z.object({
  isAvailable: z.boolean(),
  unavailableReason: z.string().nullable(),
  isRunning: z.boolean(),
  clients: z.number().int(),
  registered: z.number().int(),
  messagesAccepted: z.number().int(),
  /** Updates the simulated clients installed for deployments, and how many of those outside a maintenance window (only where the deployment allowed it). */
  installs: z.number().int(),
  outsideWindowInstalls: z.number().int(),
  acceleration: z.number(),
  /** Why the last start failed, if it did. */
  error: z.string().nullable(),
});
export type DemoFleetStatus = z.infer<typeof DemoFleetStatus>;

export const demoFleetMethods = {
  'fleet.demoStatus': method(z.object({}).strict(), DemoFleetStatus, 'The demo fleet, if any.'),
  'fleet.startDemo': method(
    z
      .object({
        clients: z
          .number()
          .int()
          .min(10, 'at least 10 clients')
          .max(20_000, 'at most 20,000 clients')
          .default(3000),
        acceleration: z
          .number()
          .int()
          .min(1)
          .max(3600, 'at most 3,600 times real time')
          .default(60),
      })
      .strict(),
    DemoFleetStatus,
    'Starts a demo fleet of simulated clients against this site (patchbay fleet start).',
  ),
  'fleet.stopDemo': method(z.object({}).strict(), DemoFleetStatus, 'Stops the demo fleet.'),
} as const;
