import type { Kysely } from 'kysely';
import type { SiteSchema } from '../db/schema-types';
import type { StatusMessages } from '../status/status-messages';

/** The SMS Provider's audit messages for updates assignments (spec §13.2). */
export const deploymentAuditIds = { created: 30196, modified: 30197, deleted: 30198 } as const;
export type DeploymentAuditAction = keyof typeof deploymentAuditIds;

export interface DeploymentAuditEntry {
  action: DeploymentAuditAction;
  time: string;
  user: string;
  deployment: { id: number; name: string; assignmentType: number };
  /** What changed or what was deployed, e.g. { collection: 'All Systems', updates: 12 }. */
  details: Record<string, unknown>;
}

const classOf = (assignmentType: number) =>
  assignmentType === 5 ? 'SMS_UpdateGroupAssignment' : 'SMS_UpdatesAssignment';

/** The audit message's sentence, as ConfigMgr words 30196–30198. */
export function auditSentence(entry: DeploymentAuditEntry): string {
  const what = Object.entries(entry.details)
    .map(([key, value]) => `${key} = ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
  return `User "${entry.user}" ${entry.action} updates assignment ${entry.deployment.id} ("${entry.deployment.name}")${what ? `: ${what}` : ''}.`;
}

/** The audit row, in the caller's transaction so the change and its record land together. */
export async function writeDeploymentAudit(
  trx: Kysely<SiteSchema>,
  entry: DeploymentAuditEntry,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      time: entry.time,
      user_name: entry.user,
      message_id: deploymentAuditIds[entry.action],
      action: `${entry.action[0]!.toUpperCase()}${entry.action.slice(1)} software update deployment`,
      object_type: classOf(entry.deployment.assignmentType),
      object_id: String(entry.deployment.id),
      object_name: entry.deployment.name,
      details: JSON.stringify(entry.details),
    })
    .execute();
}

/** After the commit: the status message in Monitoring and the STATMSG line in SMSProv.log. */
export async function raiseDeploymentAudits(
  statusMessages: StatusMessages,
  entries: DeploymentAuditEntry[],
  jobId: number | null = null,
): Promise<void> {
  for (const entry of entries)
    await statusMessages.raise({
      component: 'SMS_PROVIDER',
      messageId: deploymentAuditIds[entry.action],
      severity: 'Informational',
      message: auditSentence(entry),
      insertionStrings: [entry.user, String(entry.deployment.id), entry.deployment.name],
      jobId,
    });
}
