import { sql, type Kysely, type Transaction } from 'kysely';
import type { SiteSchema } from '../db/schema-types';

export type Db = Kysely<SiteSchema> | Transaction<SiteSchema>;

/** Detection states of TopicType 500, as stored in client_update_state.state. */
export const detection = { unknown: 0, notRequired: 1, required: 2, installed: 3 } as const;

/** How one update's counters move: one column per state. */
export interface CounterDelta {
  ciId: number;
  unknown: number;
  notRequired: number;
  required: number;
  installed: number;
}

const columnOf = ['unknown', 'notRequired', 'required', 'installed'] as const;

/** Adds `count` clients in `state` for an update (a recount from zero). */
export function addCount(
  deltas: Map<number, CounterDelta>,
  ciId: number,
  state: number,
  count: number,
): void {
  let delta = deltas.get(ciId);
  if (!delta) {
    delta = { ciId, unknown: 0, notRequired: 0, required: 0, installed: 0 };
    deltas.set(ciId, delta);
  }
  delta[columnOf[state]!] += count;
}

/** Adds the move of one client's state (old -> new, old null when it never reported). */
export function addMove(
  deltas: Map<number, CounterDelta>,
  ciId: number,
  from: number | null,
  to: number,
): void {
  if (from === to) return;
  let delta = deltas.get(ciId);
  if (!delta) {
    delta = { ciId, unknown: 0, notRequired: 0, required: 0, installed: 0 };
    deltas.set(ciId, delta);
  }
  if (from !== null) delta[columnOf[from]!] -= 1;
  delta[columnOf[to]!] += 1;
}

/**
 * Moves update_compliance_summary by the deltas in one statement per 500 updates. On PostgreSQL
 * the rows are first locked in CI ID order (an UPDATE … FROM join locks in whatever order its
 * plan reads), so concurrent batches queue on the counters instead of deadlocking.
 */
export async function applyCounterDeltas(
  db: Db,
  deltas: Iterable<CounterDelta>,
  isLockedInOrder: boolean,
): Promise<void> {
  const rows = [...deltas]
    .filter((d) => d.unknown || d.notRequired || d.required || d.installed)
    .sort((a, b) => a.ciId - b.ciId);
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    if (isLockedInOrder)
      await sql`SELECT ci_id FROM update_compliance_summary WHERE ci_id IN (${sql.join(chunk.map((d) => d.ciId))}) ORDER BY ci_id FOR UPDATE`.execute(
        db,
      );
    const values = sql.join(
      chunk.map(
        (d) =>
          sql`(CAST(${d.ciId} AS INTEGER), CAST(${d.unknown} AS INTEGER), CAST(${d.notRequired} AS INTEGER), CAST(${d.required} AS INTEGER), CAST(${d.installed} AS INTEGER))`,
      ),
    );
    await sql`
      WITH d(ci_id, u, n, r, i) AS (VALUES ${values})
      UPDATE update_compliance_summary
      SET num_unknown = num_unknown + d.u,
          num_not_required = num_not_required + d.n,
          num_required = num_required + d.r,
          num_installed = num_installed + d.i,
          num_compliant = num_compliant + d.n + d.i
      FROM d
      WHERE update_compliance_summary.ci_id = d.ci_id`.execute(db);
  }
}
