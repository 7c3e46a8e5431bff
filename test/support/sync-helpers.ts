import type { Job } from '../../src/shared/contract';
import type { Site } from '../../src/main/site/site';
import { jobEnd } from './test-site';

/** Starts Synchronize Software Updates as the console does and waits for the job to end. */
export async function syncAndWait(site: Site, isFull = false): Promise<Job> {
  const { jobId } = await site.handlers['sync.start'](
    { isFull },
    { user: 'test', transport: 'test' },
  );
  return jobEnd(site, jobId, 30_000);
}

const catalogTables = [
  ['software_update', 'ci_id'],
  ['software_update_product', 'ci_id, product_id'],
  ['software_update_language', 'ci_id, language_code'],
  ['software_update_cve', 'ci_id, cve_id'],
  ['update_supersedence', 'id'],
  ['content_file', 'id'],
  ['product', 'id'],
  ['cve', 'id'],
  ['site_setting', 'key'],
] as const;

/** Every catalog row, in a stable order: "the catalog is exactly as it was" compares these. */
export async function catalogSnapshot(site: Site): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const [table, order] of catalogTables) {
    const rows = await site.database.db
      .selectFrom(table)
      .selectAll()
      .orderBy(order.split(', ') as never)
      .execute();
    snapshot[table] = rows.filter(
      (row) =>
        !('key' in row) ||
        // Scheduler bookkeeping (rules.*) moves in a sync's wake, not with the catalog.
        !/^(sync\.lastScheduled|rules\.)/.test(String(row.key)),
    );
  }
  return snapshot;
}

export async function statusMessageIds(site: Site): Promise<number[]> {
  const rows = await site.database.db
    .selectFrom('status_message')
    .select('message_id')
    .where('component', '=', 'SMS_WSUS_SYNC_MANAGER')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.message_id);
}
