import { makeStyles } from '@fluentui/react-components';
import {
  AllCommunityModule,
  ModuleRegistry,
  type CellKeyDownEvent,
  type GridApi,
  type GridReadyEvent,
  type RowDoubleClickedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { AnyRow, ColumnSpec } from '../nodes/types';
import type { GridHandle, ListStore } from '../stores/list-store';
import { ColumnLayoutMemory } from './column-layout';
import { toColumnDefs } from './column-defs';
import { consoleGridTheme } from './grid-theme';
import { createListDatasource, type ListDatasource } from './list-datasource';

// Community features only (MIT): the infinite row model, sorting, selection, CSV.
ModuleRegistry.registerModules([AllCommunityModule]);

const useStyles = makeStyles({
  frame: { position: 'relative', height: '100%', width: '100%' },
});

const rowSelection = {
  mode: 'multiRow',
  checkboxes: false,
  headerCheckbox: false,
  enableClickSelection: true,
} as const;

interface DataGridProps {
  readonly list: ListStore<AnyRow>;
  /** Double-click or Enter on a row: the node's Properties. */
  onOpen(): void;
}

/**
 * The one ag-grid of the console: a node's result list read page by page from the site, with
 * server-side sort, multi-select, remembered column layout and a column chooser.
 */
export function DataGrid({ list, onOpen }: DataGridProps) {
  const styles = useStyles();
  const { node } = list;
  const columnDefs = useMemo(() => toColumnDefs(node), [node]);
  const specs = useMemo(() => new Map(node.columns.map((column) => [column.id, column])), [node]);
  const memory = useMemo(
    () => new ColumnLayoutMemory(list.services.preferences, node.id),
    [list, node.id],
  );
  const gridApi = useRef<GridApi<AnyRow> | null>(null);
  const datasource = useRef<ListDatasource | null>(null);

  useEffect(() => () => list.attachGrid(null), [list]);

  const syncVisibleColumns = (api: GridApi<AnyRow>) => {
    list.setVisibleColumnIds(api.getAllDisplayedColumns().map((column) => column.getColId()));
  };

  const handleGridReady = ({ api }: GridReadyEvent<AnyRow>) => {
    gridApi.current = api;
    // A grid made anew (the admin came back to the node) has nothing selected: the ribbon must
    // not act on rows chosen in the grid that went away.
    list.setSelection([]);
    memory.restore(api);
    syncVisibleColumns(api);
    datasource.current = createListDatasource(list, (columnId) => specs.get(columnId)?.sortKey);
    api.setGridOption('datasource', datasource.current);
    list.attachGrid(createHandle(api, specs, memory, datasource.current, list));
  };

  const remember = (isFinished = true) => {
    const api = gridApi.current;
    if (!api || !isFinished) return;
    memory.save(api);
    syncVisibleColumns(api);
  };

  const openFromRow = (rowIndex: number | null) => {
    const api = gridApi.current;
    if (!api || rowIndex === null) return;
    const row = api.getDisplayedRowAtIndex(rowIndex);
    if (!row?.data) return;
    if (!row.isSelected()) row.setSelected(true, true);
    onOpen();
  };

  const handleContextMenu = (event: MouseEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest('.ag-header')) {
      event.preventDefault();
      list.openColumnChooser({ x: event.clientX, y: event.clientY });
      return;
    }
    // Right-clicking a row acts on it (joining the selection only if it is already in it), and
    // opens the same commands as the ribbon, as in the console.
    const rowElement = target.closest<HTMLElement>('.ag-row');
    const rowIndex = rowElement?.getAttribute('row-index');
    const row =
      rowIndex == null ? undefined : gridApi.current?.getDisplayedRowAtIndex(Number(rowIndex));
    if (!row?.data) return;
    event.preventDefault();
    if (!row.isSelected()) row.setSelected(true, true);
    list.openRowMenu({ x: event.clientX, y: event.clientY });
  };

  return (
    <div className={styles.frame} onContextMenu={handleContextMenu} data-node-id={node.id}>
      <AgGridReact<AnyRow>
        theme={consoleGridTheme}
        columnDefs={columnDefs}
        rowModelType="infinite"
        cacheBlockSize={node.pageSize ?? 100}
        maxBlocksInCache={200}
        maxConcurrentDatasourceRequests={2}
        blockLoadDebounceMillis={60}
        getRowId={(params) => node.rowId(params.data)}
        rowSelection={rowSelection}
        suppressMultiSort
        // Lists have at most a few dozen columns: render them all (screen readers, tests).
        suppressColumnVirtualisation
        suppressDragLeaveHidesColumns
        suppressOverlays={['noRows']}
        onGridReady={handleGridReady}
        onSelectionChanged={({ api }) => list.setSelection(api.getSelectedRows())}
        onRowDoubleClicked={(event: RowDoubleClickedEvent<AnyRow>) => openFromRow(event.rowIndex)}
        onCellKeyDown={(event: CellKeyDownEvent<AnyRow>) => {
          if ((event.event as KeyboardEvent | null)?.key === 'Enter') openFromRow(event.rowIndex);
        }}
        onColumnMoved={(event) => remember(event.finished)}
        onColumnResized={(event) => remember(event.finished)}
        onColumnVisible={() => remember()}
        onSortChanged={() => remember()}
      />
    </div>
  );
}

function createHandle(
  api: GridApi<AnyRow>,
  specs: Map<string, ColumnSpec<AnyRow>>,
  memory: ColumnLayoutMemory,
  datasource: ListDatasource,
  list: ListStore<AnyRow>,
): GridHandle<AnyRow> {
  return {
    refresh(options) {
      datasource.resetCursors();
      if (options?.toTop) {
        api.deselectAll();
        api.ensureIndexVisible(0, 'top');
        api.purgeInfiniteCache();
      } else {
        api.refreshInfiniteCache();
      }
    },
    updateRows(rows) {
      const missing: AnyRow[] = [];
      for (const row of rows) {
        const rowNode = api.getRowNode(list.node.rowId(row));
        if (rowNode) rowNode.setData(row);
        else missing.push(row);
      }
      if (missing.length < rows.length) list.setSelection(api.getSelectedRows());
      return missing;
    },
    visibleColumns() {
      return api.getAllDisplayedColumns().flatMap((column) => specs.get(column.getColId()) ?? []);
    },
    currentSort() {
      const sorted = api.getColumnState().find((state) => state.sort);
      const column = sorted ? specs.get(sorted.colId)?.sortKey : undefined;
      return sorted?.sort && column ? { column, direction: sorted.sort } : undefined;
    },
    setColumnVisible(columnId, isVisible) {
      api.setColumnsVisible([columnId], isVisible);
    },
    resetColumns() {
      memory.forget();
      api.resetColumnState();
      list.setVisibleColumnIds(api.getAllDisplayedColumns().map((column) => column.getColId()));
    },
  };
}
