import { hostname } from 'node:os';
import { join } from 'node:path';
import type { SiteInfo } from '../../shared/contract';
import type { SiteHandlers } from './api/handlers';
import { backupSiteDatabaseJob } from './backup/backup-site-database';
import { bootstrapSite, type LocalSite } from './bootstrap';
import { systemClock, type Clock } from './clock';
import type { DatabaseConfig } from './db/database-config';
import { latestSchemaVersion, migrateDatabase } from './db/migrate';
import { openDatabase, type SiteDatabase } from './db/open-database';
import { holdsSite, noSiteAt, refuseMissingSiteFile, type IfNoSite } from './db/site-presence';
import { makeSiteFolder } from './site-folder';
import { SiteEvents } from './events/site-events';
import { JobQueue } from './jobs/job-queue';
import { JobRunner, type JobRunnerOptions } from './jobs/job-runner';
import { SiteLogs } from './logs/site-logs';
import { createSiteHandlers } from './site-handlers';
import { ListExports } from './lists/list-export';
import { StatusMessages } from './status/status-messages';
import { productVersion } from './version';
import { SupSettings } from './sup/sup-settings';
import { SyncHistory } from './sync/sync-history';
import { syncSoftwareUpdatesJob } from './sync/sync-job';
import { createSourceLoader } from './sync/sync-sources';
import { findBundledCatalog } from './sync/bundled-catalog';
import { SyncScheduler } from './sync/sync-scheduler';
import { readSetting } from './sync/site-settings-store';
import { upstreamVersionKey } from './sync/upstream-site-source';
import { openContentServices, type ContentOptions } from './content/content-services';
import { ClientSettingsStore } from './collections/client-settings-store';
import { CollectionRefreshScheduler } from './collections/collection-refresh-schedule';
import { ComplianceNotifier } from './compliance/compliance-notifier';
import { summarizationJob } from './compliance/summarization';
import { SummarizationScheduler } from './compliance/summarization-schedule';
import { ManagementPoint } from './mp/management-point';
import { DemoFleetPort } from './fleet/demo-fleet-port';
import { DeploymentAlertScheduler } from './deployments/deployment-alert-scheduler';
import { ReportScheduler, scheduledReportJob } from './reports/report-schedules';
import { createDeploymentJob } from './deployments/deployment-job';
import { RuleScheduler } from './rules/rule-scheduler';
import { localTimeZone } from '../../shared/schedule/time-zone';
import { createRuleEngineJob } from './rules/rule-engine-job';

export interface SiteOptions {
  database: DatabaseConfig;
  /** Holds logs/, backups/ and, for the embedded site, site.db. */
  dataFolder: string;
  siteCode?: string;
  siteName?: string;
  clock?: Clock;
  /** False for a process that only reads (a CLI listing); true runs this process's job runner. */
  runJobs?: boolean;
  runner?: JobRunnerOptions;
  /** The catalog bundle used when the Sync Settings tab names no location (default: assets/catalog). */
  bundledCatalogFolder?: string | null;
  /** How often this process checks the sync schedule; 0 turns the check off (tests drive it). */
  scheduleCheckMs?: number;
  /** Download concurrency, retries and the demo source's pace (tests run them fast). */
  content?: Partial<ContentOptions>;
  /**
   * What to do when the database holds no site yet: create one (the console, `sync`, `serve`,
   * `db init`; the default) or refuse with a sentence, writing nothing (every other CLI verb).
   */
  ifNoSite?: IfNoSite;
  /** The IANA zone local schedules of rules are read in (default: this machine's). */
  timeZone?: string;
}

