import type { SiteHandlers } from '../api/handlers';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import type { JobQueue } from '../jobs/job-queue';
import type { JobRunner } from '../jobs/job-runner';
import type { SiteLogs } from '../logs/site-logs';
import type { StatusMessages } from '../status/status-messages';
import { createContentHandlers, type ContentMethods } from './content-handlers';
import { DemoContentSource } from './demo-content-source';
import { distributeContentJob } from './distribution-job';
import { ensureSiteLibrary } from './distribution-points';
import { downloadSoftwareUpdatesJob, type DownloadDependencies } from './download-job';

export interface ContentOptions {
  /** Files fetched at once by a download job. */
  concurrency: number;
  /** Attempts per file, and the first retry delay (doubling). */
  attempts: number;
  backoffMs: number;
  /** The demo content source's pace, so its progress can be watched; 0 = as fast as it goes. */
  demoBytesPerSecond: number;
}

export const defaultContentOptions: ContentOptions = {
  concurrency: 4,
  attempts: 4,
  backoffMs: 1_000,
  demoBytesPerSecond: 12 * 1024 * 1024,
};

/** Wires deployment packages, downloads, distribution points and the demo source (spec §6). */
export async function openContentServices(deps: {
  database: SiteDatabase;
  events: SiteEvents;
  clock: Clock;
  jobs: JobQueue;
  runner: JobRunner;
  statusMessages: StatusMessages;
  logs: SiteLogs;
  siteCode: string;
  dataFolder: string;
  options?: Partial<ContentOptions>;
}): Promise<{
  handlers: Pick<SiteHandlers, ContentMethods>;
  demo: DemoContentSource;
  /** What a download needs, for the Deploy wizard's job that downloads before it deploys. */
  download: DownloadDependencies;
  siteLibraryId(): number;
  close(): Promise<void>;
}> {
  const options = { ...defaultContentOptions, ...deps.options };
  const library = await ensureSiteLibrary(
    deps.database.db,
    deps.dataFolder,
    deps.clock.now().toISOString(),
  );
  const demo = new DemoContentSource(
    deps.database,
    deps.events,
    deps.clock,
    options.demoBytesPerSecond,
  );
  const distribution = {
    site: deps.database,
    clock: deps.clock,
    events: deps.events,
    statusMessages: deps.statusMessages,
    log: deps.logs.component('SMS_DISTRIBUTION_MANAGER'),
  };
  deps.runner.register(distributeContentJob(distribution));
  const download: DownloadDependencies = {
    ...distribution,
    downloaderLog: deps.logs.component('SMS_PATCH_DOWNLOADER'),
    siteLibraryPath: () => library.libraryPath,
    resolveUrl: (url) => demo.resolveUrl(url),
    concurrency: options.concurrency,
    attempts: options.attempts,
    backoffMs: options.backoffMs,
  };
  deps.runner.register(downloadSoftwareUpdatesJob(download));
  const handlers = createContentHandlers({
    site: deps.database,
    events: deps.events,
    clock: deps.clock,
    siteCode: deps.siteCode,
    dataFolder: deps.dataFolder,
    jobs: deps.jobs,
    runner: deps.runner,
    demo,
    siteLibraryId: () => library.id,
  });
  return { handlers, demo, download, siteLibraryId: () => library.id, close: () => demo.close() };
}
