/**
 * The STATMSG line ConfigMgr components write to their log whenever they raise a status
 * message, e.g. `STATMSG: ID=6702 SEV=I LEV=M SOURCE="SMS Server" COMP="SMS_WSUS_SYNC_MANAGER" …`.
 * Admins grep for it, so the field order follows ConfigMgr's.
 */

export interface StatusMessageLine {
  messageId: number;
  severity: 'I' | 'W' | 'E';
  component: string;
  machine: string;
  siteCode: string;
  pid: number;
  tid: number;
  time: Date;
  insertionStrings: string[];
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue Jan 16 18:53:52.608 2024`, in UTC as ConfigMgr's GMTDATE is. */
function gmtDate(time: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${days[time.getUTCDay()]} ${months[time.getUTCMonth()]} ${p(time.getUTCDate())} ${p(time.getUTCHours())}:${p(time.getUTCMinutes())}:${p(time.getUTCSeconds())}.${p(time.getUTCMilliseconds(), 3)} ${time.getUTCFullYear()}`;
}

export function formatStatusMessageLine(message: StatusMessageLine): string {
  const strings = message.insertionStrings
    .slice(0, 10)
    .map((value, index) => `ISTR${index}="${value.replace(/"/g, "'")}"`);
  return [
    `STATMSG: ID=${message.messageId}`,
    `SEV=${message.severity}`,
    'LEV=M',
    'SOURCE="SMS Server"',
    `COMP="${message.component}"`,
    `SYS=${message.machine}`,
    `SITE=${message.siteCode}`,
    `PID=${message.pid}`,
    `TID=${message.tid}`,
    `GMTDATE=${gmtDate(message.time)}`,
    ...strings,
    'NUMATTRS=0',
  ].join(' ');
}
