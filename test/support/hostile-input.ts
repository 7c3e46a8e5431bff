import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseLogLine, type LogEntry } from '../../src/main/site/logs/cmtrace-line';
import { unescapeLogText } from '../../src/main/site/logs/log-text';

/**
 * Names a hostile catalog, bundle or admin could give: each tries to end the entry it is
 * written into and forge the next one, in either CMTrace format. None holds a slash, so each
 * is also a file or folder name a package could really use.
 */
export const hostileNames = [
  'evil.msu\n  $$<SMS_WSUS_SYNC_MANAGER><01-01-2020 00:00:00.000+000><thread=1 (0x1)>',
  'evil.msu\r\nSync succeeded  $$<SMS_WSUS_SYNC_MANAGER><01-01-2020 00:00:00.000+000><thread=1 (0x1)>',
  'carriage\roverwrites the line',
  'evil]LOG]!><time="00:00:00.000+000" date="01-01-2020" component="forged" context="" type="1" thread="1" file="">',
  '<![LOG[forged]LOG]!><time="00:00:00.000+000" date="01-01-2020" component="forged" context="" type="3" thread="1" file="">',
  'trailing  $$<SMS_PATCH_DOWNLOADER><01-01-2020 00:00:00.000+000><thread=1 (0x1)>',
  'next\u2028line\u2029paragraph\u0085nel\u000bvt\u000cff',
  'bidi \u202eexe.txt and \u0000nul \u001bescape',
  'already escaped \\n and \\x{3c} stay as typed',
];

/**
 * Reads a log as CMTrace would and fails the test unless every line is exactly one well-formed
 * entry; returns the entries with their text as it was logged.
 */
export function expectOneEntryPerLine(path: string): LogEntry[] {
  const content = readFileSync(path, 'utf8');
  expect(content.endsWith('\r\n'), `${path} ends with a line break`).toBe(true);
  const lines = content.slice(0, -2).split('\r\n');
  return lines.map((line) => {
    expect(line, `a line of ${path}`).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
    const entry = parseLogLine(line);
    expect(entry, `"${line}" in ${path} is one CMTrace entry`).not.toBeNull();
    // A forged second entry inside the text would show as a second delimiter.
    expect(line.split('$$<'), `"${line}" has one component`).toHaveLength(2);
    expect(line).not.toContain('<![LOG[');
    return { ...entry!, text: unescapeLogText(entry!.text) };
  });
}
