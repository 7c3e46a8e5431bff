import { sql } from 'kysely';
import type { Db } from './update-counters';

/** A client's compliance with a group (§4.1): all members installed or not required. */
export const groupState = { unknown: 0, compliant: 1, nonCompliant: 2 } as const;

interface MemberCounts {
  group_id: number;
  members: number;
  required: number;
  known: number;
}

function stateOf(counts: MemberCounts): number {
  if (Number(counts.required) > 0) return groupState.nonCompliant;
  if (Number(counts.known) === Number(counts.members)) return groupState.compliant;
  return groupState.unknown;
}

/**
 * After a client's detection states changed for `ciIds`, recomputes its state for every group
 * holding one of them and moves group_compliance_summary by the difference. Unknown is not
 * stored: a client without a row is Unknown, so the counters hold Compliant and Non-compliant.
 */
export async function refreshClientGroups(db: Db, clientId: number, ciIds: number[]) {
  if (ciIds.length === 0) return;
  const groupIds = (
    await db
      .selectFrom('software_update_group_member')
      .select('group_id')
      .distinct()
      .where('ci_id', 'in', ciIds)
      .execute()
  ).map((row) => row.group_id);
  if (groupIds.length === 0) return;
  const counts = await db
    .selectFrom('software_update_group_member as m')
    .leftJoin('client_update_state as s', (join) =>
      join.onRef('s.ci_id', '=', 'm.ci_id').on('s.client_id', '=', clientId),
    )
    .select([
      'm.group_id',
      sql<number>`COUNT(*)`.as('members'),
      sql<number>`SUM(CASE WHEN s.state = 2 THEN 1 ELSE 0 END)`.as('required'),
      sql<number>`SUM(CASE WHEN s.state IN (1, 3) THEN 1 ELSE 0 END)`.as('known'),
    ])
    .where('m.group_id', 'in', groupIds)
    .groupBy('m.group_id')
    .execute();
  const held = new Map(
    (
      await db
        .selectFrom('client_group_state')
        .select(['group_id', 'state'])
        .where('client_id', '=', clientId)
        .where('group_id', 'in', groupIds)
        .execute()
    ).map((row) => [row.group_id, row.state]),
  );
  const sorted = [...counts].sort((a, b) => a.group_id - b.group_id);
  for (const row of sorted) {
    const before = held.get(row.group_id) ?? groupState.unknown;
    const after = stateOf(row);
    if (before === after) continue;
    if (after === groupState.unknown) {
      await db
        .deleteFrom('client_group_state')
        .where('client_id', '=', clientId)
        .where('group_id', '=', row.group_id)
        .execute();
    } else {
      await db
        .insertInto('client_group_state')
        .values({ client_id: clientId, group_id: row.group_id, state: after })
        .onConflict((conflict) =>
          conflict.columns(['client_id', 'group_id']).doUpdateSet({ state: after }),
        )
        .execute();
    }
    await moveGroupCounters(db, row.group_id, before, after);
  }
}

async function moveGroupCounters(db: Db, groupId: number, before: number, after: number) {
  const compliant =
    (after === groupState.compliant ? 1 : 0) - (before === groupState.compliant ? 1 : 0);
  const nonCompliant =
    (after === groupState.nonCompliant ? 1 : 0) - (before === groupState.nonCompliant ? 1 : 0);
  await db
    .insertInto('group_compliance_summary')
    .values({ group_id: groupId, num_compliant: compliant, num_non_compliant: nonCompliant })
    .onConflict((conflict) =>
      conflict.column('group_id').doUpdateSet((eb) => ({
        num_compliant: eb('group_compliance_summary.num_compliant', '+', compliant),
        num_non_compliant: eb('group_compliance_summary.num_non_compliant', '+', nonCompliant),
      })),
    )
    .execute();
}

/**
 * Recomputes every client's state for the given groups from the detection states: used when
 * a group's members change and by Run Summarization (which stamps `summarizedAt`). The rows
 * and counters are replaced in the caller's transaction.
 */
export async function recomputeGroups(
  db: Db,
  groupIds: number[] | 'all',
  summarizedAt: string | null,
) {
  const scope = (column: string) =>
    groupIds === 'all'
      ? sql`1 = 1`
      : groupIds.length === 0
        ? sql`1 = 0`
        : sql`${sql.ref(column)} IN (${sql.join(groupIds)})`;
  await sql`DELETE FROM client_group_state WHERE ${scope('group_id')}`.execute(db);
  let memberQuery = db
    .selectFrom('software_update_group_member')
    .select(['group_id', 'ci_id'])
    .orderBy('group_id');
  if (groupIds !== 'all')
    memberQuery = memberQuery.where('group_id', 'in', groupIds.length > 0 ? groupIds : [0]);
  const groups = await memberQuery.execute();
  const membersOf = new Map<number, number[]>();
  for (const row of groups)
    membersOf.set(row.group_id, [...(membersOf.get(row.group_id) ?? []), row.ci_id]);
  // One group at a time: its members' states grouped by client. A client is Non-compliant
  // when one member is Required, Compliant when every member is Installed or Not Required.
  for (const [groupId, members] of membersOf) {
    await sql`
      INSERT INTO client_group_state (client_id, group_id, state)
      SELECT client_id, CAST(${groupId} AS INTEGER),
             CASE WHEN MAX(CASE WHEN state = 2 THEN 1 ELSE 0 END) = 1 THEN 2 ELSE 1 END
      FROM client_update_state
      WHERE ci_id IN (${sql.join(members)})
      GROUP BY client_id
      HAVING MAX(CASE WHEN state = 2 THEN 1 ELSE 0 END) = 1
          OR SUM(CASE WHEN state IN (1, 3) THEN 1 ELSE 0 END) = ${members.length}`.execute(db);
  }
  await sql`DELETE FROM group_compliance_summary WHERE ${scope('group_id')}`.execute(db);
  await sql`
    INSERT INTO group_compliance_summary (group_id, num_compliant, num_non_compliant, num_unknown, summarized_at)
    SELECT g.id,
           COALESCE(SUM(CASE WHEN c.state = 1 THEN 1 ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN c.state = 2 THEN 1 ELSE 0 END), 0),
           0, CAST(${summarizedAt} AS TEXT)
    FROM software_update_group g
    LEFT JOIN client_group_state c ON c.group_id = g.id
    WHERE ${scope('g.id')}
    GROUP BY g.id`.execute(db);
}