/** Everything a site process holds, wired once here (the composition root). */
export interface Site {
  readonly database: SiteDatabase;
  readonly local: LocalSite;
  readonly events: SiteEvents;
  readonly jobs: JobQueue;
  readonly runner: JobRunner;
  readonly statusMessages: StatusMessages;
  readonly logs: SiteLogs;
  readonly supSettings: SupSettings;
  readonly syncHistory: SyncHistory;
  readonly syncScheduler: SyncScheduler;
  readonly handlers: SiteHandlers;
  /** Exported list files, downloaded once (GET /exports/<token> on `patchbay serve`). */
  readonly listExports: ListExports;
  /** What clients call (over HTTP under /mp, or in process in tests and benchmarks). */
  readonly managementPoint: ManagementPoint;
  /** Where a host serving the site over HTTP plugs in the demo fleet. */
  readonly demoFleet: DemoFleetPort;
  readonly clientSettings: ClientSettingsStore;
  readonly summarizationScheduler: SummarizationScheduler;
  /** The full membership update schedule of each collection. */
  readonly collectionRefreshScheduler: CollectionRefreshScheduler;
  /** Low-compliance alerts of deployments (§7.5), checked on a timer and at summarization. */
  readonly deploymentAlerts: DeploymentAlertScheduler;
  /** When automatic deployment rules run: after each successful sync, and on their schedule. */
  readonly ruleScheduler: RuleScheduler;
  /** The IANA zone the site reads local schedules in. */
  readonly timeZone: string;
  readonly reportScheduler: ReportScheduler;
  readonly folders: { data: string; logs: string; backups: string };
  readonly clock: Clock;
  /** True when this open created the site (an empty database was bootstrapped). */
  readonly isNew: boolean;
  info(): Promise<SiteInfo>;
  close(): Promise<void>;
}

