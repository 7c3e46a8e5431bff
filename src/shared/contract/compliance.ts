import { z } from 'zod';
import { method } from './define';
import { IsoTime } from './list-query';

/** TopicType 500, StateID: detection state of one update on one client (spec §4.1). */
export const detectionStates = ['Unknown', 'Not Required', 'Required', 'Installed'] as const;
/** TopicType 501, StateID: the client's scan (spec §4.2). */
export const scanStates = [
  'Scan state unknown',
  'Waiting for catalog location',
  'Running',
  'Completed',
  'Pending retry',
  'Failed',
  'Completed with errors',
] as const;

// State messages are part of the client protocol; re-exported for existing imports.
export { StateMessage, StateMessageBatch, StateMessageBatchResult } from './client-protocol';

/** Why a client counts as Unknown for an update: ConfigMgr only says "Unknown". */
export const unknownReasons = [
  'never scanned',
  'scan failed',
  'last scan older than the limit',
  'not yet assigned to the site',
  'no state received for this update',
  'reported detection state unknown',
] as const;
export const UnknownReason = z.enum(unknownReasons);
export type UnknownReason = z.infer<typeof UnknownReason>;

/** Counters of §3.2 for one update, live from the state messages. */
export const UpdateCompliance = z.object({
  ciId: z.number().int(),
  title: z.string(),
  required: z.number().int(),
  installed: z.number().int(),
  notRequired: z.number().int(),
  unknown: z.number().int(),
  total: z.number().int(),
  percentCompliant: z.number().int(),
  lastSummarizedAt: IsoTime.nullable(),
});
export type UpdateCompliance = z.infer<typeof UpdateCompliance>;

export const GroupCompliance = z.object({
  groupId: z.number().int(),
  name: z.string(),
  compliant: z.number().int(),
  nonCompliant: z.number().int(),
  unknown: z.number().int(),
  total: z.number().int(),
  percentCompliant: z.number().int(),
});
export type GroupCompliance = z.infer<typeof GroupCompliance>;

export const UnknownDevice = z.object({
  clientId: z.number().int(),
  name: z.string(),
  reason: UnknownReason,
  /** The sentence the console shows, with the error code or scan age when there is one. */
  detail: z.string(),
});

/** One update's state on one device (Compliance 5 — Specific computer). */
export const DeviceUpdateState = z.object({
  ciId: z.number().int(),
  articleId: z.string(),
  title: z.string(),
  state: z.enum(detectionStates),
  stateTime: IsoTime.nullable(),
});

export const DeviceCompliance = z.object({
  clientId: z.number().int(),
  name: z.string(),
  lastScanAt: IsoTime.nullable(),
  lastScanState: z.enum(scanStates),
  lastScanErrorCode: z.string(),
  updates: z.array(DeviceUpdateState),
});

/** Summarization schedule (§4.3): Minutes 10–59, Hours 1–23, Days 1–31. */
export const SummarizationSchedule = z
  .discriminatedUnion('unit', [
    z.object({ unit: z.literal('minutes'), every: z.number().int().min(10).max(59) }).strict(),
    z.object({ unit: z.literal('hours'), every: z.number().int().min(1).max(23) }).strict(),
    z.object({ unit: z.literal('days'), every: z.number().int().min(1).max(31) }).strict(),
  ])
  .describe('Schedule Summarization');
export type SummarizationSchedule = z.infer<typeof SummarizationSchedule>;

const page = z.object({
  size: z.number().int().min(1).max(5000).default(100),
  offset: z.number().int().min(0).default(0),
});

export const complianceMethods = {
  'compliance.update': method(
    z.object({ ciId: z.number().int().positive() }).strict(),
    UpdateCompliance,
    "One update's live counters.",
  ),
  'compliance.group': method(
    z.object({ groupId: z.number().int().positive() }).strict(),
    GroupCompliance,
    "One software update group's live counters (Compliant, Non-compliant, Unknown).",
  ),
  'compliance.device': method(
    z.object({ clientId: z.number().int().positive() }).strict(),
    DeviceCompliance,
    'Every update state of one device (Compliance 5 — Specific computer).',
  ),
  'compliance.unknownDevices': method(
    z
      .object({
        ciId: z.number().int().positive(),
        page: page.default({ size: 100, offset: 0 }),
      })
      .strict(),
    z.object({ rows: z.array(UnknownDevice), total: z.number().int() }),
    'The devices counted Unknown for an update, each with why.',
  ),
  'compliance.runSummarization': method(
    z.object({}).strict(),
    z.object({ jobId: z.number().int() }),
    'Run Summarization (Invoke-CMSoftwareUpdateSummarization): a job that recomputes every counter.',
  ),
  'compliance.getSchedule': method(
    z.object({}).strict(),
    z.object({ schedule: SummarizationSchedule, lastRunAt: IsoTime.nullable() }),
    'The summarization schedule; 1 hour by default.',
  ),
  'compliance.setSchedule': method(
    SummarizationSchedule,
    z.object({ schedule: SummarizationSchedule, lastRunAt: IsoTime.nullable() }),
    'Schedule Summarization (Set-CMSoftwareUpdateSummarizationSchedule).',
  ),
} as const;
