import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/audit-entry';
import type { SiteSchema } from '../db/schema-types';

export interface GroupAuditEntry {
  time: string;
  user: string;
  /** What the admin did, as the audit list shows it, e.g. "Create software update group". */
  action: string;
  group: { id: number; name: string };
  details: Record<string, unknown>;
}

/** One audit row per changed group, written by the caller's transaction so both or neither land. */
export async function writeGroupAudit(trx: Kysely<SiteSchema>, entry: GroupAuditEntry) {
  const { group, ...rest } = entry;
  await writeAudit(trx, { ...rest, objectType: 'SoftwareUpdateGroup', object: group });
}
