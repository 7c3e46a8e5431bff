import { formatDateTime } from '../format';
import type { ColumnSpec } from './types';

/** What a column kind may set besides its id, header and value. */
export interface ColumnOptions {
  readonly isDefault?: boolean;
  /** The site's sort column; the column cannot be sorted without one. */
  readonly sortKey?: string;
  readonly width?: number;
  /** The row field behind the value, so the site can export the column (see `exportAs`). */
  readonly field?: string;
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** A text column whose text is the row field `field`, exported by the site as it is. */
export function textColumn<Row>(
  id: string,
  header: string,
  field: keyof Row & string,
  options: Omit<ColumnOptions, 'field'> = {},
): ColumnSpec<Row> {
  return {
    id,
    header,
    isDefault: options.isDefault ?? false,
    sortKey: options.sortKey,
    width: options.width ?? 150,
    text: (row) => String(row[field] ?? ''),
    exportAs: { field, kind: 'text' },
  };
}

/** A number, right-aligned, exported as a number. */
export function countColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => number,
  options: ColumnOptions = {},
): ColumnSpec<Row> {
  return {
    id,
    header,
    isDefault: options.isDefault ?? false,
    sortKey: options.sortKey,
    width: options.width ?? 96,
    align: 'right',
    text: (row) => String(value(row)),
    exportValue: value,
    ...(options.field && { exportAs: { field: options.field, kind: 'number' } }),
  };
}

/** A flag shown and exported as Yes or No, as the console's flag columns are. */
export function flagColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => boolean,
  options: ColumnOptions = {},
): ColumnSpec<Row> {
  return {
    id,
    header,
    isDefault: options.isDefault ?? false,
    sortKey: options.sortKey,
    width: options.width ?? 96,
    text: (row) => yesNo(value(row)),
    exportValue: (row) => yesNo(value(row)),
    ...(options.field && { exportAs: { field: options.field, kind: 'flag' } }),
  };
}

/** A time shown in the admin's locale and exported as the ISO time the site stores. */
export function dateColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => string,
  options: ColumnOptions = {},
): ColumnSpec<Row> {
  return {
    id,
    header,
    isDefault: options.isDefault ?? false,
    sortKey: options.sortKey,
    width: options.width ?? 150,
    text: (row) => formatDateTime(value(row)),
    exportValue: value,
    ...(options.field && { exportAs: { field: options.field, kind: 'date' } }),
  };
}

/** What a column's `exportAs` says: a field name alone is a text field. */
type ExportField = string | NonNullable<ColumnSpec<unknown>['exportAs']>;

/**
 * Names the row field behind each column id, so the site can export the list (see `exportAs`);
 * a column not named keeps exporting in the console only.
 */
export function withExportFields<Row>(
  columns: readonly ColumnSpec<Row>[],
  fields: Readonly<Record<string, ExportField>>,
): ColumnSpec<Row>[] {
  return columns.map((column) => {
    const field = fields[column.id];
    if (field === undefined) return column;
    return {
      ...column,
      exportAs: typeof field === 'string' ? { field, kind: 'text' } : field,
    };
  });
}
