import type { ReportCell, ReportColumn } from '../../shared/contract/reports';
import { formatDateTime } from '../format';

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/**
 * A report cell as the viewer shows it: counts grouped, percentages (0–100) with at most
 * two decimals under their "% Compliant" header, times in the admin's locale, and nothing for a missing value.
 */
export function formatReportCell(column: ReportColumn, value: ReportCell | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.type) {
    case 'number':
      return typeof value === 'number' ? numberFormat.format(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? percentFormat.format(value) : String(value);
    case 'date':
      return formatDateTime(String(value));
    default:
      return String(value);
  }
}

/** Numbers sort as numbers and times as times, whatever their text looks like. */
export function compareReportCells(
  left: ReportCell | undefined,
  right: ReportCell | undefined,
): number {
  if (left === right) return 0;
  if (left === null || left === undefined) return -1;
  if (right === null || right === undefined) return 1;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right), undefined, { numeric: true });
}
