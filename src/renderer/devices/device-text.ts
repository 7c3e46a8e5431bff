import type { Device } from '../../shared/contract/clients';
import { scanStates } from '../../shared/contract/compliance';

/** ConfigMgr's client activity threshold: no policy request for 7 days makes a client Inactive. */
const activityDays = 7;

export function clientActivity(device: Device, now = Date.now()): 'Active' | 'Inactive' {
  const last = device.lastPolicyRequestAt ?? device.lastStateMessageAt;
  if (!last) return 'Inactive';
  return now - new Date(last).getTime() <= activityDays * 86_400_000 ? 'Active' : 'Inactive';
}

/** TopicType 501 state as the console words it ("Completed", "Failed"). */
export function scanStateText(state: number): string {
  return scanStates[state] ?? `State ${state}`;
}

/**
 * The UTC offset the client reported at registration, as "UTC+01:00" (east-positive minutes, as
 * the client protocol carries them); null when the agent did not send one.
 */
export function timeZoneText(offsetMinutes: number | null): string | null {
  if (offsetMinutes === null) return null;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(offsetMinutes);
  const hours = String(Math.floor(magnitude / 60)).padStart(2, '0');
  const minutes = String(magnitude % 60).padStart(2, '0');
  return `UTC${sign}${hours}:${minutes}`;
}
