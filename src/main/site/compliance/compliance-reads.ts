import { sql } from 'kysely';
import type { z } from 'zod';
import {
  detectionStates,
  scanStates,
  type DeviceCompliance,
  type GroupCompliance,
  type UnknownDevice,
  type UpdateCompliance,
} from '../../../shared/contract/compliance';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { hexErrorCode, unknownReasonOf } from './unknown-reasons';

/** Every client of the site counts towards every update and group (the Total of §3.2). */
export async function clientCount(site: SiteDatabase): Promise<number> {
  const row = await site.read
    .selectFrom('client')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

const percent = (part: number, total: number) => (total > 0 ? Math.floor((part * 100) / total) : 0);

export async function updateCompliance(
  site: SiteDatabase,
  ciId: number,
): Promise<UpdateCompliance> {
  const row = await site.read
    .selectFrom('software_update as u')
    .innerJoin('update_compliance_summary as s', 's.ci_id', 'u.ci_id')
    .select([
      'u.ci_id',
      'u.title',
      's.num_required',
      's.num_installed',
      's.num_not_required',
      's.summarized_at',
    ])
    .where('u.ci_id', '=', ciId)
    .executeTakeFirst();
  if (!row) throw new SiteError('not-found', `ciId: software update ${ciId} does not exist.`);
  const total = await clientCount(site);
  const known = row.num_required + row.num_installed + row.num_not_required;
  return {
    ciId: row.ci_id,
    title: row.title,
    required: row.num_required,
    installed: row.num_installed,
    notRequired: row.num_not_required,
    unknown: total - known,
    total,
    percentCompliant: percent(row.num_installed + row.num_not_required, total),
    lastSummarizedAt: row.summarized_at,
  };
}

export async function groupCompliance(
  site: SiteDatabase,
  groupId: number,
): Promise<GroupCompliance> {
  const row = await site.read
    .selectFrom('software_update_group as g')
    .leftJoin('group_compliance_summary as s', 's.group_id', 'g.id')
    .select(['g.id', 'g.name', 's.num_compliant', 's.num_non_compliant'])
    .where('g.id', '=', groupId)
    .executeTakeFirst();
  if (!row)
    throw new SiteError('not-found', `groupId: software update group ${groupId} does not exist.`);
  const total = await clientCount(site);
  const compliant = row.num_compliant ?? 0;
  const nonCompliant = row.num_non_compliant ?? 0;
  return {
    groupId: row.id,
    name: row.name,
    compliant,
    nonCompliant,
    unknown: total - compliant - nonCompliant,
    total,
    percentCompliant: percent(compliant, total),
  };
}

/** Compliance 5 — Specific computer: every update the device sent a state for. */
export async function deviceCompliance(
  site: SiteDatabase,
  clientId: number,
): Promise<z.output<typeof DeviceCompliance>> {
  const client = await site.read
    .selectFrom('client')
    .select(['id', 'name', 'last_scan_at', 'last_scan_state', 'last_scan_error_code'])
    .where('id', '=', clientId)
    .executeTakeFirst();
  if (!client) throw new SiteError('not-found', `clientId: device ${clientId} does not exist.`);
  const states = await site.read
    .selectFrom('client_update_state as s')
    .innerJoin('software_update as u', 'u.ci_id', 's.ci_id')
    .select(['u.ci_id', 'u.article_id', 'u.title', 's.state', 's.state_time'])
    .where('s.client_id', '=', clientId)
    .orderBy('u.article_id')
    .orderBy('u.ci_id')
    .execute();
  return {
    clientId: client.id,
    name: client.name,
    lastScanAt: client.last_scan_at,
    lastScanState: scanStates[client.last_scan_state] ?? 'Scan state unknown',
    lastScanErrorCode: hexErrorCode(client.last_scan_error_code),
    updates: states.map((row) => ({
      ciId: row.ci_id,
      articleId: row.article_id,
      title: row.title,
      state: detectionStates[row.state] ?? 'Unknown',
      stateTime: row.state_time,
    })),
  };
}

/** The devices counted Unknown for an update, each with its reason. */
export async function unknownDevices(
  site: SiteDatabase,
  clock: Clock,
  ciId: number,
  page: { size: number; offset: number },
  staleAfterDays: number,
): Promise<{ rows: Array<z.output<typeof UnknownDevice>>; total: number }> {
  await updateCompliance(site, ciId);
  const base = site.read
    .selectFrom('client as c')
    .leftJoin('client_update_state as s', (join) =>
      join.onRef('s.client_id', '=', 'c.id').on('s.ci_id', '=', ciId),
    )
    .where((eb) => eb.or([eb('s.client_id', 'is', null), eb('s.state', '=', 0)]));
  const count = await base.select(sql<number>`COUNT(*)`.as('total')).executeTakeFirst();
  const rows = await base
    .select([
      'c.id',
      'c.name',
      'c.site_code',
      'c.last_scan_at',
      'c.last_scan_state',
      'c.last_scan_error_code',
      's.state',
    ])
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(page.size)
    .offset(page.offset)
    .execute();
  const now = clock.now();
  return {
    total: Number(count?.total ?? 0),
    rows: rows.map((row) => ({
      clientId: row.id,
      name: row.name,
      ...unknownReasonOf(
        {
          siteCode: row.site_code,
          state: row.state,
          lastScanAt: row.last_scan_at,
          lastScanState: row.last_scan_state,
          lastScanErrorCode: row.last_scan_error_code,
        },
        now,
        staleAfterDays,
      ),
    })),
  };
}
