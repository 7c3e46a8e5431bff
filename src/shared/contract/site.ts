import { z } from 'zod';
import { method } from './define';

export const DatabaseKind = z.enum(['sqlite', 'postgres']);
export type DatabaseKind = z.infer<typeof DatabaseKind>;

export const SiteInfo = z.object({
  siteCode: z.string(),
  siteName: z.string(),
  parentSiteCode: z.string().nullable(),
  databaseKind: DatabaseKind,
  /** The SQLite file path, or the PostgreSQL host/database without credentials. */
  databaseLocation: z.string(),
  schemaVersion: z.string(),
  productVersion: z.string(),
  logsFolder: z.string(),
  serverTime: z.string(),
});
export type SiteInfo = z.infer<typeof SiteInfo>;

export const JobStarted = z.object({ jobId: z.number().int() });

export const siteMethods = {
  'site.info': method(z.object({}).strict(), SiteInfo, 'The site this console is connected to.'),
  'site.ping': method(
    z.object({ echo: z.string().max(1000).optional() }).strict(),
    z.object({ echo: z.string().optional(), serverTime: z.string() }),
    'A round trip through the transport, for health checks and the benchmark.',
  ),
  'site.backupDatabase': method(
    z.object({}).strict(),
    JobStarted,
    'Backs up the site database into the backups folder as a job (SMS_SITE_BACKUP).',
  ),
} as const;
