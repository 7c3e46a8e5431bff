import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { ComponentType } from 'react';
import type { AnyRow, ColumnSpec, ListNode } from '../nodes/types';

interface SpecCellParams extends ICellRendererParams<AnyRow> {
  readonly renderCell: ComponentType<{ row: AnyRow }>;
}

/** Hosts a node's cell component (icons, badges) inside ag-grid. */
function SpecCell({ data, renderCell: Cell }: SpecCellParams) {
  return data ? <Cell row={data} /> : null;
}

/**
 * The grid's column definitions for a node: built once per node so ag-grid never sees new
 * objects (which would reset widths and order the admin chose).
 */
export function toColumnDefs(node: ListNode<AnyRow>): ColDef<AnyRow>[] {
  return node.columns.map((column) => toColumnDef(column, node));
}

/**
 * The width that shows a column's whole header (12 px text, padding, and the sort arrow when the
 * column sorts), so a first start never shows "Percent Co…"; the admin may narrow it.
 */
function headerFit(column: ColumnSpec<AnyRow>): number {
  if (column.isIcon) return 0;
  return Math.ceil(column.header.length * 7.2) + (column.sortKey === undefined ? 26 : 42);
}

function toColumnDef(column: ColumnSpec<AnyRow>, node: ListNode<AnyRow>): ColDef<AnyRow> {
  const isDefaultSort = node.defaultSort?.columnId === column.id;
  return {
    colId: column.id,
    headerName: column.isIcon ? '' : column.header,
    headerTooltip: column.header,
    initialHide: !column.isDefault,
    initialWidth: Math.max(column.width ?? 140, headerFit(column)),
    minWidth: column.isIcon ? 28 : 48,
    resizable: !column.isIcon,
    sortable: column.sortKey !== undefined,
    ...(isDefaultSort && node.defaultSort ? { initialSort: node.defaultSort.direction } : {}),
    ...(column.align === 'right' ? { type: 'rightAligned' } : {}),
    valueGetter: (params) => (params.data ? column.text(params.data) : ''),
    ...(column.cell
      ? { cellRenderer: SpecCell, cellRendererParams: { renderCell: column.cell } }
      : {}),
    suppressHeaderMenuButton: true,
    suppressHeaderFilterButton: true,
  };
}
