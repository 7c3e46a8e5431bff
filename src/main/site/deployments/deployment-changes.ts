import type { z } from 'zod';
import {
  deploymentSettingsProblems,
  type DeploymentChange,
  type DeploymentDetail,
  type DeploymentSettings,
} from '../../../shared/contract/deployments';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import { refreshDeployedFlags } from '../groups/deployed-members';
import type { StatusMessages } from '../status/status-messages';
import {
  raiseDeploymentAudits,
  writeDeploymentAudit,
  type DeploymentAuditEntry,
} from './deployment-audit';
import { asDeploymentNameConflict, checkDeploymentName } from './deployment-names';
import { readDeployment, readDeploymentRow, settingsOf } from './deployment-rows';
import { settingsColumns } from './deployment-store';
import { deploymentsChanged } from './deployment-topics';
import { nowFor } from './deployment-validation';
import { fieldError } from './field-error';

export interface DeploymentServices {
  site: SiteDatabase;
  clock: Clock;
  events: SiteEvents;
  statusMessages: StatusMessages;
}

type Change = z.output<typeof DeploymentChange>;
const pages = ['scheduling', 'userExperience', 'alerts', 'downloadSettings'] as const;

/** The stored settings with the change laid over them, page by page. */
function mergeSettings(current: DeploymentSettings, change: Change): DeploymentSettings {
  const merged: DeploymentSettings = {
    ...current,
    deploymentSettings: { ...current.deploymentSettings, ...change.deploymentSettings },
  };
  for (const page of pages)
    Object.assign(merged, { [page]: { ...current[page], ...change[page] } });
  return merged;
}

/** Which fields a change really changes, for the audit message ("scheduling.deadlineTime"). */
function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix = '',
): string[] {
  return Object.keys(after).flatMap((key) => {
    const [was, now] = [before[key], after[key]];
    if (now !== null && typeof now === 'object' && was !== null && typeof was === 'object')
      return changedFields(
        was as Record<string, unknown>,
        now as Record<string, unknown>,
        `${prefix}${key}.`,
      );
    return JSON.stringify(was) === JSON.stringify(now) ? [] : [`${prefix}${key}`];
  });
}

/**
 * Deployment Properties (Set-CMSoftwareUpdateDeployment): the purpose stays, and the rules
 * between fields are checked again on the settings as they would be after the change.
 */
export async function updateDeployment(
  services: DeploymentServices,
  change: Change,
  user: string,
): Promise<DeploymentDetail> {
  const { site, clock } = services;
  const row = await readDeploymentRow(site.db, change.id);
  const current = settingsOf(row);
  const purpose = change.deploymentSettings?.purpose;
  if (purpose !== undefined && purpose !== current.deploymentSettings.purpose)
    throw fieldError('refused', [
      {
        path: ['deploymentSettings', 'purpose'],
        message: `the type of deployment cannot be changed after it is created (it is ${current.deploymentSettings.purpose})`,
      },
    ]);
  const settings = mergeSettings(current, change);
  const problems = deploymentSettingsProblems(settings, nowFor(settings, clock));
  if (problems.length > 0) throw fieldError('invalid-input', problems);
  const name = change.name ?? row.name;
  if (change.name !== undefined) await checkDeploymentName(site.db, name, row.id, ['name']);
  const description = change.description ?? row.description;
  const fields = [
    ...changedFields({ name: row.name, description: row.description }, { name, description }),
    ...changedFields(current, settings),
  ];
  if (fields.length === 0) return readDeployment(site, clock, row.id, site.db);
  const now = clock.now().toISOString();
  const audit: DeploymentAuditEntry = {
    action: 'modified',
    time: now,
    user,
    deployment: { id: row.id, name, assignmentType: row.assignment_type },
    details: { changed: fields.join(', ') },
  };
  try {
    await site.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('deployment')
        .set({
          name,
          description,
          ...settingsColumns(settings, clock),
          modified_at: now,
          modified_by: user,
        })
        .where('id', '=', row.id)
        .execute();
      await writeDeploymentAudit(trx, audit);
    });
  } catch (error) {
    throw asDeploymentNameConflict(error, name, ['name']);
  }
  await raiseDeploymentAudits(services.statusMessages, [audit]);
  deploymentsChanged(services.events);
  return readDeployment(site, clock, row.id, site.db);
}

async function existing(services: DeploymentServices, ids: number[]) {
  const unique = [...new Set(ids)];
  const rows = await services.site.db
    .selectFrom('deployment')
    .select(['id', 'name', 'assignment_type', 'is_enabled'])
    .where('id', 'in', unique)
    .execute();
  const missing = unique.find((id) => !rows.some((row) => row.id === id));
  if (missing !== undefined)
    throw fieldError('not-found', [
      { path: ['ids'], message: `deployment ${missing} does not exist` },
    ]);
  return rows;
}

/** Enable / Disable: a disabled deployment is withdrawn from client policy at the next poll. */
export async function setDeploymentsEnabled(
  services: DeploymentServices,
  ids: number[],
  isEnabled: boolean,
  user: string,
): Promise<{ changed: number }> {
  const rows = (await existing(services, ids)).filter(
    (row) => (row.is_enabled === 1) !== isEnabled,
  );
  if (rows.length === 0) return { changed: 0 };
  const now = services.clock.now().toISOString();
  const audits = rows.map((row): DeploymentAuditEntry => ({
    action: 'modified',
    time: now,
    user,
    deployment: { id: row.id, name: row.name, assignmentType: row.assignment_type },
    details: { changed: 'enabled', enabled: isEnabled },
  }));
  await services.site.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('deployment')
      .set({ is_enabled: isEnabled ? 1 : 0, modified_at: now, modified_by: user })
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    for (const audit of audits) await writeDeploymentAudit(trx, audit);
  });
  await raiseDeploymentAudits(services.statusMessages, audits);
  deploymentsChanged(services.events);
  return { changed: rows.length };
}

/**
 * Remove-CMSoftwareUpdateDeployment: the deployments, their updates and client states go in one
 * transaction with their audit rows; an update no other deployment holds is no longer Deployed.
 */
export async function deleteDeployments(
  services: DeploymentServices,
  ids: number[],
  user: string,
): Promise<{ deleted: number }> {
  const rows = await existing(services, ids);
  const now = services.clock.now().toISOString();
  const audits = rows.map((row): DeploymentAuditEntry => ({
    action: 'deleted',
    time: now,
    user,
    deployment: { id: row.id, name: row.name, assignmentType: row.assignment_type },
    details: {},
  }));
  const deploymentIds = rows.map((row) => row.id);
  await services.site.db.transaction().execute(async (trx) => {
    const held = await trx
      .selectFrom('deployment_update')
      .select('ci_id')
      .distinct()
      .where('deployment_id', 'in', deploymentIds)
      .execute();
    await trx.deleteFrom('deployment_update').where('deployment_id', 'in', deploymentIds).execute();
    await trx
      .deleteFrom('client_deployment_state')
      .where('deployment_id', 'in', deploymentIds)
      .execute();
    await trx.deleteFrom('deployment').where('id', 'in', deploymentIds).execute();
    await refreshDeployedFlags(
      trx,
      held.map((row) => row.ci_id),
    );
    for (const audit of audits) await writeDeploymentAudit(trx, audit);
  });
  await raiseDeploymentAudits(services.statusMessages, audits);
  deploymentsChanged(services.events);
  return { deleted: rows.length };
}
