import { sql } from 'kysely';
import { systemClock } from '../../src/main/site/clock';
import { summarizeCompliance } from '../../src/main/site/compliance/summarization';
import type { Site } from '../../src/main/site/site';
import { seedClients, seedUpdates } from '../support/compliance-fixture';
import { medianOf, type BenchRow } from '../support/measure';

/**
 * Fills client and client_update_state with `clients` × every update, set-based in the
 * database (generate_series / a recursive CTE), without the (ci_id, state) index until the
 * end, as a restore would. Returns how long the fill took.
 */
async function fill(site: Site, clients: number): Promise<number> {
  const db = site.database.db;
  const started = performance.now();
  const now = new Date().toISOString();
  await seedClients(site, clients, now);
  await sql`DROP INDEX client_update_state_update`.execute(db);
  // A fixture, not traffic: PostgreSQL skips the per-row foreign-key triggers while filling.
  if (site.database.dialect === 'postgres')
    await sql`ALTER TABLE client_update_state DISABLE TRIGGER ALL`.execute(db);
  const step = 5000;
  for (let from = 1; from <= clients; from += step) {
    const to = Math.min(clients, from + step - 1);
    // Every detection state, spread by client and update so each counter is non-zero.
    await sql`INSERT INTO client_update_state (client_id, ci_id, state, state_time)
              SELECT c.id, u.ci_id, (c.id * 7 + u.ci_id) % 4, ${now}
              FROM client c CROSS JOIN software_update u
              WHERE c.id BETWEEN ${from} AND ${to}`.execute(db);
  }
  if (site.database.dialect === 'postgres')
    await sql`ALTER TABLE client_update_state ENABLE TRIGGER ALL`.execute(db);
  await sql`CREATE INDEX client_update_state_update ON client_update_state (ci_id, state, client_id)`.execute(
    db,
  );
  // What autovacuum does after a bulk load: statistics, and the visibility map that lets the
  // recount read the covering index alone instead of visiting every heap row.
  if (site.database.dialect === 'postgres')
    await sql`VACUUM ANALYZE client_update_state`.execute(db);
  return performance.now() - started;
}

/** P5: Run Summarization's full recompute over `clients` × `updates` per-client states. */
export async function fullSummarization(
  site: Site,
  engine: 'sqlite' | 'postgres',
  clients: number,
  updates: number,
  runs: number,
): Promise<BenchRow> {
  await seedUpdates(site, updates);
  const fillMs = await fill(site, clients);
  // A group of 50 updates, so group compliance is recomputed too.
  const group = await site.handlers['groups.create'](
    { name: 'Bench group', description: '', ciIds: [] },
    { user: 'bench', transport: 'test' },
  );
  const members = await site.database.db
    .selectFrom('software_update')
    .select('ci_id')
    .limit(50)
    .execute();
  await site.handlers['groups.setMembership'](
    { groupIds: [group.id], add: members.map((m) => m.ci_id), remove: [], uncheckedGroupIds: [] },
    { user: 'bench', transport: 'test' },
  );
  let corrected = 0;
  let phases = '';
  const ms = await medianOf(runs, async () => {
    const result = await summarizeCompliance(site.database, systemClock);
    corrected = result.correctedUpdates + result.correctedGroups;
    phases = `updates ${result.updatesMs} ms, groups ${result.groupsMs} ms`;
  });
  const rows = clients * updates;
  return {
    scenario: `P5 Run Summarization, full recompute (${engine})`,
    size: `${clients.toLocaleString('en')} clients × ${updates} updates = ${(rows / 1e6).toFixed(1)}M states`,
    medianMs: ms,
    rate: `${(((rows / ms) * 1000) / 1e6).toFixed(1)}M states/s`,
    target: '< 5 s at 200,000 × 300',
    ratio: `${phases}; fixture fill ${(fillMs / 1000).toFixed(0)} s; ${corrected} counters corrected (the fixture bypasses the live path)`,
  };
}
