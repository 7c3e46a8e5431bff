/**
 * The cell rules every export follows, whoever writes the file (the site's CSV and XLSX writers,
 * the console's CSV fallback, the CLI): one place decides what a value becomes in a cell.
 *
 * Exports are opened by admins in Excel, so every text cell is guarded against formula
 * injection (CWE-1236): an update title, a group name or a status message that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return would otherwise run as a formula. Such text gets a
 * leading single quote, which Excel shows as text. Finite numbers are written as numbers: a
 * number cannot be a formula, and "-5" must stay sortable as -5.
 */

export type ExportValue = string | number | boolean | Date | null | undefined;

/**
 * How a column's value is typed in a spreadsheet: dates as dates, counts as numbers, Percent
 * Compliant as a percentage, flags as the Yes/No the console shows, bytes as the megabytes the
 * Size (MB) column shows.
 */
export const exportKinds = ['text', 'number', 'date', 'percent', 'flag', 'megabytes'] as const;
export type ExportKind = (typeof exportKinds)[number];

/** One typed cell, ready for a writer. */
export type ExportCell =
  | { readonly type: 'empty' }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'number'; readonly value: number }
  /** `value` is the fraction (0.87) a spreadsheet formats as 87%. */
  | { readonly type: 'percent'; readonly value: number }
  | { readonly type: 'date'; readonly value: Date };

const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Text as a spreadsheet must receive it: never something it would run as a formula. */
export function guardFormula(text: string): string {
  return formulaTriggers.has(text.charAt(0)) ? `'${text}` : text;
}

const empty: ExportCell = { type: 'empty' };
const text = (value: string): ExportCell => ({ type: 'text', text: guardFormula(value) });

/** A raw value of the column's kind, typed for the file. */
export function exportCell(kind: ExportKind, value: ExportValue): ExportCell {
  if (value === null || value === undefined) return empty;
  switch (kind) {
    case 'number':
    case 'percent':
    case 'megabytes': {
      const number = typeof value === 'number' ? value : Number(value);
      if (typeof value === 'string' && value.trim() === '') return empty;
      if (!Number.isFinite(number)) return untyped(value);
      if (kind === 'percent') return { type: 'percent', value: number / 100 };
      if (kind === 'megabytes')
        return { type: 'number', value: Number((number / 1_048_576).toFixed(2)) };
      return { type: 'number', value: number };
    }
    case 'date': {
      if (value === '') return empty;
      const date = value instanceof Date ? value : new Date(String(value));
      return Number.isNaN(date.getTime()) ? untyped(value) : { type: 'date', value: date };
    }
    case 'flag':
      return typeof value === 'boolean' ? text(value ? 'Yes' : 'No') : untyped(value);
    case 'text':
      return untyped(value);
  }
}

/** A value with no column kind: numbers stay numbers, everything else becomes guarded text. */
export function untyped(value: ExportValue): ExportCell {
  if (value === null || value === undefined) return empty;
  if (typeof value === 'number')
    return Number.isFinite(value) ? { type: 'number', value } : text(String(value));
  if (typeof value === 'boolean') return text(value ? 'Yes' : 'No');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? empty : { type: 'date', value };
  return text(value);
}

/** A cell as CSV text (before quoting): ISO times, percentages as the number the grid shows. */
export function cellText(cell: ExportCell): string {
  switch (cell.type) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'percent':
      return String(Math.round(cell.value * 100 * 1e6) / 1e6);
    case 'date':
      return cell.value.toISOString();
  }
}

/** The file name an export is saved under: "All Software Updates 2026-12-06 0132.xlsx". */
export function exportFileName(title: string, format: string, at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}${pad(at.getMinutes())}`;
  // Characters no file system takes, and control characters (below a space), become spaces.
  const safeTitle =
    [...title]
      .map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? ' ' : char))
      .join('')
      .trim() || 'Export';
  return `${safeTitle} ${stamp}.${format}`;
}
