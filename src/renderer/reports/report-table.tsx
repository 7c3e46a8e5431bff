import { makeStyles, tokens } from '@fluentui/react-components';
import {
  AllCommunityModule,
  ModuleRegistry,
  type CellKeyDownEvent,
  type ColDef,
  type RowClickedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { ReportColumn, ReportTable } from '../../shared/contract/reports';
import { formatCount } from '../format';
import { consoleGridTheme } from '../grid/grid-theme';
import { compareReportCells, formatReportCell } from './report-cells';

// The same Community modules as the result lists (registering twice is harmless).
ModuleRegistry.registerModules([AllCommunityModule]);

type Row = ReportTable['rows'][number];

const useStyles = makeStyles({
  table: { margin: '0 0 14px' },
  caption: {
    display: 'flex',
    alignItems: 'baseline',
    gap: '10px',
    fontSize: '12px',
    fontWeight: tokens.fontWeightSemibold,
    margin: '0 0 4px',
  },
  count: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  hint: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  frame: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '100%',
    // ag-grid keeps an auto-height body at least 150 px tall; a three-row table is three rows.
    '& .ag-grid-scrolling-rows': { minHeight: 0 },
    '--ag-auto-height-min-body-height': '0px',
  },
  drillRow: { cursor: 'pointer' },
  link: { color: tokens.colorBrandForegroundLink, textDecoration: 'underline' },
  empty: {
    padding: '6px 8px',
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/**
 * A column wide enough for its header and its longest cell (12 px text is about 7 px a
 * character), within bounds: long titles wrap into a tooltip rather than a 900 px column.
 */
function fittedWidth(column: ReportColumn, rows: readonly Row[]): number {
  let longest = column.header.length + 2;
  for (const row of rows.slice(0, 500))
    longest = Math.max(longest, formatReportCell(column, row[column.key]).length);
  return Math.min(column.type === 'text' ? 460 : 180, Math.max(64, Math.ceil(longest * 7) + 18));
}

/** Rows shown without a scroll bar; a longer table scrolls inside a fixed height. */
const rowsWithoutScrolling = 20;

/**
 * One table of a report, in the console's grid: typed, sortable columns, and when the table
 * leads to a secondary report, rows that open it on click (the linked column drawn as a link).
 */
export function ReportTableView({
  table,
  onDrillThrough,
}: {
  table: ReportTable;
  onDrillThrough(row: Row): void;
}) {
  const styles = useStyles();
  const linkColumns = useMemo(
    () => new Set(Object.values(table.drillThrough?.parameterFromColumn ?? {})),
    [table],
  );
  const columnDefs = useMemo<ColDef<Row>[]>(() => {
    const hidden = new Set(table.hiddenKeys);
    const visible = table.columns.filter((column) => !hidden.has(column.key));
    // The first visible column a drill-through reads is the link; the row name when it reads a
    // hidden id column.
    const link =
      visible.find((column) => linkColumns.has(column.key))?.key ??
      (table.drillThrough ? visible[0]?.key : undefined);
    return visible.map((column) => ({
      colId: column.key,
      headerName: column.header,
      headerTooltip: column.header,
      field: column.key,
      tooltipValueGetter: (params) => formatReportCell(column, params.value as Row[string]),
      valueFormatter: (params) => formatReportCell(column, params.value as Row[string]),
      comparator: (left: Row[string], right: Row[string]) => compareReportCells(left, right),
      ...(column.type === 'text' ? {} : { type: 'rightAligned' }),
      ...(column.key === link ? { cellClass: styles.link } : {}),
      minWidth: 60,
      width: fittedWidth(column, table.rows),
      sortable: true,
      resizable: true,
      suppressHeaderMenuButton: true,
      suppressHeaderFilterButton: true,
    }));
  }, [table, linkColumns, styles.link]);

  const isLong = table.rows.length > rowsWithoutScrolling;
  // Sized to its columns, as an SSRS table is, rather than stretched across the window.
  const frameWidth =
    columnDefs.reduce((sum, column) => sum + (column.width ?? 0), 0) + (isLong ? 18 : 2);
  return (
    <section
      className={styles.table}
      aria-label={table.name}
      data-testid={`report-table-${table.name}`}
    >
      <h3 className={styles.caption}>
        {table.name}
        <span className={styles.count}>{formatCount(table.rows.length, 'row')}</span>
        {table.drillThrough && table.rows.length > 0 && (
          <span className={styles.hint}>Click a row for {table.drillThrough.report}</span>
        )}
      </h3>
      {table.rows.length === 0 ? (
        <div className={styles.empty}>No rows for these parameters.</div>
      ) : (
        <div
          className={styles.frame}
          style={{ width: `${frameWidth}px`, ...(isLong ? { height: '480px' } : {}) }}
        >
          <AgGridReact<Row>
            theme={consoleGridTheme}
            rowData={table.rows}
            columnDefs={columnDefs}
            domLayout={isLong ? 'normal' : 'autoHeight'}
            rowClass={table.drillThrough ? styles.drillRow : undefined}
            suppressCellFocus={false}
            suppressColumnVirtualisation
            onRowClicked={(event: RowClickedEvent<Row>) => {
              if (table.drillThrough && event.data) onDrillThrough(event.data);
            }}
            // Enter on a focused row drills too, for the admin who works from the keyboard.
            onCellKeyDown={(event: CellKeyDownEvent<Row>) => {
              const key = (event.event as KeyboardEvent | null)?.key;
              if (key === 'Enter' && table.drillThrough && event.data) onDrillThrough(event.data);
            }}
          />
        </div>
      )}
    </section>
  );
}
