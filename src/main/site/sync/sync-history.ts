import { containsText } from '../db/text-search';
import type { Selectable } from 'kysely';
import type { ListPage, SyncHistoryRow } from '../../../shared/contract';
import type { SyncHistoryQuery } from '../../../shared/contract/software-update-point';
import type { z } from 'zod';
import type { SiteDatabase } from '../db/open-database';
import type { SyncHistoryTable } from '../db/schema-types';
import { pageOf, readPage } from '../lists/keyset';

type Row = Selectable<SyncHistoryTable>;

/** Monitoring > Software Update Point Synchronization Status reads these rows (spec §9.1). */
export class SyncHistory {
  constructor(private readonly site: SiteDatabase) {}

  async start(values: {
    siteCode: string;
    softwareUpdatePoint: string;
    syncSource: string;
    syncType: 'delta' | 'full';
    jobId: number;
    time: string;
  }): Promise<number> {
    const row = await this.site.db
      .insertInto('sync_history')
      .values({
        site_code: values.siteCode,
        software_update_point: values.softwareUpdatePoint,
        sync_source: values.syncSource,
        sync_type: values.syncType,
        job_id: values.jobId,
        started_at: values.time,
        last_state_message_id: 6701,
        last_state_time: values.time,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async state(id: number, messageId: number, time: string, more: Partial<Row> = {}): Promise<void> {
    await this.site.db
      .updateTable('sync_history')
      .set({ ...more, last_state_message_id: messageId, last_state_time: time })
      .where('id', '=', id)
      .execute();
  }

  async list(query: z.output<typeof SyncHistoryQuery>): Promise<ListPage<SyncHistoryRow>> {
    const lastSuccess = await this.site.read
      .selectFrom('sync_history')
      .select((eb) => eb.fn.max('finished_at').as('at'))
      .where('last_state_message_id', '=', 6702)
      .executeTakeFirst();
    let base = this.site.read.selectFrom('sync_history');
    const text = query.filter?.text;
    if (text)
      base = base.where((eb) =>
        eb.or(
          ['sync_source', 'sync_type', 'software_update_point', 'error_text'].map((column) =>
            containsText(column, text),
          ),
        ),
      );
    const page = await readPage<Row>(base, {
      sortColumn: 'started_at',
      direction: query.sort?.direction ?? 'desc',
      idColumn: 'id',
      page: query.page,
    });
    return pageOf(page, (row) => toSyncHistoryRow(row, (lastSuccess?.at as string | null) ?? null));
  }
}

function toSyncHistoryRow(row: Row, lastSuccessfulSyncAt: string | null): SyncHistoryRow {
  return {
    id: row.id,
    softwareUpdatePoint: row.software_update_point,
    siteCode: row.site_code,
    syncSource: row.sync_source,
    syncType: row.sync_type as SyncHistoryRow['syncType'],
    lastStateMessageId: row.last_state_message_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    lastSuccessfulSyncAt,
    lastStateTime: row.last_state_time,
    errorCode: row.error_code,
    errorText: row.error_text,
    catalogVersion: row.catalog_version,
    updatesAdded: row.updates_added,
    updatesChanged: row.updates_changed,
    updatesExpired: row.updates_expired,
    jobId: row.job_id,
  };
}
