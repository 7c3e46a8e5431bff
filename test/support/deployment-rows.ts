import { randomUUID } from 'node:crypto';
import { AlertsPage, DownloadSettingsPage, UserExperiencePage } from '../../src/shared/contract';
import type { Site } from '../../src/main/site/site';

/**
 * A deployment row as migration 0005 holds it, for tests of the status side that need no
 * wizard: the counters, View Status and alerts only read these columns.
 */
export async function insertDeploymentRow(
  site: Site,
  row: {
    name: string;
    collectionId: number;
    ciIds: number[];
    purpose?: 'Required' | 'Available';
    deadlineAt?: string | null;
    alerts?: Partial<AlertsPage>;
    uniqueId?: string;
  },
): Promise<{ id: number; uniqueId: string }> {
  const now = new Date().toISOString();
  const uniqueId = row.uniqueId ?? `{${randomUUID().toUpperCase()}}`;
  const inserted = await site.database.db
    .insertInto('deployment')
    .values({
      assignment_unique_id: uniqueId,
      name: row.name,
      assignment_type: 1,
      collection_id: row.collectionId,
      purpose: row.purpose ?? 'Required',
      available_at: '2026-11-30T08:00:00',
      deadline_at: row.deadlineAt === undefined ? '2026-12-07T08:00:00' : row.deadlineAt,
      user_experience: JSON.stringify(UserExperiencePage.parse({})),
      alerts: JSON.stringify(AlertsPage.parse(row.alerts ?? {})),
      download_settings: JSON.stringify(DownloadSettingsPage.parse({})),
      created_at: now,
      created_by: 'CONTOSO\\admin',
      modified_at: now,
      modified_by: 'CONTOSO\\admin',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (row.ciIds.length > 0)
    await site.database.db
      .insertInto('deployment_update')
      .values(row.ciIds.map((ciId) => ({ deployment_id: inserted.id, ci_id: ciId })))
      .execute();
  return { id: inserted.id, uniqueId };
}
