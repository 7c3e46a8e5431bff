import type { z } from 'zod';
import type { SupComponentSettingsChange } from '../../../shared/contract/software-update-point';
import { type SupComponentSettings } from '../../../shared/contract/software-update-point';
import { Schedule } from '../../../shared/schedule/schedule';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';

type Change = z.output<typeof SupComponentSettingsChange>;

/** Set when supersedence rules change: ConfigMgr makes the next synchronization a full one. */
export const fullSyncPendingKey = 'sync.isFullSyncPending';

/**
 * Software Update Point Component Properties, stored across the settings row, the
 * classification, product and language tables.
 */
export class SupSettings {
  constructor(
    private readonly site: SiteDatabase,
    private readonly siteCode: string,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<SupComponentSettings> {
    const db = this.site.db;
    const row = await db
      .selectFrom('sup_component_settings')
      .selectAll()
      .where('site_code', '=', this.siteCode)
      .executeTakeFirstOrThrow();
    const [classifications, products, languages] = await Promise.all([
      db
        .selectFrom('update_classification')
        .select('name')
        .where('is_synchronized', '=', 1)
        .orderBy('name')
        .execute(),
      db
        .selectFrom('product')
        .select('id')
        .where('is_synchronized', '=', 1)
        .orderBy('id')
        .execute(),
      db.selectFrom('language').selectAll().orderBy('code').execute(),
    ]);
    return {
      syncSource: row.sync_source as SupComponentSettings['syncSource'],
      syncSourceLocation: row.sync_source_location ?? '',
      reportingEvents: row.reporting_events as SupComponentSettings['reportingEvents'],
      updateFiles: row.update_files as SupComponentSettings['updateFiles'],
      classifications: classifications.map((c) => c.name),
      includeSurfaceDrivers: row.include_surface_drivers === 1,
      products: products.map((p) => p.id),
      isScheduleEnabled: row.is_schedule_enabled === 1,
      schedule: Schedule.parse(JSON.parse(row.sync_schedule)),
      isSyncFailureAlertEnabled: row.is_sync_failure_alert_enabled === 1,
      nonFeatureSupersedence:
        row.non_feature_supersedence as SupComponentSettings['nonFeatureSupersedence'],
      nonFeatureSupersedenceMonths: row.non_feature_supersedence_months,
      featureSupersedence: row.feature_supersedence as SupComponentSettings['featureSupersedence'],
      featureSupersedenceMonths: row.feature_supersedence_months,
      isDeclineExpiredEnabled: row.is_decline_expired_enabled === 1,
      isAddIndexesEnabled: row.is_add_indexes_enabled === 1,
      isRemoveObsoleteEnabled: row.is_remove_obsolete_enabled === 1,
      updateFileLanguages: languages
        .filter((l) => l.is_update_file_enabled === 1)
        .map((l) => l.code),
      summaryDetailsLanguages: languages
        .filter((l) => l.is_summary_details_enabled === 1)
        .map((l) => l.code),
      featureUpdateMaxRuntimeMinutes: row.feature_update_max_runtime_minutes,
      nonFeatureUpdateMaxRuntimeMinutes: row.non_feature_update_max_runtime_minutes,
      otherUpdateMaxRuntimeMinutes: row.other_update_max_runtime_minutes,
      modifiedAt: row.modified_at,
    };
  }

  /** Applies a change in one transaction; unknown classification, product or language names are refused. */
  async set(change: Change): Promise<SupComponentSettings> {
    const before = await this.get();
    const now = this.clock.now().toISOString();
    await this.site.db.transaction().execute(async (trx) => {
      const values: Record<string, string | number | null> = { modified_at: now };
      const map: Array<[keyof Change, string, (v: never) => string | number | null]> = [
        ['syncSource', 'sync_source', (v: string) => v],
        ['syncSourceLocation', 'sync_source_location', (v: string) => v],
        ['reportingEvents', 'reporting_events', (v: string) => v],
        ['updateFiles', 'update_files', (v: string) => v],
        ['includeSurfaceDrivers', 'include_surface_drivers', (v: boolean) => (v ? 1 : 0)],
        ['isScheduleEnabled', 'is_schedule_enabled', (v: boolean) => (v ? 1 : 0)],
        ['schedule', 'sync_schedule', (v: unknown) => JSON.stringify(v)],
        ['isSyncFailureAlertEnabled', 'is_sync_failure_alert_enabled', (v: boolean) => (v ? 1 : 0)],
        ['nonFeatureSupersedence', 'non_feature_supersedence', (v: string) => v],
        ['nonFeatureSupersedenceMonths', 'non_feature_supersedence_months', (v: number) => v],
        ['featureSupersedence', 'feature_supersedence', (v: string) => v],
        ['featureSupersedenceMonths', 'feature_supersedence_months', (v: number) => v],
        ['isDeclineExpiredEnabled', 'is_decline_expired_enabled', (v: boolean) => (v ? 1 : 0)],
        ['isAddIndexesEnabled', 'is_add_indexes_enabled', (v: boolean) => (v ? 1 : 0)],
        ['isRemoveObsoleteEnabled', 'is_remove_obsolete_enabled', (v: boolean) => (v ? 1 : 0)],
        ['featureUpdateMaxRuntimeMinutes', 'feature_update_max_runtime_minutes', (v: number) => v],
        [
          'nonFeatureUpdateMaxRuntimeMinutes',
          'non_feature_update_max_runtime_minutes',
          (v: number) => v,
        ],
        ['otherUpdateMaxRuntimeMinutes', 'other_update_max_runtime_minutes', (v: number) => v],
      ];
      for (const [key, column, convert] of map) {
        if (change[key] !== undefined) values[column] = convert(change[key] as never);
      }
      await trx
        .updateTable('sup_component_settings')
        .set(values)
        .where('site_code', '=', this.siteCode)
        .execute();

      if (change.classifications) {
        const known = await trx.selectFrom('update_classification').select('name').execute();
        const names = new Set(known.map((k) => k.name));
        const unknown = change.classifications.find((name) => !names.has(name));
        if (unknown)
          throw new SiteError(
            'invalid-input',
            `classifications: "${unknown}" is not a software update classification.`,
          );
        await trx.updateTable('update_classification').set({ is_synchronized: 0 }).execute();
        if (change.classifications.length > 0) {
          await trx
            .updateTable('update_classification')
            .set({ is_synchronized: 1 })
            .where('name', 'in', change.classifications)
            .execute();
        }
      }
      if (change.products) {
        await trx.updateTable('product').set({ is_synchronized: 0 }).execute();
        if (change.products.length > 0) {
          const updated = await trx
            .updateTable('product')
            .set({ is_synchronized: 1 })
            .where('id', 'in', change.products)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== new Set(change.products).size) {
            throw new SiteError(
              'invalid-input',
              'products: one or more product ids are not in the product list; synchronize first to refresh it.',
            );
          }
        }
      }
      for (const [key, column] of [
        ['updateFileLanguages', 'is_update_file_enabled'],
        ['summaryDetailsLanguages', 'is_summary_details_enabled'],
      ] as const) {
        const codes = change[key];
        if (!codes) continue;
        if (codes.length === 0)
          throw new SiteError('invalid-input', `${key}: at least one language must be selected.`);
        await trx
          .updateTable('language')
          .set({ [column]: 0 })
          .execute();
        const updated = await trx
          .updateTable('language')
          .set({ [column]: 1 })
          .where('code', 'in', codes)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== new Set(codes).size) {
          throw new SiteError('invalid-input', `${key}: one or more language codes are unknown.`);
        }
      }
      const supersedenceChanged =
        (change.nonFeatureSupersedence !== undefined &&
          change.nonFeatureSupersedence !== before.nonFeatureSupersedence) ||
        (change.nonFeatureSupersedenceMonths !== undefined &&
          change.nonFeatureSupersedenceMonths !== before.nonFeatureSupersedenceMonths) ||
        (change.featureSupersedence !== undefined &&
          change.featureSupersedence !== before.featureSupersedence) ||
        (change.featureSupersedenceMonths !== undefined &&
          change.featureSupersedenceMonths !== before.featureSupersedenceMonths);
      if (supersedenceChanged) {
        await trx
          .insertInto('site_setting')
          .values({ key: fullSyncPendingKey, value: 'true', modified_at: now })
          .onConflict((c) => c.column('key').doUpdateSet({ value: 'true', modified_at: now }))
          .execute();
      }
    });
    return this.get();
  }
}
