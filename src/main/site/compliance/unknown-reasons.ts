import type { UnknownReason } from '../../../shared/contract/compliance';

export interface UnknownFacts {
  siteCode: string | null;
  /** The client's detection state row for the update: null when it never sent one. */
  state: number | null;
  lastScanAt: string | null;
  lastScanState: number;
  lastScanErrorCode: number;
}

export function hexErrorCode(code: number): string {
  return `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

/**
 * Why a client counts as Unknown for an update, most actionable first. ConfigMgr only says
 * "Unknown"; an admin needs to know whether to fix the client, the scan, or wait.
 */
export function unknownReasonOf(
  facts: UnknownFacts,
  now: Date,
  staleAfterDays: number,
): { reason: UnknownReason; detail: string } {
  if (!facts.siteCode)
    return {
      reason: 'not yet assigned to the site',
      detail: 'The client is not assigned to this site yet.',
    };
  if (facts.lastScanState === 5)
    return {
      reason: 'scan failed',
      detail: `The last scan failed with error ${hexErrorCode(facts.lastScanErrorCode)}${facts.lastScanAt ? ` at ${facts.lastScanAt}` : ''}.`,
    };
  if (!facts.lastScanAt)
    return { reason: 'never scanned', detail: 'The client has not completed a scan yet.' };
  if (facts.state === 0)
    return {
      reason: 'reported detection state unknown',
      detail: 'The client reported "Detection state unknown" for this update.',
    };
  const ageDays = (now.getTime() - new Date(facts.lastScanAt).getTime()) / 86_400_000;
  if (ageDays > staleAfterDays)
    return {
      reason: 'last scan older than the limit',
      detail: `The last scan is ${Math.floor(ageDays)} days old (limit ${staleAfterDays} days).`,
    };
  return {
    reason: 'no state received for this update',
    detail: `The client scanned at ${facts.lastScanAt} but sent no state for this update (it may be newer than the scan).`,
  };
}
