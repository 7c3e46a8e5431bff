import type { SiteHandlers } from '../api/handlers';
import type { SiteDatabase } from '../db/open-database';
import type { JobQueue } from '../jobs/job-queue';
import type { JobRunner } from '../jobs/job-runner';
import type { SyncHistory } from '../sync/sync-history';
import { enqueueSync } from '../sync/enqueue-sync';
import { readSoftwareUpdatesOverview } from '../sync/software-updates-overview';
import type { SupSettings } from './sup-settings';

type SupMethods =
  | 'sup.settings.get'
  | 'sup.settings.set'
  | 'sup.products'
  | 'sup.classifications'
  | 'sup.languages'
  | 'sync.start'
  | 'sync.history'
  | 'softwareUpdates.overview';

export interface SupHandlerDependencies {
  database: SiteDatabase;
  supSettings: SupSettings;
  syncHistory: SyncHistory;
  jobs: JobQueue;
  runner: JobRunner;
}

/** Software Update Point Component Properties and Synchronize Software Updates. */
export function createSupHandlers(deps: SupHandlerDependencies): Pick<SiteHandlers, SupMethods> {
  const db = deps.database.read;
  return {
    'sup.settings.get': () => deps.supSettings.get(),
    'sup.settings.set': (change) => deps.supSettings.set(change),
    'sup.products': async () =>
      (
        await db
          .selectFrom('product')
          .selectAll()
          .orderBy('vendor')
          .orderBy('family')
          .orderBy('name')
          .execute()
      ).map((row) => ({
        id: row.id,
        vendor: row.vendor,
        family: row.family,
        name: row.name,
        isSynchronized: row.is_synchronized === 1,
      })),
    'sup.classifications': async () =>
      (await db.selectFrom('update_classification').selectAll().orderBy('name').execute()).map(
        (row) => ({
          id: row.id,
          name: row.name,
          isSynchronized: row.is_synchronized === 1,
        }),
      ),
    'sup.languages': async () =>
      (await db.selectFrom('language').selectAll().orderBy('name').execute()).map((row) => ({
        code: row.code,
        name: row.name,
        isUpdateFileEnabled: row.is_update_file_enabled === 1,
        isSummaryDetailsEnabled: row.is_summary_details_enabled === 1,
      })),
    'sync.start': async ({ isFull, importBundle }, context) => {
      // A sync whose process was killed is closed first, so this one starts instead of
      // returning (and waiting on) the dead one.
      await deps.runner.recoverAbandoned();
      const job = await enqueueSync(deps.jobs, {
        isFull,
        importBundle,
        trigger: context.transport === 'cli' ? 'cli' : 'console',
        createdBy: context.user,
      });
      deps.runner.poke();
      return { jobId: job.id };
    },
    'sync.history': async (query) => {
      // A sync whose process was killed never shows as in progress.
      await deps.runner.recoverAbandoned();
      return deps.syncHistory.list(query);
    },
    'softwareUpdates.overview': () => readSoftwareUpdatesOverview(deps.database, deps.syncHistory),
  };
}
