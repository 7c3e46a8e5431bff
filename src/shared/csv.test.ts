import { describe, expect, it } from 'vitest';
import { csvField, csvRow, toCsv } from './csv';

describe('csv', () => {
  it('writes plain text and numbers as they are', () => {
    expect(csvRow(['Security Updates', 42, 0, 3.5])).toBe('Security Updates,42,0,3.5');
  });

  it('leaves empty cells empty for null and undefined', () => {
    expect(csvRow(['a', null, undefined, 'b'])).toBe('a,,,b');
  });

  it('writes booleans as the Yes/No the console shows', () => {
    expect(csvRow([true, false])).toBe('Yes,No');
  });

  it('writes dates as ISO-8601 UTC', () => {
    expect(csvField(new Date('2024-01-09T18:00:00Z'))).toBe('2024-01-09T18:00:00.000Z');
  });

  it('quotes fields with commas, quotes or line breaks and doubles embedded quotes', () => {
    expect(csvField('Update for Windows, version 22H2')).toBe('"Update for Windows, version 22H2"');
    expect(csvField('the "Upgrades" classification')).toBe('"the ""Upgrades"" classification"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('"')).toBe('""""');
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('prefixes a cell starting with a formula trigger with a quote: %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('does not guard triggers that are not at the start of a cell', () => {
    expect(csvField('KB5034441 - 2024-01')).toBe('KB5034441 - 2024-01');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes finite negative numbers as numbers, but guards non-finite ones', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(Number.NEGATIVE_INFINITY)).toBe("'-Infinity");
  });

  it('builds a document with a header line and CRLF line ends', () => {
    const text = toCsv(
      ['Title', 'Required'],
      [
        ['2024-01 Cumulative Update', 12],
        ['=cmd', 0],
      ],
    );
    expect(text).toBe("Title,Required\r\n2024-01 Cumulative Update,12\r\n'=cmd,0\r\n");
  });

  it('guards header cells too', () => {
    expect(toCsv(['=Title'], [])).toBe("'=Title\r\n");
  });

  it('adds a byte order mark only when asked', () => {
    expect(toCsv(['A'], [['é']], { withByteOrderMark: true })).toBe('\uFEFFA\r\né\r\n');
    expect(toCsv(['A'], [['é']]).startsWith('A')).toBe(true);
  });
});
