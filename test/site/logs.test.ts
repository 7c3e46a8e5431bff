import { mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCcmLine, formatSmsLine, parseLogLine } from '../../src/main/site/logs/cmtrace-line';
import { minimumMaxLogBytes } from '../../src/main/site/logs/component-log';
import { escapeLogText, unescapeLogText } from '../../src/main/site/logs/log-text';
import {
  componentLogFiles,
  SiteLogs,
  type ComponentName,
} from '../../src/main/site/logs/site-logs';
import { hostileNames, expectOneEntryPerLine } from '../support/hostile-input';

const at = new Date('2024-01-16T18:53:52.608Z');

describe('CMTrace log lines', () => {
  it('writes the SMS format of spec §12.2 and reads it back to the same instant', () => {
    const line = formatSmsLine({
      text: 'Sync time: 0d00h03m53s',
      component: 'SMS_WSUS_SYNC_MANAGER',
      time: at,
      thread: 3404,
      severity: 'info',
    });
    expect(line).toMatch(
      /^Sync time: 0d00h03m53s {2}\$\$<SMS_WSUS_SYNC_MANAGER><\d{2}-\d{2}-2024 \d{2}:\d{2}:52\.608[+-]\d{3}><thread=3404 \(0xD4C\)>$/,
    );
    const parsed = parseLogLine(line);
    expect(parsed?.time.toISOString()).toBe(at.toISOString());
    expect(parsed?.component).toBe('SMS_WSUS_SYNC_MANAGER');
    expect(parsed?.thread).toBe(3404);
  });

  it("reads ConfigMgr's own lines, bias included", () => {
    const sms = parseLogLine(
      'Sync failed: WSUS server not configured  $$<SMS_WSUS_SYNC_MANAGER><01-16-2024 10:53:52.608+480><thread=3404 (0xD4C)>',
    );
    expect(sms?.time.toISOString()).toBe('2024-01-16T18:53:52.608Z');
    expect(sms?.severity).toBe('error');
    const ccm = parseLogLine(
      '<![LOG[State message sent]LOG]!><time="10:53:52.608+480" date="01-16-2024" component="StateMessage" context="" type="2" thread="3592" file="statemsg.cpp:1527">',
    );
    expect(ccm).toMatchObject({ component: 'StateMessage', severity: 'warning', thread: 3592 });
    expect(ccm?.time.toISOString()).toBe('2024-01-16T18:53:52.608Z');
    expect(parseLogLine('not a log line')).toBeNull();
  });

  it('round-trips the CCM format with its type, a line break written as \\n on the one line', () => {
    const line = formatCcmLine({
      text: 'multi\nline',
      component: 'ScanAgent',
      time: at,
      thread: 7,
      severity: 'error',
    });
    expect(line).not.toMatch(/[\r\n]/);
    const parsed = parseLogLine(line);
    expect(parsed).toMatchObject({ text: 'multi\\nline', severity: 'error', thread: 7 });
    expect(unescapeLogText(parsed!.text)).toBe('multi\nline');
  });
});

