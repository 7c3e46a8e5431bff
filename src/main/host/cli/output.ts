import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { exportCell, untyped, type ExportKind } from '../../../shared/export/cell-rules';
import { SiteError } from '../../../shared/errors';
import { toCsv } from '../../../shared/csv';
import { writeExportFile } from '../../site/lists/export-writer';

export type OutputFormat = 'table' | 'csv' | 'json' | 'xlsx';

export type Cell = string | number | boolean | null | undefined;

export interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
  /** How an Excel workbook types the value (dates, percentages); inferred when absent. */
  kind?: ExportKind;
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
  if (format === 'xlsx')
    throw new SiteError(
      'invalid-input',
      '--format xlsx writes a workbook, not text: name the file with --out <file>.',
    );
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
  if (value === 'table' || value === 'csv' || value === 'json' || value === 'xlsx') return value;
  throw new Error(`--format: "${value}" is not one of table, csv, json, xlsx.`);
}

/** `--format` and `--out` of a list verb. */
export interface RowsTarget {
  readonly format: OutputFormat;
  /** The file to write; standard output when absent (required for xlsx). */
  readonly out?: string;
  /** The workbook's sheet name, e.g. "Software Updates". */
  readonly sheet?: string;
}

/**
 * Prints a list, or writes it to `--out`. XLSX goes through the site's streaming export writer,
 * so `patchbay … --format xlsx` and the console's Export to Excel follow the same cell rules.
 */
export async function emitRows<Row>(
  rows: Row[],
  columns: Column<Row>[],
  target: RowsTarget,
  json?: (row: Row) => unknown,
): Promise<void> {
  if (target.format !== 'xlsx') {
    const text = printRows(rows, columns, target.format, json);
    if (target.out) {
      writeFileSync(resolve(target.out), target.format === 'csv' ? `\uFEFF${text}` : text);
      process.stdout.write(`Wrote ${rows.length} rows to ${target.out}.\n`);
    } else process.stdout.write(text);
    return;
  }
  if (!target.out)
    throw new SiteError(
      'invalid-input',
      '--format xlsx writes a workbook, not text: name the file with --out <file>.',
    );
  const path = resolve(target.out);
  async function* cells() {
    for (const row of rows)
      yield columns.map((column) => {
        const value = column.value(row);
        return column.kind ? exportCell(column.kind, value) : untyped(value);
      });
  }
  const written = await writeExportFile(path, {
    format: 'xlsx',
    sheetName: target.sheet ?? basename(path).replace(/\.xlsx$/i, ''),
    headers: columns.map((column) => column.header),
    rows: cells(),
  });
  process.stdout.write(`Wrote ${written.rows} rows to ${target.out}.\n`);
}
