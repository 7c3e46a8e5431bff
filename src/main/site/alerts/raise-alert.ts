import type { Db } from '../compliance/update-counters';

/**
 * Raises one alert under its key: a new row the first time, and after that the same row made
 * Active again with one more occurrence, as ConfigMgr counts a condition that keeps coming back.
 */
export async function raiseSiteAlert(
  db: Db,
  alert: { key: string; name: string; type: string; message: string; severity?: string },
  now: string,
): Promise<void> {
  const { message } = alert;
  await db
    .insertInto('alert')
    .values({
      alert_key: alert.key,
      name: alert.name,
      type: alert.type,
      severity: alert.severity ?? 'Critical',
      state: 'Active',
      message,
      first_raised_at: now,
      last_raised_at: now,
    })
    .onConflict((conflict) =>
      conflict.column('alert_key').doUpdateSet((eb) => ({
        state: 'Active',
        message,
        last_raised_at: now,
        closed_at: null,
        occurrences: eb('alert.occurrences', '+', 1),
      })),
    )
    .execute();
}

/** Cancels the active alerts under these keys (the condition cleared); returns how many. */
export async function cancelSiteAlerts(
  db: Db,
  keys: readonly string[],
  now: string,
): Promise<number> {
  if (keys.length === 0) return 0;
  const result = await db
    .updateTable('alert')
    .set({ state: 'Canceled', closed_at: now })
    .where('alert_key', 'in', keys)
    .where('state', '=', 'Active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
