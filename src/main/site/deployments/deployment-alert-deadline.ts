import { sql } from 'kysely';
import type { AlertOffsetUnit } from '../../../shared/contract/deployments';
import type { Db } from '../compliance/update-counters';

const minute = 60_000;
/** The widest offsets a client may report (client protocol: UTC-12:00 … UTC+14:00). */
const westmost = -720;
const eastmost = 840;

/** A deadline stored as a wall clock, read as UTC (an explicit zone suffix wins). */
export function instantOf(wallClock: string): number {
  return Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(wallClock) ? wallClock : `${wallClock}Z`);
}

export function addOffset(at: number, amount: number, unit: AlertOffsetUnit): number {
  const date = new Date(at);
  if (unit === 'Hours') date.setUTCHours(date.getUTCHours() + amount);
  else if (unit === 'Days') date.setUTCDate(date.getUTCDate() + amount);
  else if (unit === 'Weeks') date.setUTCDate(date.getUTCDate() + amount * 7);
  else date.setUTCMonth(date.getUTCMonth() + amount);
  return date.getTime();
}

export interface AlertDeadline {
  id: number;
  collectionId: number;
  deadline: string;
  timeBasedOn: string;
  offsetFromDeadline: number;
  offsetUnit: AlertOffsetUnit;
}

/**
 * The ids of deployments whose alert is due at `now`: deadline plus the alert's offset.
 *
 * A UTC deadline is one instant for every client. A Client local time deadline is evaluated by
 * each client on its own clock (§7.3), so it falls at a different instant per time zone; a
 * site-wide compliance alert judges the deployment only once the deadline has passed on every
 * targeted client, i.e. as it falls at the westernmost one (the smallest reported offset).
 * Judging earlier would count clients whose deadline has not come yet as non-compliant. Clients
 * that reported no offset count as UTC, as the site has no better clock for them.
 */
export async function dueAlertIds(
  db: Db,
  deployments: readonly AlertDeadline[],
  now: Date,
): Promise<Set<number>> {
  const at = now.getTime();
  const dueAt = (row: AlertDeadline, offsetMinutes: number) =>
    addOffset(
      instantOf(row.deadline) - offsetMinutes * minute,
      row.offsetFromDeadline,
      row.offsetUnit,
    );
  const due = new Set<number>();
  const undecided: AlertDeadline[] = [];
  for (const row of deployments) {
    if (row.timeBasedOn !== 'LocalTime') {
      if (dueAt(row, 0) <= at) due.add(row.id);
    } else if (dueAt(row, westmost) <= at) due.add(row.id);
    // Only when the instant lies between the eastmost and westmost zones do members decide.
    else if (dueAt(row, eastmost) <= at) undecided.push(row);
  }
  const west = await westernmostOffsets(
    db,
    undecided.map((row) => row.collectionId),
  );
  for (const row of undecided)
    if (dueAt(row, west.get(row.collectionId) ?? 0) <= at) due.add(row.id);
  return due;
}

/** The smallest UTC offset among each collection's members (null offsets as UTC). */
async function westernmostOffsets(
  db: Db,
  collectionIds: readonly number[],
): Promise<Map<number, number>> {
  if (collectionIds.length === 0) return new Map();
  const rows = await sql<{ collection_id: number; west: number }>`
    SELECT m.collection_id, MIN(COALESCE(c.time_zone_offset_minutes, 0)) AS west
    FROM collection_member m JOIN client c ON c.id = m.client_id
    WHERE m.collection_id IN (${sql.join([...new Set(collectionIds)])})
    GROUP BY m.collection_id
  `.execute(db);
  return new Map(rows.rows.map((row) => [Number(row.collection_id), Number(row.west)]));
}
