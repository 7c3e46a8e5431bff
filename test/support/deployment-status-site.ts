import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { AlertsPage, DownloadSettingsPage, UserExperiencePage } from '../../src/shared/contract';
import type { Site } from '../../src/main/site/site';
import type { ClientRegistrationResult } from '../../src/shared/contract/clients';
import { openComplianceSite } from './compliance-site';
import { deploy, type DeploymentRequest } from './deployment-site';
import type { EngineName } from './engines';

/**
 * A deployment row as migration 0005 holds it, with an AssignmentUniqueID the test chooses: for
 * replaying messages sent before the deployment existed. Other tests deploy through
 * `deployments.create` (`deployTo`).
 */
export async function insertDeploymentRow(
  site: Site,
  row: {
    name: string;
    collectionId: number;
    ciIds: number[];
    purpose?: 'Required' | 'Available';
    deadlineAt?: string | null;
    alerts?: Partial<z.input<typeof AlertsPage>>;
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

/** A compliance site with `clientCount` registered workstations, all in All Systems. */
export async function openStatusSite(engine: EngineName, clientCount: number) {
  const opened = await openComplianceSite(engine);
  const clients: ClientRegistrationResult[] = [];
  for (let i = 1; i <= clientCount; i += 1)
    clients.push(
      await opened.mp.register({
        name: `ws-${String(i).padStart(3, '0')}`,
        domain: 'CONTOSO',
        osName: 'Windows 11',
        osBuild: '10.0.22631',
        products: ['Windows 11'],
      }),
    );
  const allSystems = await opened.site.database.db
    .selectFrom('collection')
    .select('id')
    .where('name', '=', 'All Systems')
    .executeTakeFirstOrThrow();
  return { ...opened, clients, collectionId: allSystems.id };
}

/** Deploys updates through `deployments.create` (no content pages) and returns id and GUID. */
export async function deployTo(
  site: Site,
  collectionId: number,
  ciIds: number[],
  more: Partial<DeploymentRequest> = {},
): Promise<{ id: number; uniqueId: string }> {
  const id = await deploy(site, {
    selection: { ciIds },
    general: { collectionId, name: `Deployment ${ciIds.join(',')} ${Math.random()}` },
    ...more,
  });
  const row = await site.database.db
    .selectFrom('deployment')
    .select('assignment_unique_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, uniqueId: row.assignment_unique_id };
}