describe('component logs', () => {
  it('names files as ConfigMgr does and writes STATMSG lines', () => {
    const folder = mkdtempSync(join(tmpdir(), 'patchbay-logs-'));
    const logs = new SiteLogs(folder, { now: () => at });
    logs.component('SMS_WSUS_SYNC_MANAGER').statusMessage({
      messageId: 6701,
      severity: 'I',
      component: 'SMS_WSUS_SYNC_MANAGER',
      machine: 'SITESERVER',
      siteCode: 'PS1',
      pid: 10,
      tid: 11,
      time: at,
      insertionStrings: ['a "quoted" value'],
    });
    const text = readFileSync(join(folder, 'wsyncmgr.log'), 'utf8');
    expect(text).toContain(
      'STATMSG: ID=6701 SEV=I LEV=M SOURCE="SMS Server" COMP="SMS_WSUS_SYNC_MANAGER" SYS=SITESERVER SITE=PS1 PID=10 TID=11 GMTDATE=Tue Jan 16 18:53:52.608 2024 ISTR0="a \'quoted\' value"',
    );
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('rolls over to .lo_ at the size limit, keeping one history', () => {
    const folder = mkdtempSync(join(tmpdir(), 'patchbay-logs-'));
    const log = new SiteLogs(folder, { maxBytes: 1 }).component('SMS_PATCH_DOWNLOADER');
    const filler = 'x'.repeat(100);
    for (let i = 0; i < 400; i += 1) log.info(`${i} ${filler}`);
    const current = join(folder, 'PatchDownloader.log');
    const history = join(folder, 'PatchDownloader.lo_');
    expect(existsSync(history)).toBe(true);
    expect(statSync(current).size).toBeLessThanOrEqual(minimumMaxLogBytes);
    expect(statSync(history).size).toBeLessThanOrEqual(minimumMaxLogBytes);
    expect(readFileSync(current, 'utf8')).toContain('399 x');
    // One generation only: the oldest lines are gone, as in ConfigMgr.
    expect(readFileSync(history, 'utf8')).not.toContain('\n0 x');
  });
});

describe('forged log lines', () => {
  it('keeps every hostile name on one line of each format and gives it back exactly', () => {
    for (const name of hostileNames) {
      for (const format of [formatSmsLine, formatCcmLine]) {
        const line = format({
          text: `Downloading ${name} to C:\\Sources\\new`,
          component: 'SMS_PATCH_DOWNLOADER',
          time: at,
          thread: 1,
          severity: 'info',
        });
        expect(line).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
        const parsed = parseLogLine(line);
        expect(parsed?.component).toBe('SMS_PATCH_DOWNLOADER');
        expect(parsed?.time.toISOString()).toBe(at.toISOString());
        expect(unescapeLogText(parsed!.text)).toBe(`Downloading ${name} to C:\\Sources\\new`);
      }
    }
  });

  it('leaves ordinary Windows and UNC paths readable, escaping a backslash only where it would read as an escape', () => {
    expect(escapeLogText('\\\\SERVER\\Sources\\Updates\\KB5034441')).toBe(
      '\\\\SERVER\\Sources\\Updates\\KB5034441',
    );
    expect(escapeLogText('C:\\new\\x{41}')).toBe('C:\\x{5c}new\\x{5c}x{41}');
    expect(unescapeLogText(escapeLogText('C:\\new\\x{41}\\r'))).toBe('C:\\new\\x{41}\\r');
  });

  it('round-trips any text made of the characters that matter', () => {
    // Seeded, so a failure names a text that can be tried again.
    let seed = 17;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = [
      '\\',
      'n',
      'r',
      'x',
      '{',
      '}',
      '5',
      'c',
      '$',
      '<',
      '>',
      '[',
      ']',
      '!',
      'L',
      'O',
      'G',
      '\n',
      '\r',
      '\u2028',
      '\u0001',
      ' ',
    ];
    for (let trial = 0; trial < 2_000; trial += 1) {
      const length = Math.floor(random() * 16);
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const escaped = escapeLogText(text);
      expect(escaped).not.toMatch(/[\r\n\u2028]|\$\$<|<!\[LOG\[|\]LOG\]!>/);
      expect(escaped).not.toContain('\u0001');
      expect(unescapeLogText(escaped)).toBe(text);
    }
  });

  it('writes hostile names through every component log as one well-formed entry per line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'patchbay-logs-'));
    const logs = new SiteLogs(folder, { now: () => at });
    const components = Object.keys(componentLogFiles) as ComponentName[];
    for (const component of components) {
      const log = logs.component(component);
      for (const name of hostileNames) {
        log.info(`File ${name}`);
        log.warning(`File ${name}`);
        log.error(`File ${name}`);
        log.statusMessage({
          messageId: 6702,
          severity: 'E',
          component,
          machine: 'SITESERVER',
          siteCode: 'PS1',
          pid: 10,
          tid: 11,
          time: at,
          insertionStrings: [name],
        });
      }
    }
    for (const component of components) {
      const entries = expectOneEntryPerLine(join(folder, componentLogFiles[component]));
      expect(entries).toHaveLength(hostileNames.length * 4);
      expect(new Set(entries.map((entry) => entry.component))).toEqual(new Set([component]));
      hostileNames.forEach((name, index) => {
        expect(entries[index * 4]!.text).toBe(`File ${name}`);
        expect(entries[index * 4 + 3]!.text).toContain(`ISTR0="${name.replace(/"/g, "'")}"`);
      });
    }
  });
});
