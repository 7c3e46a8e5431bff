import type { Kysely } from 'kysely';
import type { SiteSchema } from '../db/schema-types';

export interface AuditEntry {
  time: string;
  user: string;
  /** What the admin did, as the audit list shows it, e.g. "Create software update group". */
  action: string;
  /** The object's type as ConfigMgr's SMS Provider names it (SoftwareUpdateGroup, ClientSettings…). */
  objectType: string;
  object: { id: number; name: string };
  details: Record<string, unknown>;
}

/** One audit row, written by the caller's transaction so the change and its audit land together. */
export async function writeAudit(trx: Kysely<SiteSchema>, entry: AuditEntry) {
  await trx
    .insertInto('audit_log')
    .values({
      time: entry.time,
      user_name: entry.user,
      action: entry.action,
      object_type: entry.objectType,
      object_id: String(entry.object.id),
      object_name: entry.object.name,
      details: JSON.stringify(entry.details),
    })
    .execute();
}
