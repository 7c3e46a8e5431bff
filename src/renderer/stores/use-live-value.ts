import { useEffect, useMemo } from 'react';
import { LiveValue } from './live-value';
import type { EventHub } from './event-hub';

/**
 * A LiveValue owned by a component: made anew when `key` changes, followed while mounted. The
 * reader is a store function (stores/site-reads.ts), so components never call the site.
 */
export function useLiveValue<T>(
  hub: EventHub,
  key: string,
  topics: readonly string[],
  read: () => Promise<T>,
  delayMs?: number,
): LiveValue<T> {
  const live = useMemo(() => new LiveValue(hub, topics, read, delayMs), [hub, key]);
  useEffect(() => live.start(), [live]);
  return live;
}

/** useLiveValue for one of siteReads: `useSiteRead(services, siteReads.deviceCompliance(services, id))`. */
export function useSiteRead<T>(
  services: { readonly hub: EventHub },
  spec: { key: string; topics: readonly string[]; read: () => Promise<T>; delayMs?: number },
): LiveValue<T> {
  return useLiveValue(services.hub, spec.key, spec.topics, spec.read, spec.delayMs);
}
