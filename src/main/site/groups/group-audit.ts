import type { Kysely } from 'kysely';
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
  await trx
    .insertInto('audit_log')
    .values({
      time: entry.time,
      user_name: entry.user,
      action: entry.action,
      object_type: 'SoftwareUpdateGroup',
      object_id: String(entry.group.id),
      object_name: entry.group.name,
      details: JSON.stringify(entry.details),
    })
    .execute();
}
