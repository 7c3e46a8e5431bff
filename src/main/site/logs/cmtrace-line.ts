import { escapeLogText } from './log-text';

/**
 * The two CMTrace line formats of spec §12.2, so admins can open Patchbay's logs in the
 * CMTrace they already use, and Patchbay's own log viewer can read ConfigMgr's. Both formatters
 * escape the message (log-text.ts), so one entry is always one line whatever names it carries.
 */

export type LogSeverity = 'info' | 'warning' | 'error';

export interface LogEntry {
  text: string;
  component: string;
  time: Date;
  thread: number;
  severity: LogSeverity;
  /** Source file:line of the CCM format; empty for the SMS format. */
  file?: string;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Time-zone bias the way ConfigMgr writes it: UTC = local + bias, in minutes, e.g. +480. */
function biasOf(time: Date): string {
  const bias = time.getTimezoneOffset();
  return `${bias < 0 ? '-' : '+'}${pad(Math.abs(bias), 3)}`;
}

function localDate(time: Date): string {
  return `${pad(time.getMonth() + 1)}-${pad(time.getDate())}-${time.getFullYear()}`;
}

function localTime(time: Date): string {
  return `${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}.${pad(time.getMilliseconds(), 3)}`;
}

/** `text  $$<COMPONENT><MM-DD-YYYY HH:MM:SS.mmm±bias><thread=N (0xHEX)>` */
export function formatSmsLine(entry: LogEntry): string {
  const thread = `<thread=${entry.thread} (0x${entry.thread.toString(16).toUpperCase()})>`;
  return `${escapeLogText(entry.text)}  $$<${entry.component}><${localDate(entry.time)} ${localTime(entry.time)}${biasOf(entry.time)}>${thread}`;
}

const ccmType: Record<LogSeverity, number> = { info: 1, warning: 2, error: 3 };

/** `<![LOG[text]LOG]!><time="…" date="…" component="…" context="" type="1" thread="N" file="">` */
export function formatCcmLine(entry: LogEntry): string {
  const attributes = [
    `time="${localTime(entry.time)}${biasOf(entry.time)}"`,
    `date="${localDate(entry.time)}"`,
    `component="${entry.component}"`,
    'context=""',
    `type="${ccmType[entry.severity]}"`,
    `thread="${entry.thread}"`,
    `file="${entry.file ?? ''}"`,
  ];
  return `<![LOG[${escapeLogText(entry.text)}]LOG]!><${attributes.join(' ')}>`;
}

const smsPattern =
  /^(.*) {2}\$\$<([^>]*)><(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})\.(\d{3})([+-]\d+)><thread=(\d+)[^>]*>$/s;
const ccmPattern =
  /^<!\[LOG\[(.*)\]LOG\]!><time="(\d{2}):(\d{2}):(\d{2})\.(\d{1,3})([+-]\d+)?" date="(\d{2})-(\d{2})-(\d{4})" component="([^"]*)" context="[^"]*" type="(\d?)" thread="(\d+)" file="([^"]*)">$/s;

/** Builds the instant from the local wall-clock fields and the written bias. */
function instant(fields: {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  millis: string;
  bias: string;
}): Date {
  const utc = Date.UTC(
    Number(fields.year),
    Number(fields.month) - 1,
    Number(fields.day),
    Number(fields.hour),
    Number(fields.minute),
    Number(fields.second),
    Number(fields.millis.padEnd(3, '0')),
  );
  return new Date(utc + Number(fields.bias || 0) * 60_000);
}

/** Text-matched severity, the way CMTrace colours SMS-format lines. */
function severityOfText(text: string): LogSeverity {
  const lower = text.toLowerCase();
  if (lower.includes('error') || lower.includes('fail')) return 'error';
  if (lower.includes('warn')) return 'warning';
  return 'info';
}

/** A match's groups as strings, so optional groups read as empty rather than undefined. */
function groupsOf(match: RegExpExecArray): (index: number) => string {
  return (index) => match[index] ?? '';
}

/**
 * Reads one entry of either format; null when the text is neither. The text is as the file
 * shows it (and CMTrace would): `unescapeLogText` gives back what a Patchbay component logged.
 */
export function parseLogLine(line: string): LogEntry | null {
  const sms = smsPattern.exec(line);
  if (sms) {
    const g = groupsOf(sms);
    const text = g(1);
    return {
      text,
      component: g(2),
      time: instant({
        month: g(3),
        day: g(4),
        year: g(5),
        hour: g(6),
        minute: g(7),
        second: g(8),
        millis: g(9),
        bias: g(10),
      }),
      thread: Number(g(11)),
      severity: severityOfText(text),
    };
  }
  const ccm = ccmPattern.exec(line);
  if (ccm) {
    const g = groupsOf(ccm);
    const type = g(11);
    const severity: LogSeverity = type === '3' ? 'error' : type === '2' ? 'warning' : 'info';
    return {
      text: g(1),
      component: g(10),
      time: instant({
        hour: g(2),
        minute: g(3),
        second: g(4),
        millis: g(5),
        bias: g(6),
        month: g(7),
        day: g(8),
        year: g(9),
      }),
      thread: Number(g(12)),
      severity,
      file: g(13),
    };
  }
  return null;
}
