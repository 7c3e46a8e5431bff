/**
 * What a log message may hold. Messages carry names from catalogs, bundles, package paths and
 * admins' input; written raw, a name with a line break splits the entry and forges the next one
 * (`…  $$<SMS_WSUS_SYNC_MANAGER><…>` or `<![LOG[…`), so an admin reading the log — or CMTrace —
 * sees an entry no component wrote. Every message goes through `escapeLogText` in the writer.
 *
 * The escape is visible and reversible: `\n` and `\r` for line breaks, `\x{HEX}` for other
 * control and line-separator characters and for the one character that makes a format
 * delimiter (`$$<`, `<![LOG[`, `]LOG]!>`). A backslash stays as it is (Windows paths read as
 * paths) unless it is followed by `n`, `r` or `x{`, where it is written `\x{5c}` so that
 * `unescapeLogText` gives back exactly the text that was logged.
 */

/**
 * C0 controls but tab, DEL, C1 controls (NEL among them), the Unicode line and paragraph
 * separators, and the bidirectional overrides that make a line read differently from its bytes.
 */
const escapedCharacter =
  '[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const needsEscape = new RegExp(
  `\\\\(?=n|r|x\\{)|\\$\\$<|<!\\[LOG\\[|\\]LOG\\]!>|${escapedCharacter}`,
  'gu',
);

const hex = (character: string): string => `\\x{${character.codePointAt(0)!.toString(16)}}`;

export function escapeLogText(text: string): string {
  return text.replace(needsEscape, (found) => {
    if (found === '\n') return '\\n';
    if (found === '\r') return '\\r';
    if (found === '\\') return hex('\\');
    if (found === '$$<') return `$$${hex('<')}`;
    if (found === '<![LOG[') return `<![LOG${hex('[')}`;
    if (found === ']LOG]!>') return `]LOG]!${hex('>')}`;
    return hex(found);
  });
}

const escapeSequence = /\\(?:n|r|x\{([0-9a-f]{1,6})\})/g;

/** The text as it was logged, from what the log file shows. */
export function unescapeLogText(written: string): string {
  return written.replace(escapeSequence, (sequence, code: string | undefined) => {
    if (sequence === '\\n') return '\n';
    if (sequence === '\\r') return '\r';
    const point = Number.parseInt(code!, 16);
    return point <= 0x10ffff ? String.fromCodePoint(point) : sequence;
  });
}
