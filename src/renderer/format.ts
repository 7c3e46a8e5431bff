/** Display formats the console uses everywhere (the admin's locale, like the ConfigMgr console). */

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});

/** The one placeholder for an empty value, in every details pane, property sheet and page. */
export const emptyValue = '—';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}

export function formatCount(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? noun : plural}`;
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** "SMS_SITE_BACKUP" style job kinds and states read better capitalised in lists. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * An HRESULT as the console shows it in Last Synchronization Error Code: "0x80004005", or "0"
 * when there was no error. Codes arrive as signed 32-bit integers, so they are read unsigned.
 */
export function formatErrorCode(code: number): string {
  if (code === 0) return '0';
  return `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

/** A size as the console's Size columns and summaries show it: 0 KB, 12.3 MB, 4.56 GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return bytes === 0 ? '0 KB' : '1 KB';
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/**
 * A deployment's available time or deadline, a wall clock without a zone ("2026-12-04T23:03:00"
 * in Client local time or UTC): shown as 2026-12-04 23:03, "As soon as possible" for asap.
 */
export function formatWallClock(value: string | null | undefined): string {
  if (!value) return '';
  if (value === 'asap') return 'As soon as possible';
  return value.replace('T', ' ').slice(0, 16);
}
