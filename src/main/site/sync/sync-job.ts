import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { SupComponentSettings } from '../../../shared/contract/software-update-point';
import { upsertProducts, writeCatalog, type CatalogWriteResult } from '../catalog/catalog-writer';
import { applySupersedenceRules } from '../catalog/supersedence-rules';
import type { UpdateRecord } from '../catalog/update-record';
import type { Clock } from '../clock';
import type { SiteEvents } from '../events/site-events';
import type { SiteDatabase } from '../db/open-database';
import { defineJob, JobCancelledError, type JobContext } from '../jobs/job-handler';
import type { ComponentLog } from '../logs/component-log';
import type { StatusMessages } from '../status/status-messages';
import { fullSyncPendingKey, type SupSettings } from '../sup/sup-settings';
import { mergeMsrcRemediations } from './msrc-merge';
import { readSetting, writeSetting } from './site-settings-store';
import {
  currentSelection,
  isSelected,
  selectionFromSettings,
  selectionKeyOf,
  type SyncSelection,
} from './sync-filter';
import { sourceContext } from './sync-source-context';
import type { SyncHistory } from './sync-history';
import { maxRuntimeFor } from './max-runtime';
import { cancelSyncFailureAlert, raiseSyncFailureAlert } from './sync-failure-alert';
import { sourceDigest, type SyncPayload, type SyncSourceContext } from './sync-payload';
import { upstreamVersionKey } from './upstream-site-source';

export const syncJobKind = 'sync.softwareUpdates';
export const catalogVersionKey = 'sync.catalogVersion';
export const sourceDigestKey = 'sync.lastSourceDigest';

/** Status message ids of SMS_WSUS_SYNC_MANAGER (spec §2.4). */
export const syncMessages = {
  started: 6701,
  done: 6702,
  failed: 6703,
  wsusPhase: 6704,
  databasePhase: 6705,
} as const;

export const SyncJobParams = z.object({
  isFull: z.boolean().default(false),
  trigger: z.enum(['console', 'schedule', 'cli', 'parent']).default('console'),
  /** `catalog import`: read this bundle instead of the stored source; store it on success. */
  importBundle: z.string().optional(),
});

export interface SyncJobDependencies {
  site: SiteDatabase;
  siteCode: string;
  serverName: string;
  settings: SupSettings;
  history: SyncHistory;
  statusMessages: StatusMessages;
  log: ComponentLog;
  clock: Clock;
  events: SiteEvents;
  loadSource(settings: SupComponentSettings, context: SyncSourceContext): Promise<SyncPayload>;
}

const triggerLines = {
  console: 'Wakeup by SCF change or local request',
  cli: 'Wakeup by SCF change or local request',
  schedule: 'Wakeup for scheduled regular sync',
  parent: 'Wakeup by parent site sync request',
} as const;

/**
 * Synchronize Software Updates (SMS_WSUS_SYNC_MANAGER, wsyncmgr.log). The sequence follows
 * ConfigMgr's: 6701 started, 6704 while the source is read, 6705 while the site database is
 * written, 6702 done — or 6703 with the reason. The database phase is one transaction (written
 * in batches inside it), so a failure or a cancel leaves the catalog exactly as it was.
 */
