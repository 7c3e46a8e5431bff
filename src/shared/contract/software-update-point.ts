import { z } from 'zod';
import { Schedule } from '../schedule/schedule';
import { method } from './define';
import { IsoTime, listPage, listQuery } from './list-query';
import { JobStarted } from './site';

/**
 * Where the catalog comes from (Sync Settings tab, spec §2.3.1, adapted to what Patchbay can
 * reach): a catalog bundle (the disconnected-site export/import workflow), MSRC CVRF documents,
 * or the parent site's `patchbay serve` (a child site's "upstream data source").
 */
export const SyncSourceKind = z.enum(['catalog-bundle', 'msrc', 'upstream-site']);
export type SyncSourceKind = z.infer<typeof SyncSourceKind>;

export const SupersedenceBehavior = z.enum(['immediately', 'after-months']);

export const SupComponentSettings = z.object({
  syncSource: SyncSourceKind,
  /**
   * A folder or http(s) URL of a catalog bundle, a folder or URL of MSRC CVRF documents, or the
   * parent site's URL. Empty means the catalog bundled with Patchbay.
   */
  syncSourceLocation: z.string().max(2000),
  reportingEvents: z.enum([
    'DoNotCreateWsusReportingEvents',
    'CreateOnlyWsusStatusReportingEvents',
    'CreateAllWsusReportingEvents',
  ]),
  updateFiles: z.enum(['FullFilesOnly', 'ExpressForWindows10Only']),
  /** Classification names to synchronize; Drivers only with includeSurfaceDrivers. */
  classifications: z.array(z.string()).max(20),
  includeSurfaceDrivers: z.boolean(),
  /** Product ids to synchronize (vendor > family > product leaves). */
  products: z.array(z.string()).max(5000),
  isScheduleEnabled: z.boolean(),
  schedule: Schedule,
  isSyncFailureAlertEnabled: z.boolean(),
  nonFeatureSupersedence: SupersedenceBehavior,
  nonFeatureSupersedenceMonths: z.number().int().min(1).max(99),
  featureSupersedence: SupersedenceBehavior,
  featureSupersedenceMonths: z.number().int().min(1).max(99),
  isDeclineExpiredEnabled: z.boolean(),
  isAddIndexesEnabled: z.boolean(),
  isRemoveObsoleteEnabled: z.boolean(),
  /** Languages tab: codes checked in each column. */
  updateFileLanguages: z.array(z.string()).max(100),
  summaryDetailsLanguages: z.array(z.string()).max(100),
  featureUpdateMaxRuntimeMinutes: z.number().int().min(5).max(9999),
  nonFeatureUpdateMaxRuntimeMinutes: z.number().int().min(5).max(9999),
  otherUpdateMaxRuntimeMinutes: z.number().int().min(5).max(9999),
  modifiedAt: IsoTime,
});
export type SupComponentSettings = z.infer<typeof SupComponentSettings>;

export const SupComponentSettingsChange = SupComponentSettings.omit({ modifiedAt: true })
  .partial()
  .strict();

export const Product = z.object({
  id: z.string(),
  vendor: z.string(),
  family: z.string(),
  name: z.string(),
  isSynchronized: z.boolean(),
});
export const Classification = z.object({
  id: z.string(),
  name: z.string(),
  isSynchronized: z.boolean(),
});
export const Language = z.object({
  code: z.string(),
  name: z.string(),
  isUpdateFileEnabled: z.boolean(),
  isSummaryDetailsEnabled: z.boolean(),
});

/** Monitoring > Software Update Point Synchronization Status (spec §9.1), one row per sync. */
export const SyncHistoryRow = z.object({
  id: z.number().int(),
  softwareUpdatePoint: z.string(),
  siteCode: z.string(),
  syncSource: z.string(),
  syncType: z.enum(['delta', 'full']),
  /** The last status message id of the sync: 6701, 6704, 6705, 6702 or 6703. */
  lastStateMessageId: z.number().int(),
  startedAt: IsoTime,
  finishedAt: IsoTime.nullable(),
  lastSuccessfulSyncAt: IsoTime.nullable(),
  lastStateTime: IsoTime,
  errorCode: z.number().int(),
  errorText: z.string(),
  catalogVersion: z.number().int(),
  updatesAdded: z.number().int(),
  updatesChanged: z.number().int(),
  updatesExpired: z.number().int(),
  jobId: z.number().int().nullable(),
});
export type SyncHistoryRow = z.infer<typeof SyncHistoryRow>;

export const SyncHistoryQuery = listQuery(
  z
    .object({
      /** The search bar: the source, type, software update point or error contains the text. */
      text: z.string().trim().max(200).optional(),
    })
    .strict(),
  ['startedAt'] as const,
);

/** Software Library > Overview and Software Updates, as ConfigMgr fills them. */
export const SoftwareUpdatesOverview = z.object({
  /** The newest synchronization, running or finished; null before the first. */
  lastSynchronization: SyncHistoryRow.nullable(),
  /** Software update alerts still active (Synchronization failure, …), newest first. */
  alerts: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      severity: z.string(),
      message: z.string(),
      lastRaisedAt: IsoTime,
    }),
  ),
  /** The most recently released updates that are not expired, newest first. */
  newestUpdates: z.array(
    z.object({
      ciId: z.number().int(),
      articleId: z.string(),
      title: z.string(),
      classification: z.string(),
      dateReleased: IsoTime,
    }),
  ),
  updateCount: z.number().int(),
});
export type SoftwareUpdatesOverview = z.infer<typeof SoftwareUpdatesOverview>;

export const softwareUpdatePointMethods = {
  'softwareUpdates.overview': method(
    z.object({}).strict(),
    SoftwareUpdatesOverview,
    'The Software Updates overview: the last synchronization, active alerts and the newest updates.',
  ),
  'sup.settings.get': method(
    z.object({}).strict(),
    SupComponentSettings,
    'Software Update Point Component Properties.',
  ),
  'sup.settings.set': method(
    SupComponentSettingsChange,
    SupComponentSettings,
    'Changes Software Update Point Component Properties; a supersedence change makes the next sync a full one.',
  ),
  'sup.products': method(
    z.object({}).strict(),
    z.array(Product),
    'The Products tab tree, refreshed by sync.',
  ),
  'sup.classifications': method(
    z.object({}).strict(),
    z.array(Classification),
    'The Classifications tab.',
  ),
  'sup.languages': method(z.object({}).strict(), z.array(Language), 'The Languages tab.'),
  'sync.start': method(
    z
      .object({
        isFull: z.boolean().default(false),
        /**
         * Import: synchronize once from this catalog bundle (folder, manifest or URL); it
         * becomes the sync source only if the import succeeds, so a truncated or tampered
         * bundle leaves the site synchronizing from where it did.
         */
        importBundle: z.string().min(1).max(2000).optional(),
      })
      .strict(),
    JobStarted,
    'Synchronize Software Updates (Sync-CMSoftwareUpdate [-FullSync]), or import a catalog bundle.',
  ),
  'sync.history': method(
    SyncHistoryQuery,
    listPage(SyncHistoryRow),
    'Synchronizations, newest first.',
  ),
} as const;