export async function openSite(options: SiteOptions): Promise<Site> {
  const clock = options.clock ?? systemClock;
  const folders = {
    data: options.dataFolder,
    logs: join(options.dataFolder, 'logs'),
    backups: join(options.dataFolder, 'backups'),
  };
  const ifNoSite = options.ifNoSite ?? 'create';
  refuseMissingSiteFile(options.database, ifNoSite);
  // First, so a data folder under a file is named as such (the default site.db lives in it).
  if (options.database.kind === 'sqlite') makeSiteFolder(folders.data, 'data folder');
  const database = await openDatabase(options.database);
  try {
    const isNew = !(await holdsSite(database));
    if (isNew && ifNoSite === 'refuse') throw noSiteAt(options.database);
    makeSiteFolder(folders.logs, 'logs folder');
    await migrateDatabase(database);
    const local = await bootstrapSite(
      database,
      {
        code: options.siteCode ?? 'PS1',
        name: options.siteName ?? 'Primary Site',
        version: productVersion,
        serverName: hostname(),
      },
      clock,
    );
    const events = new SiteEvents();
    const logs = new SiteLogs(folders.logs);
    const jobs = new JobQueue(database, events, clock);
    const runner = new JobRunner(jobs, options.runner);
    const statusMessages = new StatusMessages(
      database,
      events,
      logs,
      clock,
      local.code,
      hostname(),
    );
    runner.register(
      backupSiteDatabaseJob({ site: database, statusMessages, backupsFolder: folders.backups }),
    );
    const supSettings = new SupSettings(database, local.code, clock);
    const syncHistory = new SyncHistory(database);
    const bundledCatalogFolder =
      options.bundledCatalogFolder === undefined
        ? findBundledCatalog()
        : options.bundledCatalogFolder;
    runner.register(
      syncSoftwareUpdatesJob({
        site: database,
        siteCode: local.code,
        serverName: hostname(),
        settings: supSettings,
        history: syncHistory,
        statusMessages,
        log: logs.component('SMS_WSUS_SYNC_MANAGER'),
        clock,
        events,
        loadSource: createSourceLoader({
          bundledCatalogFolder,
          lastUpstreamVersion: () => readSetting(database.db, upstreamVersionKey, 0),
        }),
      }),
    );
    const syncScheduler = new SyncScheduler(
      database,
      supSettings,
      jobs,
      clock,
      () => runner.poke(),
      options.scheduleCheckMs || 30_000,
    );

    const clientSettings = new ClientSettingsStore(database, clock);
    await clientSettings.ensureDefault();
    const notifier = new ComplianceNotifier(events);
    const deploymentAlerts = new DeploymentAlertScheduler(database, clock, events);
    runner.register(
      summarizationJob({
        site: database,
        clock,
        statusMessages,
        notifier,
        afterSummarize: () => deploymentAlerts.summarize(),
      }),
    );
    const summarizationScheduler = new SummarizationScheduler(database, jobs, clock, () =>
      runner.poke(),
    );
    runner.register(scheduledReportJob({ site: database, clock }));
    const reportScheduler = new ReportScheduler(
      database,
      jobs,
      clock,
      () => runner.poke(),
      options.scheduleCheckMs || 30_000,
    );
    const collectionRefreshScheduler = new CollectionRefreshScheduler({
      site: database,
      clock,
      events,
      siteCode: local.code,
      statusMessages,
    });
    const timeZone = options.timeZone ?? localTimeZone();
    const ruleScheduler = new RuleScheduler(
      {
        site: database,
        jobs,
        clock,
        events,
        timeZone,
        poke: () => runner.poke(),
        log: logs.component('SMS_RULE_ENGINE'),
      },
      options.scheduleCheckMs || 30_000,
    );
    await ruleScheduler.initialize();
    const managementPoint = new ManagementPoint({
      site: database,
      siteCode: local.code,
      clock,
      clientSettings,
      notifier,
    });

    const partial = {
      database,
      local,
      events,
      jobs,
      runner,
      statusMessages,
      logs,
      folders,
      clock,
      supSettings,
      syncHistory,
      syncScheduler,
      clientSettings,
      managementPoint,
      summarizationScheduler,
      collectionRefreshScheduler,
      deploymentAlerts,
      ruleScheduler,
      timeZone,
      reportScheduler,
      demoFleet: new DemoFleetPort(),
      isNew,
    };
    const info = async (): Promise<SiteInfo> => ({
      siteCode: local.code,
      siteName: local.name,
      parentSiteCode: local.parentCode,
      databaseKind: database.dialect,
      databaseLocation: database.location,
      schemaVersion: latestSchemaVersion(),
      productVersion,
      logsFolder: folders.logs,
      serverTime: clock.now().toISOString(),
    });
    const content = await openContentServices({
      ...partial,
      siteCode: local.code,
      dataFolder: folders.data,
      ...(options.content && { options: options.content }),
    });
    runner.register(
      createDeploymentJob({
        site: database,
        clock,
        events,
        statusMessages,
        log: logs.component('SMS_OBJECT_REPLICATION_MANAGER'),
        download: content.download,
      }),
    );
    runner.register(
      createRuleEngineJob({
        site: database,
        clock,
        events,
        statusMessages,
        siteCode: local.code,
        log: logs.component('SMS_RULE_ENGINE'),
        download: content.download,
      }),
    );
    // Export reads lists through the handlers it is one of, so it looks them up when it runs.
    const listExports = new ListExports(
      () => handlers,
      join(folders.data, 'exports'),
      () => clock.now(),
    );
    const handlers = createSiteHandlers({
      ...partial,
      siteCode: local.code,
      info,
      content: content.handlers,
      listExports,
      siteLibraryId: content.siteLibraryId,
    });
    if (options.runJobs === false) {
      // A process that only reads still closes the jobs of processes that are gone, so no
      // listing shows a dead job as running; if it cannot, it still reads.
      await runner.recoverAbandoned().catch((error: unknown) => {
        console.error(`Could not take over abandoned jobs: ${(error as Error).message}`);
      });
    } else {
      // After-sync rules start in the wake of a sync this process ran; the timer (off in tests,
      // which call check()) also catches schedules and syncs another process left unfinished.
      ruleScheduler.start(options.scheduleCheckMs !== 0);
      await runner.start();
      if (options.scheduleCheckMs !== 0) {
        syncScheduler.start();
        summarizationScheduler.start();
        collectionRefreshScheduler.start();
        deploymentAlerts.start();
        reportScheduler.start();
      }
    }
    return {
      ...partial,
      handlers,
      listExports,
      info,
      close: async () => {
        syncScheduler.stop();
        summarizationScheduler.stop();
        collectionRefreshScheduler.stop();
        deploymentAlerts.stop();
        ruleScheduler.stop();
        await ruleScheduler.idle();
        reportScheduler.stop();
        notifier.stop();
        await runner.stop();
        await content.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
