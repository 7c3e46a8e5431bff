import type { ReportCell, ReportColumn, ReportResult } from '../../../../shared/contract/reports';
import {
  exportCell,
  exportFileName,
  type ExportCell,
  type ExportKind,
} from '../../../../shared/export/cell-rules';

/**
 * A report's cells through the same cell rules as every grid export (src/shared/export): text
 * guarded against formula injection, numbers as numbers, percentages as fractions, ISO times as
 * dates. The CSV, XLSX and PDF writers all start from these.
 */
const kinds: Record<ReportColumn['type'], ExportKind> = {
  text: 'text',
  number: 'number',
  percent: 'percent',
  date: 'date',
};

export function reportCell(column: ReportColumn, value: ReportCell | undefined): ExportCell {
  return exportCell(kinds[column.type], value ?? null);
}

export type ReportTableOf = ReportResult['tables'][number];

/** The visible columns of a table: hidden keys carry drill-through ids, not data to export. */
export function visibleColumns(table: ReportTableOf): ReportColumn[] {
  return table.columns.filter((column) => !table.hiddenKeys.includes(column.key));
}

/** Named like every export: "Compliance 1 - Overall compliance 2026-12-06 0107.xlsx". */
export function reportFileName(result: ReportResult, format: string): string {
  return exportFileName(result.title, format, new Date(result.dataAsOf));
}
