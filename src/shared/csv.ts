/**
 * CSV writing for "Export" in the console and the CLI (RFC 4180 quoting, CRLF line ends).
 *
 * The file is opened by admins in Excel, so every text cell is guarded against formula
 * injection (CWE-1236): an update title or a status message that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return would otherwise run as a formula. Such cells get a leading
 * single quote, which Excel shows as text. Finite numbers are written as numbers: a number
 * cannot be a formula, and "-5" must stay sortable as -5.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

export interface CsvOptions {
  /** Prepend a UTF-8 byte order mark so Excel reads non-ASCII titles correctly. */
  readonly withByteOrderMark?: boolean;
}

const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r']);
const needsQuotes = /[",\r\n]/;

/** One cell, guarded and quoted as needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : quoteIfNeeded(guardFormula(String(value)));
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return quoteIfNeeded(guardFormula(value));
}

/** One line without its line end. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** A whole document: the header line, then one line per row, each ended by CRLF. */
export function toCsv(
  headers: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: CsvOptions = {},
): string {
  const lines = [csvRow(headers)];
  for (const row of rows) lines.push(csvRow(row));
  return (options.withByteOrderMark ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

function guardFormula(text: string): string {
  const first = text.charAt(0);
  return formulaTriggers.has(first) ? `'${text}` : text;
}

function quoteIfNeeded(text: string): string {
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
