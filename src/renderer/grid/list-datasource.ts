import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';
import type { AnyRow, ListQuery } from '../nodes/types';
import type { ListStore } from '../stores/list-store';

export interface ListDatasource extends IDatasource {
  /** Forget keyset cursors, e.g. before a refresh: rows may have moved. */
  resetCursors(): void;
}

/**
 * Feeds the infinite row model from a node's list source. Blocks read in order follow the
 * keyset cursor of the block before (cheap at any depth); a block reached by jumping with the
 * scroll bar is read by offset.
 */
export function createListDatasource(
  list: ListStore<AnyRow>,
  sortKeyOf: (columnId: string) => string | undefined,
): ListDatasource {
  const cursors = new Map<number, string>();
  let cursorScope = '';

  return {
    getRows(params: IGetRowsParams) {
      const sort = toSort(params.sortModel, sortKeyOf);
      const scope = `${sort?.column ?? ''}:${sort?.direction ?? ''}:${list.appliedSearch}:${JSON.stringify(list.criteria)}`;
      if (scope !== cursorScope) {
        cursors.clear();
        cursorScope = scope;
      }
      const { startRow } = params;
      const size = params.endRow - startRow;
      const after = cursors.get(startRow);
      const page =
        startRow === 0
          ? { size }
          : after !== undefined
            ? { size, after }
            : { size, offset: startRow };
      list.readPage({ sort, page }).then(
        (result) => {
          const endRow = startRow + result.rows.length;
          if (result.nextCursor !== null) cursors.set(endRow, result.nextCursor);
          const lastRow = result.nextCursor === null ? endRow : Math.max(result.total, endRow + 1);
          params.successCallback(result.rows, lastRow);
        },
        () => params.failCallback(),
      );
    },
    resetCursors() {
      cursors.clear();
    },
  };
}

function toSort(
  sortModel: readonly SortModelItem[],
  sortKeyOf: (columnId: string) => string | undefined,
): ListQuery['sort'] {
  const first = sortModel[0];
  const column = first ? sortKeyOf(first.colId) : undefined;
  return first && column ? { column, direction: first.sort } : undefined;
}
