import type { SiteInfo } from '../../shared/contract';
import type { Clock } from './clock';
import type { SiteEvents } from './events/site-events';
import type { SiteHandlers } from './api/handlers';
import { backupJobKind } from './backup/backup-site-database';
import type { JobQueue } from './jobs/job-queue';
import type { JobRunner } from './jobs/job-runner';
import { listJobs } from './jobs/job-list';
import type { SiteDatabase } from './db/open-database';
import type { StatusMessages } from './status/status-messages';
import { createCatalogHandlers } from './catalog/catalog-handlers';
import type { ContentMethods } from './content/content-handlers';
import type { DemoFleetPort } from './fleet/demo-fleet-port';
import { createGroupHandlers } from './groups/group-handlers';
import type { ClientSettingsStore } from './collections/client-settings-store';
import { createComplianceHandlers } from './compliance/compliance-handlers';
import { createClientSettingsHandlers } from './collections/client-settings-handlers';
import { createUpdateHandlers } from './updates/update-handlers';
import { createDeploymentHandlers } from './deployments/deployment-handlers';
import { createDeploymentStatusHandlers } from './deployments/deployment-status-handlers';
import { createAlertHandlers } from './alerts/alert-handlers';
import { createRuleHandlers } from './rules/rule-handlers';
import { createReportHandlers } from './reports/report-handlers';
import { createSupHandlers, type SupHandlerDependencies } from './sup/sup-handlers';
import type { ListExports } from './lists/list-export';

export interface HandlerDependencies extends SupHandlerDependencies {
  database: SiteDatabase;
  jobs: JobQueue;
  runner: JobRunner;
  statusMessages: StatusMessages;
  siteCode: string;
  /** The site's folders; a package source may not overlap its data folder. */
  folders: { data: string };
  clock: Clock;
  events: SiteEvents;
  clientSettings: ClientSettingsStore;
  info(): Promise<SiteInfo>;
  demoFleet: DemoFleetPort;
  /** Deployment packages, downloads and distribution points, wired by their own services. */
  content: Pick<SiteHandlers, ContentMethods>;
  /** The site's own content library, which every new package is distributed to. */
  siteLibraryId(): number;
  /** The IANA zone local schedules are read in (rules' Next Run Time). */
  timeZone: string;
  listExports: ListExports;
}

/** The contract's methods, implemented by the site's services. */
export function createSiteHandlers(deps: HandlerDependencies): SiteHandlers {
  const { jobs, runner } = deps;
  const deployments = createDeploymentHandlers({
    site: deps.database,
    clock: deps.clock,
    events: deps.events,
    statusMessages: deps.statusMessages,
    siteCode: deps.siteCode,
    dataFolder: deps.folders.data,
    jobs,
    runner,
    siteLibraryId: deps.siteLibraryId,
  });
  return {
    'lists.export': (request, context) => deps.listExports.export(request, context),
    'site.info': () => deps.info(),
    'site.ping': async (input) => ({ ...input, serverTime: new Date().toISOString() }),
    'site.backupDatabase': async (_input, context) => {
      const job = await jobs.enqueue({
        kind: backupJobKind,
        title: 'Back up site database',
        params: {},
        createdBy: context.user,
        maxAttempts: 1,
      });
      runner.poke();
      return { jobId: job.id };
    },
    'jobs.list': async (query) => {
      // A job whose process was killed never shows as running.
      await runner.recoverAbandoned();
      return listJobs(deps.database, query);
    },
    'jobs.get': ({ id }) => jobs.get(id),
    'jobs.cancel': async ({ id }) => {
      // Abort this process's copy first: on SQLite the job may hold the writer (a sync's
      // database phase), and the cancel row update would otherwise wait for it to finish.
      runner.abortLocal(id);
      return jobs.requestCancel(id);
    },
    'jobs.log': ({ id, afterSeq }) => jobs.readLog(id, afterSeq),
    'statusMessages.list': (query) => deps.statusMessages.list(query),
    ...createSupHandlers(deps),
    ...createUpdateHandlers(deps),
    ...createCatalogHandlers({ database: deps.database, siteCode: deps.siteCode }),
    ...createGroupHandlers(deps),
    ...deps.content,
    ...createComplianceHandlers(deps),
    ...deployments,
    ...createDeploymentStatusHandlers(deps),
    ...createClientSettingsHandlers({
      site: deps.database,
      clock: deps.clock,
      events: deps.events,
      clientSettings: deps.clientSettings,
    }),
    ...createAlertHandlers(deps),
    ...createRuleHandlers(deps),
    ...createReportHandlers(deps),
    'fleet.demoStatus': async () => deps.demoFleet.status(),
    'fleet.startDemo': ({ clients, acceleration }) => deps.demoFleet.start(clients, acceleration),
    'fleet.stopDemo': () => deps.demoFleet.stop(),
  };
}
