import type { z } from 'zod';
import type { UpdatePropertiesChange } from '../../../shared/contract/software-updates';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';

const severityNumber = { Critical: 10, Important: 8, Moderate: 6, Low: 2, None: 0 } as const;

/**
 * Custom Severity and Maximum Run Time on one or many updates (§3.7), in one transaction with
 * the audit rows, as ConfigMgr records administrator changes.
 */
export async function setUpdateProperties(
  site: SiteDatabase,
  events: SiteEvents,
  clock: Clock,
  change: z.output<typeof UpdatePropertiesChange>,
  user: string,
): Promise<{ changed: number }> {
  const now = clock.now().toISOString();
  const ids = [...new Set(change.ciIds)];
  const changed = await site.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('software_update')
      .select(['ci_id', 'title'])
      .where('ci_id', 'in', ids)
      .execute();
    if (found.length !== ids.length) {
      const missing = ids.find((id) => !found.some((row) => row.ci_id === id));
      throw new SiteError('not-found', `ciIds: software update ${missing} does not exist.`);
    }
    const values: {
      custom_severity?: number;
      max_execution_minutes?: number;
      date_last_modified: string;
    } = {
      date_last_modified: now,
    };
    if (change.customSeverity !== undefined)
      values.custom_severity = severityNumber[change.customSeverity];
    if (change.maxRunTimeMinutes !== undefined)
      values.max_execution_minutes = change.maxRunTimeMinutes;
    const result = await trx
      .updateTable('software_update')
      .set(values)
      .where('ci_id', 'in', ids)
      .executeTakeFirst();
    for (const row of found) {
      await trx
        .insertInto('audit_log')
        .values({
          time: now,
          user_name: user,
          action: 'Set software update properties',
          object_type: 'SoftwareUpdate',
          object_id: String(row.ci_id),
          object_name: row.title,
          details: JSON.stringify({
            customSeverity: change.customSeverity,
            maxRunTimeMinutes: change.maxRunTimeMinutes,
          }),
        })
        .execute();
    }
    return Number(result.numUpdatedRows);
  });
  events.publish({ type: 'data.changed', topics: ['softwareUpdates'] });
  return { changed };
}
