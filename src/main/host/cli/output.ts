import { toCsv } from '../../../shared/csv';

export type OutputFormat = 'table' | 'csv' | 'json';

export type Cell = string | number | boolean | null | undefined;

export interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
}

/** Prints rows as the admin asked: an aligned table, CSV (formula-safe) or JSON. */
export function printRows<Row>(
  rows: Row[],
  columns: Column<Row>[],
  format: OutputFormat,
  json?: (row: Row) => unknown,
): string {
  if (format === 'json')
    return `${JSON.stringify(
      rows.map((row) => (json ? json(row) : row)),
      null,
      2,
    )}\n`;
  const cells = rows.map((row) => columns.map((column) => formatCell(column.value(row))));
  const headers = columns.map((column) => column.header);
  if (format === 'csv') return toCsv(headers, cells);
  const widths = headers.map((header, index) =>
    Math.max(header.length, ...cells.map((row) => row[index]!.length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, index) => value.padEnd(widths[index]!))
      .join('  ')
      .trimEnd();
  return (
    [line(headers), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n') +
    '\n'
  );
}

/** One object's properties as a Property / Value table, as `show` commands print them. */
export function printProperties(
  rows: { property: string; value: Cell }[],
  format: OutputFormat,
): string {
  return printRows(
    rows,
    [
      { header: 'Property', value: (row) => row.property },
      { header: 'Value', value: (row) => row.value },
    ],
    format,
  );
}

function formatCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

export function parseFormat(value: string): OutputFormat {
  if (value === 'table' || value === 'csv' || value === 'json') return value;
  throw new Error(`--format: "${value}" is not one of table, csv, json.`);
}
