/** Value normalisation shared by the source readers, so every source speaks the same formats. */

/**
 * ISO-8601 UTC with milliseconds, the form the site stores. Accepts ISO with or without a zone
 * (MSRC omits it; its times are UTC) and the Update Catalog's US `m/d/yyyy`. '' when unreadable.
 */
export function isoDate(value: string | null | undefined): string {
  const text = (value ?? '').trim();
  if (text === '') return '';
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const date = us
    ? new Date(Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2])))
    : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

const severityRank: Record<string, number> = { Low: 1, Moderate: 2, Important: 3, Critical: 4 };

/** The higher of two MSRC ratings; '' (none) ranks below Low. */
export function higherSeverity(a: string, b: string): string {
  return (severityRank[b] ?? 0) > (severityRank[a] ?? 0) ? b : a;
}

export function isSeverity(value: string): boolean {
  return value in severityRank;
}

/** WUA's InstallationBehavior.RebootBehavior wording, which the Update Catalog also uses. */
export const restartBehaviors = {
  always: 'Always requires restart',
  can: 'Can request restart',
  never: 'Never restarts',
};

/** MSRC's RestartRequired (Yes / Maybe / No) in the WUA wording. */
export function restartFromMsrc(value: string): string {
  const key = value.trim().toLowerCase();
  if (key === 'yes') return restartBehaviors.always;
  if (key === 'maybe') return restartBehaviors.can;
  if (key === 'no') return restartBehaviors.never;
  return '';
}

const restartRank: Record<string, number> = {
  [restartBehaviors.never]: 1,
  [restartBehaviors.can]: 2,
  [restartBehaviors.always]: 3,
};

/** The more disruptive of two restart behaviours: an admin planning a window needs the worst case. */
export function strongerRestart(a: string, b: string): string {
  return (restartRank[b] ?? 0) > (restartRank[a] ?? 0) ? b : a;
}

/** KB digits from "KB5034441", "5034441" or a list such as "4056895; 4054519". */
export function articleIds(value: string | null | undefined): string[] {
  return [...(value ?? '').matchAll(/(?:^|[^\d])(?:KB)?(\d{5,8})(?=[^\d]|$)/gi)].map(
    (match) => match[1] ?? '',
  );
}

/** Appends to the list under a key, creating it on first use. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
