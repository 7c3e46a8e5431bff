import { formatDateTime } from '../format';
import type { ColumnSpec } from './types';

/** What a column kind may set besides its id, header and value. */
export interface ColumnOptions {
  readonly isDefault?: boolean;
  /** The site's sort column; the column cannot be sorted without one. */
  readonly sortKey?: string;
  readonly width?: number;
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

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
  };
}
