import { z } from 'zod';
import { method } from './define';
import { IsoTime, listPage, listQuery } from './list-query';

/** Severity as the ConfigMgr status message viewer shows it. */
export const StatusSeverity = z.enum(['Informational', 'Warning', 'Error']);
export type StatusSeverity = z.infer<typeof StatusSeverity>;

export const StatusMessage = z.object({
  id: z.number().int(),
  siteCode: z.string(),
  /** ConfigMgr component name, e.g. SMS_WSUS_SYNC_MANAGER. */
  component: z.string(),
  /** ConfigMgr message id, e.g. 6702 for "WSUS Synchronization done". */
  messageId: z.number().int(),
  severity: StatusSeverity,
  message: z.string(),
  machine: z.string(),
  time: IsoTime,
  jobId: z.number().int().nullable(),
});
export type StatusMessage = z.infer<typeof StatusMessage>;

export const StatusMessageListQuery = listQuery(
  z
    .object({
      component: z.string().max(100).optional(),
      messageIds: z.array(z.number().int()).max(100).optional(),
      severities: z.array(StatusSeverity).optional(),
      since: IsoTime.optional(),
      text: z.string().max(200).optional(),
    })
    .strict(),
  ['time', 'component', 'messageId', 'severity'] as const,
);
export type StatusMessageListQuery = z.output<typeof StatusMessageListQuery>;

export const statusMessagesMethods = {
  'statusMessages.list': method(
    StatusMessageListQuery,
    listPage(StatusMessage),
    'Status messages, newest first by default (Monitoring > System Status > Status Messages).',
  ),
} as const;