export function syncSoftwareUpdatesJob(deps: SyncJobDependencies) {
  return defineJob({
    kind: syncJobKind,
    params: SyncJobParams,
    maxAttempts: 1,
    isResumable: false,
    async run(context) {
      const started = deps.clock.now();
      const { log } = deps;
      log.info(triggerLines[context.params.trigger]);
      const settings = importedSource(await deps.settings.get(), context.params.importBundle);
      const pendingFull = await readSetting(deps.site.db, fullSyncPendingKey, false);
      const isFull = context.params.isFull || pendingFull === true;
      const historyId = await deps.history.start({
        siteCode: deps.siteCode,
        softwareUpdatePoint: deps.serverName,
        syncSource: sourceDescription(settings),
        syncType: isFull ? 'full' : 'delta',
        jobId: context.jobId,
        time: started.toISOString(),
      });
      const raise = (messageId: number, severity: 'Informational' | 'Error', message: string) =>
        deps.statusMessages.raise({
          component: 'SMS_WSUS_SYNC_MANAGER',
          messageId,
          severity,
          message,
          jobId: context.jobId,
          insertionStrings: [deps.serverName],
        });
      await raise(syncMessages.started, 'Informational', 'WSUS Synchronization started.');
      log.info(`Starting ${isFull ? 'full' : 'delta'} sync from ${sourceDescription(settings)}`);
      const workFolder = mkdtempSync(join(tmpdir(), 'patchbay-sync-'));
      try {
        await raise(
          syncMessages.wsusPhase,
          'Informational',
          'WSUS Synchronization in progress. Current phase: Synchronizing WSUS Server.',
        );
        await deps.history.state(historyId, syncMessages.wsusPhase, deps.clock.now().toISOString());
        const previousDigest = await readSetting<string | null>(
          deps.site.db,
          sourceDigestKey,
          null,
        );
        const payload = await deps.loadSource(
          settings,
          sourceContext(context, workFolder, deps.log, {
            isFull,
            previousDigest,
            selectionKey: selectionKeyOf(
              settings.syncSourceLocation,
              selectionFromSettings(settings),
            ),
          }),
        );
        context.throwIfCancelled();
        await raise(
          syncMessages.databasePhase,
          'Informational',
          'WSUS Synchronization in progress. Current phase: Synchronizing site database.',
        );
        await deps.history.state(
          historyId,
          syncMessages.databasePhase,
          deps.clock.now().toISOString(),
        );
        const outcome = await writePhase(deps, context, payload, settings, isFull);
        const finished = deps.clock.now();
        await deps.history.state(historyId, syncMessages.done, finished.toISOString(), {
          finished_at: finished.toISOString(),
          catalog_version: outcome.catalogVersion,
          updates_added: outcome.added,
          updates_changed: outcome.changed,
          updates_expired: outcome.expired,
        });
        log.info('Sync succeeded');
        log.info(
          `Updated ${outcome.added + outcome.changed} items in SMS database, new update source content version is ${outcome.catalogVersion}`,
        );
        log.info(`Sync time: ${elapsed(started, finished)}`);
        await raise(syncMessages.done, 'Informational', 'WSUS Synchronization done.');
        await cancelSyncFailureAlert(deps.site, deps.siteCode, finished.toISOString());
        // Open lists (All Software Updates, groups, the Products tab) re-read what changed.
        deps.events.publish({ type: 'data.changed', topics: ['softwareUpdates', 'products'] });
        context.progress(
          1,
          `Synchronized: ${outcome.added} added, ${outcome.changed} changed, ${outcome.expired} expired.`,
        );
        return outcome;
      } catch (error) {
        const cancelled = error instanceof JobCancelledError || context.signal.aborted;
        const reason = cancelled
          ? 'Synchronization was cancelled by an administrator; the catalog is unchanged.'
          : (error as Error).message;
        const finished = deps.clock.now().toISOString();
        await deps.history.state(historyId, syncMessages.failed, finished, {
          finished_at: finished,
          // Stored signed, as ConfigMgr's LastSyncErrorCode is; shown as hex (0x80004005).
          error_code: (cancelled ? 0x800704c7 : 0x80004005) | 0,
          error_text: reason,
        });
        log.error(`Sync failed: ${reason}`);
        await raise(syncMessages.failed, 'Error', `WSUS Synchronization failed. ${reason}`);
        if (settings.isSyncFailureAlertEnabled && !cancelled)
          await raiseSyncFailureAlert(deps.site, deps.siteCode, reason, finished);
        throw error;
      } finally {
        rmSync(workFolder, { recursive: true, force: true });
      }
    },
    /**
     * The process running the sync was killed: its database phase rolled back with it, so the
     * catalog is as it was. What it left open is closed here, as its own failure path would: the
     * history row leaves "In progress" for 6703 with the reason, and 6703 is raised.
     */
    async abandoned(job) {
      const finished = deps.clock.now().toISOString();
      const cancelled = job.state === 'cancelled';
      const reason = cancelled
        ? 'Synchronization was cancelled by an administrator; the catalog is unchanged.'
        : `${job.reason.replace(/ Run it again\.$/, '')} The catalog is unchanged; synchronize again.`;
      const closed = await deps.site.db
        .updateTable('sync_history')
        .set({
          last_state_message_id: syncMessages.failed,
          last_state_time: finished,
          finished_at: finished,
          error_code: (cancelled ? 0x800704c7 : 0x80004005) | 0,
          error_text: reason,
        })
        .where('job_id', '=', job.jobId)
        .where('last_state_message_id', 'not in', [syncMessages.done, syncMessages.failed])
        .returning('id')
        .execute();
      if (closed.length === 0) return;
      deps.log.error(`Sync failed: ${reason}`);
      await deps.statusMessages.raise({
        component: 'SMS_WSUS_SYNC_MANAGER',
        messageId: syncMessages.failed,
        severity: 'Error',
        message: `WSUS Synchronization failed. ${reason}`,
        jobId: job.jobId,
        insertionStrings: [deps.serverName],
      });
      const settings = await deps.settings.get();
      if (settings.isSyncFailureAlertEnabled && !cancelled)
        await raiseSyncFailureAlert(deps.site, deps.siteCode, reason, finished);
    },
  });
}

interface SyncOutcome extends CatalogWriteResult {
  catalogVersion: number;
  expired: number;
  superseded: number;
  selected: number;
}

