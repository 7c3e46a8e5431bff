import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import { applyCounterDeltas, type CounterDelta, type Db } from './update-counters';

export interface StateRow {
  client_id: number;
  ci_id: number;
  state: number;
  state_time: string;
}

/**
 * The row work of a state message batch: look up updates, read the held states, write the new
 * ones and move the counters. PostgreSQL gets set-based statements (a round trip each); SQLite
 * gets cached prepared statements run per row on the transaction's own connection, because
 * preparing a 1,500-parameter statement per batch costs more than the rows themselves.
 */
export interface DetectionStore {
  ciIdsOf(updateIds: string[]): Promise<Map<string, number>>;
  heldStates(
    clientId: number,
    ciIds: number[],
  ): Promise<Map<number, { state: number; time: string }>>;
  writeStates(rows: StateRow[]): Promise<void>;
  moveCounters(deltas: Iterable<CounterDelta>): Promise<void>;
  /** The updates among `ciIds` that belong to some software update group. */
  groupedUpdates(ciIds: number[]): Promise<number[]>;
}

const chunkSize = 1000;

export function setBasedStore(db: Db, isLockedInOrder: boolean): DetectionStore {
  return {
    async ciIdsOf(updateIds) {
      const found = new Map<string, number>();
      for (let start = 0; start < updateIds.length; start += chunkSize) {
        const rows = await db
          .selectFrom('software_update')
          .select(['ci_id', 'update_id'])
          .where('update_id', 'in', updateIds.slice(start, start + chunkSize))
          .execute();
        for (const row of rows) found.set(row.update_id.toLowerCase(), row.ci_id);
      }
      return found;
    },
    async heldStates(clientId, ciIds) {
      const held = new Map<number, { state: number; time: string }>();
      for (let start = 0; start < ciIds.length; start += chunkSize) {
        const rows = await db
          .selectFrom('client_update_state')
          .select(['ci_id', 'state', 'state_time'])
          .where('client_id', '=', clientId)
          .where('ci_id', 'in', ciIds.slice(start, start + chunkSize))
          .execute();
        for (const row of rows) held.set(row.ci_id, { state: row.state, time: row.state_time });
      }
      return held;
    },
    async writeStates(rows) {
      for (let start = 0; start < rows.length; start += chunkSize)
        await db
          .insertInto('client_update_state')
          .values(rows.slice(start, start + chunkSize))
          .onConflict((conflict) =>
            conflict.columns(['client_id', 'ci_id']).doUpdateSet({
              state: sql`excluded.state`,
              state_time: sql`excluded.state_time`,
            }),
          )
          .execute();
    },
    moveCounters: (deltas) => applyCounterDeltas(db, deltas, isLockedInOrder),
    async groupedUpdates(ciIds) {
      if (ciIds.length === 0) return [];
      const rows = await db
        .selectFrom('software_update_group_member')
        .select('ci_id')
        .distinct()
        .where('ci_id', 'in', ciIds)
        .execute();
      return rows.map((row) => row.ci_id);
    },
  };
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  return {
    ciId: sqlite.prepare('SELECT ci_id FROM software_update WHERE update_id = ?').pluck(),
    held: sqlite.prepare(
      'SELECT state, state_time AS time FROM client_update_state WHERE client_id = ? AND ci_id = ?',
    ),
    write: sqlite.prepare(
      'INSERT INTO client_update_state (client_id, ci_id, state, state_time) VALUES (?, ?, ?, ?) ON CONFLICT (client_id, ci_id) DO UPDATE SET state = excluded.state, state_time = excluded.state_time',
    ),
    move: sqlite.prepare(
      'UPDATE update_compliance_summary SET num_unknown = num_unknown + ?, num_not_required = num_not_required + ?, num_required = num_required + ?, num_installed = num_installed + ?, num_compliant = num_compliant + ? WHERE ci_id = ?',
    ),
    grouped: sqlite
      .prepare('SELECT 1 FROM software_update_group_member WHERE ci_id = ? LIMIT 1')
      .pluck(),
  };
}

/** Only valid inside a transaction opened on the same connection (Kysely's SQLite writer). */
export function preparedStore(sqlite: Database.Database): DetectionStore {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = prepare(sqlite);
    prepared.set(sqlite, statements);
  }
  const s = statements;
  return {
    async ciIdsOf(updateIds) {
      const found = new Map<string, number>();
      for (const updateId of updateIds) {
        const ciId = s.ciId.get(updateId) as number | undefined;
        if (ciId !== undefined) found.set(updateId, ciId);
      }
      return found;
    },
    async heldStates(clientId, ciIds) {
      const held = new Map<number, { state: number; time: string }>();
      for (const ciId of ciIds) {
        const row = s.held.get(clientId, ciId) as { state: number; time: string } | undefined;
        if (row) held.set(ciId, row);
      }
      return held;
    },
    async writeStates(rows) {
      for (const row of rows) s.write.run(row.client_id, row.ci_id, row.state, row.state_time);
    },
    async moveCounters(deltas) {
      for (const d of deltas)
        if (d.unknown || d.notRequired || d.required || d.installed)
          s.move.run(
            d.unknown,
            d.notRequired,
            d.required,
            d.installed,
            d.notRequired + d.installed,
            d.ciId,
          );
    },
    async groupedUpdates(ciIds) {
      return ciIds.filter((ciId) => s.grouped.get(ciId) !== undefined);
    },
  };
}
