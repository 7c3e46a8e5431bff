import type { Clock } from '../clock';

const pad = (value: number) => String(value).padStart(2, '0');

/** A wall-clock "2026-12-08T02:00:00" of a date, on the site's own clock or in UTC. */
function wallClock(at: Date, utc: boolean): string {
  const [y, mo, d, h, mi, s] = utc
    ? [
        at.getUTCFullYear(),
        at.getUTCMonth() + 1,
        at.getUTCDate(),
        at.getUTCHours(),
        at.getUTCMinutes(),
        at.getUTCSeconds(),
      ]
    : [
        at.getFullYear(),
        at.getMonth() + 1,
        at.getDate(),
        at.getHours(),
        at.getMinutes(),
        at.getSeconds(),
      ];
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/**
 * "As soon as possible" as the wizard resolves it (§7.3): with Client local time the console
 * machine's current time, with UTC the same instant in UTC. The site's clock stands in for the
 * console machine, so every console and the CLI agree.
 */
export function siteNow(clock: Clock): { at: Date; local: string; utc: string } {
  const at = clock.now();
  return { at, local: wallClock(at, false), utc: wallClock(at, true) };
}

/** The General page's default name: `Microsoft Software Updates - 2014-01-23 03:30:52 PM`. */
export function defaultDeploymentName(at: Date): string {
  const hours = at.getHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(twelve)}:${pad(at.getMinutes())}:${pad(at.getSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
  return `Microsoft Software Updates - ${date} ${time}`;
}

/** The default deadline of §7.3 to the second: seven days after a wall-clock time. */
export function weekAfter(wallClockTime: string): string {
  const at = new Date(`${wallClockTime}Z`);
  at.setUTCDate(at.getUTCDate() + 7);
  return at.toISOString().slice(0, 19);
}
