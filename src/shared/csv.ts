/**
 * CSV writing for "Export" in the console and the CLI (RFC 4180 quoting, CRLF line ends). The
 * cell rules (formula guard, typed values) are those of `export/cell-rules`, shared with XLSX.
 */
import { cellText, untyped, type ExportCell, type ExportValue } from './export/cell-rules';

export type CsvValue = ExportValue;

export interface CsvOptions {
  /** Prepend a UTF-8 byte order mark so Excel reads non-ASCII titles correctly. */
  readonly withByteOrderMark?: boolean;
}

const needsQuotes = /[",\r\n]/;

/** One cell, guarded and quoted as needed. */
export function csvField(value: CsvValue): string {
  return csvCell(untyped(value));
}

/** One typed cell (see `exportCell`), guarded and quoted as needed. */
export function csvCell(cell: ExportCell): string {
  const text = cellText(cell);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
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
