import { z } from 'zod';
import { Job, JobLogLine } from './jobs';
import { StatusMessage } from './status-messages';

/**
 * Everything the site pushes to consoles. Each transport delivers the same objects: the WebSocket
 * at /api/events and the Electron preload's `onEvent`.
 */
export const SiteEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job.changed'), job: Job }),
  z.object({ type: z.literal('job.log'), line: JobLogLine }),
  z.object({ type: z.literal('statusMessage.created'), message: StatusMessage }),
  z.object({
    type: z.literal('data.changed'),
    /** Which lists to refresh, e.g. "softwareUpdates", "groups". */
    topics: z.array(z.string()),
  }),
]);
export type SiteEvent = z.infer<typeof SiteEvent>;
export type SiteEventType = SiteEvent['type'];
