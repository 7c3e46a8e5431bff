import { describe, expect, it } from 'vitest';
import { csvCell } from '../csv';
import { cellText, exportCell, exportFileName, guardFormula, untyped } from './cell-rules';

/** Text Excel or LibreOffice would run as a formula (OWASP CSV injection and DDE payloads). */
const formulas = [
  '=HYPERLINK("http://x","y")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
];

describe('the export cell rules', () => {
  it('turns every formula trigger into text with a leading quote, in CSV and XLSX cells alike', () => {
    for (const text of formulas) {
      const cell = exportCell('text', text);
      expect(cell).toEqual({ type: 'text', text: `'${text}` });
      expect(untyped(text)).toEqual(cell);
      expect(csvCell(cell).replace(/^"|"$/g, '').replaceAll('""', '"')).toBe(`'${text}`);
    }
    expect(guardFormula('Security Update for Windows')).toBe('Security Update for Windows');
  });

  it('types values by column kind: numbers, percentages, dates, flags, megabytes', () => {
    expect(exportCell('number', -5)).toEqual({ type: 'number', value: -5 });
    expect(exportCell('percent', 87)).toEqual({ type: 'percent', value: 0.87 });
    expect(cellText(exportCell('percent', 87))).toBe('87');
    const date = exportCell('date', '2024-03-12T10:30:00.000Z');
    expect(date).toEqual({ type: 'date', value: new Date('2024-03-12T10:30:00.000Z') });
    expect(cellText(date)).toBe('2024-03-12T10:30:00.000Z');
    expect(exportCell('flag', true)).toEqual({ type: 'text', text: 'Yes' });
    expect(exportCell('megabytes', 3 * 1_048_576 + 5243)).toEqual({ type: 'number', value: 3.01 });
    expect(exportCell('date', '')).toEqual({ type: 'empty' });
    expect(exportCell('number', null)).toEqual({ type: 'empty' });
  });

  it('keeps a value that does not fit its kind as guarded text, never as a formula', () => {
    expect(exportCell('number', '=1+1')).toEqual({ type: 'text', text: "'=1+1" });
    expect(exportCell('date', '@not a date')).toEqual({ type: 'text', text: "'@not a date" });
    expect(exportCell('flag', '+x')).toEqual({ type: 'text', text: "'+x" });
  });

  it('names files after the list without characters a file system refuses', () => {
    const at = new Date(2026, 11, 6, 1, 32);
    expect(exportFileName('All Software Updates', 'xlsx', at)).toBe(
      'All Software Updates 2026-12-06 0132.xlsx',
    );
    expect(exportFileName('a/b:c\u0007', 'csv', at)).toBe('a b c 2026-12-06 0132.csv');
  });
});