async function writePhase(
  deps: SyncJobDependencies,
  context: JobContext<z.output<typeof SyncJobParams>>,
  payload: SyncPayload,
  settings: SupComponentSettings,
  isFull: boolean,
): Promise<SyncOutcome> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  return deps.site.db.transaction().execute(async (trx) => {
    const versionBefore = await readSetting(trx, catalogVersionKey, 0);
    let result: CatalogWriteResult = {
      added: 0,
      changed: 0,
      unchanged: 0,
      removed: 0,
      expiredMissing: 0,
    };
    let selected: number;
    let finalSelection: SyncSelection | null = null;
    if (payload.kind === 'snapshot') {
      // The Products tab is refreshed from everything the source offers, selected or not.
      await upsertProducts(trx, payload.records, nowIso);
      const selection = await currentSelection(trx, settings, nowIso);
      finalSelection = selection;
      const records = payload.records.filter((record) => isSelected(record, selection));
      selected = records.length;
      deps.log.info(
        `${records.length} of ${payload.records.length} updates match the selected products, classifications and languages`,
      );
      const classificationIds = new Map(
        (await trx.selectFrom('update_classification').select(['id', 'name']).execute()).map(
          (row) => [row.name, row.id],
        ),
      );
      result = await writeCatalog(
        trx,
        records,
        {
          isFull,
          now: nowIso,
          catalogVersion: versionBefore + 1,
          classificationIds,
          maxRuntimeFor: (record: UpdateRecord) => maxRuntimeFor(record, settings),
          keepUpdateIds: new Set(payload.unchangedUpdateIds ?? []),
        },
        (done, total) => {
          context.throwIfCancelled();
          context.progress(
            0.4 + 0.5 * (done / Math.max(total, 1)),
            `Synchronizing site database: processed ${done} out of ${total} items (${Math.floor((100 * done) / Math.max(total, 1))}%)`,
          );
          if (done % 2000 < 400)
            deps.log.info(`Synchronizing site database: processed ${done} out of ${total} items`);
        },
      );
    } else if (payload.kind === 'unchanged') {
      selected = 0;
      deps.log.info(
        'No update changed in the source; supersedence and expiry rules are applied again',
      );
    } else {
      const merged = await mergeMsrcRemediations(
        trx,
        payload.remediations,
        nowIso,
        versionBefore + 1,
      );
      result = { ...result, changed: merged.changed, unchanged: merged.notInCatalog };
      selected = merged.changed;
      deps.log.info(
        `MSRC data merged onto ${merged.changed} updates; ${merged.notInCatalog} KBs are not in this site's catalog`,
      );
    }
    context.throwIfCancelled();
    const rules = await applySupersedenceRules(
      trx,
      {
        nonFeature: {
          behavior: settings.nonFeatureSupersedence,
          months: settings.nonFeatureSupersedenceMonths,
        },
        feature: {
          behavior: settings.featureSupersedence,
          months: settings.featureSupersedenceMonths,
        },
      },
      now,
    );
    deps.log.info(
      `Supersedence: ${rules.superseded} updates superseded, ${rules.expired} expired by the supersedence rules`,
    );
    const isChanged =
      result.added + result.changed + result.removed + result.expiredMissing + rules.expired > 0;
    const catalogVersion = isChanged ? versionBefore + 1 : versionBefore;
    if (isChanged) await writeSetting(trx, catalogVersionKey, catalogVersion, nowIso);
    await writeSetting(trx, fullSyncPendingKey, false, nowIso);
    if (payload.kind !== 'msrc-merge' && payload.digest)
      await writeSetting(
        trx,
        sourceDigestKey,
        sourceDigest(
          payload.digest,
          selectionKeyOf(
            settings.syncSourceLocation,
            finalSelection ?? selectionFromSettings(settings),
          ),
        ),
        nowIso,
      );
    if (payload.kind === 'snapshot' && payload.upstreamCatalogVersion !== undefined)
      await writeSetting(trx, upstreamVersionKey, payload.upstreamCatalogVersion, nowIso);
    // An import becomes the sync source in the transaction that writes its catalog: never
    // before it is read and checked, so a refused bundle leaves the old source in place.
    if (context.params.importBundle !== undefined)
      await trx
        .updateTable('sup_component_settings')
        .set({
          sync_source: 'catalog-bundle',
          sync_source_location: context.params.importBundle,
          modified_at: nowIso,
        })
        .where('site_code', '=', deps.siteCode)
        .execute();
    context.throwIfCancelled();
    return {
      ...result,
      catalogVersion,
      expired: rules.expired + result.expiredMissing,
      superseded: rules.superseded,
      selected,
    };
  });
}

/** The settings this run reads from: the stored ones, or the bundle being imported. */
function importedSource(
  stored: SupComponentSettings,
  importBundle: string | undefined,
): SupComponentSettings {
  if (importBundle === undefined) return stored;
  return { ...stored, syncSource: 'catalog-bundle', syncSourceLocation: importBundle };
}

export function sourceDescription(settings: SupComponentSettings): string {
  const where = settings.syncSourceLocation || 'the catalog bundled with Patchbay';
  switch (settings.syncSource) {
    case 'catalog-bundle':
      return settings.syncSourceLocation
        ? `Catalog bundle ${where}`
        : 'Catalog bundled with Patchbay';
    case 'msrc':
      return `MSRC security updates ${settings.syncSourceLocation}`;
    case 'upstream-site':
      return `Upstream site ${settings.syncSourceLocation}`;
  }
}

/** `0d00h03m53s`, as wsyncmgr.log writes the sync time. */
export function elapsed(from: Date, to: Date): string {
  let seconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days}d${p(hours)}h${p(minutes)}m${p(seconds)}s`;
}
