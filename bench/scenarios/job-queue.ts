import { sql } from 'kysely';
import type { Site } from '../../src/main/site/site';
import { formatRate, medianOf, perSecond, type BenchRow } from '../support/measure';

const kind = 'bench.noop';

async function fill(site: Site, count: number): Promise<void> {
  const now = new Date(Date.now() - 1000).toISOString();
  await sql`DELETE FROM job`.execute(site.database.db);
  const rows = Array.from({ length: count }, () => ({
    kind,
    title: 'Bench',
    params: '{}',
    run_after: now,
    created_at: now,
    created_by: 'bench',
  }));
  for (let start = 0; start < rows.length; start += 1000) {
    await site.database.db
      .insertInto('job')
      .values(rows.slice(start, start + 1000))
      .execute();
  }
}

/** Claims and completes every queued job through JobQueue, `batch` at a time. */
async function drainWithQueue(site: Site, batch: number): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await site.jobs.claim('bench', batch, 60_000, [kind]);
    if (rows.length === 0) return done;
    for (const row of rows) await site.jobs.succeed(row.id, 'bench', null);
    done += rows.length;
  }
}

/** The floor: the same claim and completion as two bare SQL statements per batch. */
async function drainRaw(site: Site, batch: number): Promise<number> {
  const lock = site.database.dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  let done = 0;
  for (;;) {
    const now = new Date().toISOString();
    const claimed = await sql<{ id: number }>`
      UPDATE job SET state = 'running', lease_owner = 'raw'
       WHERE id IN (SELECT id FROM job WHERE state = 'queued' AND run_after <= ${now} ORDER BY id LIMIT ${batch} ${lock})
      RETURNING id`.execute(site.database.db);
    if (claimed.rows.length === 0) return done;
    await sql`UPDATE job SET state = 'succeeded', finished_at = ${now}
               WHERE id IN (${sql.join(claimed.rows.map((row) => row.id))})`.execute(
      site.database.db,
    );
    done += claimed.rows.length;
  }
}

/**
 * Job-queue throughput, one job at a time and in batches of 100, against a raw claim loop on the
 * same engine in the same run (the anchor: 2.8k jobs/s one at a time, 101k/s in batches on
 * PostgreSQL).
 */
export async function jobQueueThroughput(site: Site, count: number): Promise<BenchRow[]> {
  await site.runner.stop();
  const engine = site.database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const rows: BenchRow[] = [];
  for (const batch of [1, 100]) {
    const size = batch === 1 ? Math.min(count, 2000) : count;
    let claimed = 0;
    const ours = await medianOf(
      3,
      async () => {
        claimed = await drainWithQueue(site, batch);
      },
      () => fill(site, size),
    );
    const raw = await medianOf(
      3,
      async () => {
        await drainRaw(site, batch);
      },
      () => fill(site, size),
    );
    if (claimed !== size) throw new Error(`Claimed ${claimed} of ${size} jobs.`);
    rows.push({
      scenario: `Job queue on ${engine}, claim ${batch === 1 ? 'one at a time' : `in batches of ${batch}`}`,
      size: `${size} jobs`,
      medianMs: ours,
      rate: formatRate(size, ours, 'jobs'),
      target: batch === 1 ? '≥ 2.8k/s (anchor)' : '≥ 101k/s (anchor, PostgreSQL)',
      ratio: `${(perSecond(size, ours) / perSecond(size, raw)).toFixed(2)} of raw claim loop (${formatRate(size, raw, 'jobs')})`,
    });
  }
  return rows;
}
