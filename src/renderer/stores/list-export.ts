import type { ListExportResult, ListPage } from '../../shared/contract';
import { exportFileName } from '../../shared/export/cell-rules';
import { toCsv, type CsvValue } from '../../shared/csv';
import type { ColumnSpec, ListQuery } from '../nodes/types';

const exportPageSize = 1000;

export type SaveFile = (fileName: string, text: string, mimeType: string) => void;

/** The platform's way to hand over a file the site wrote (see `ConsoleServices`). */
export type ReceiveExport = (file: ListExportResult) => void;

interface ExportRequest<Row> {
  readonly title: string;
  readonly columns: readonly ColumnSpec<Row>[];
  /** Reads one page with the list's current search and sort. */
  readPage(page: ListQuery['page']): Promise<ListPage<Row>>;
  onProgress(done: number, total: number): void;
  readonly saveFile: SaveFile;
}

/**
 * The console-side export, for lists the site cannot export itself (their columns compute
 * text in the console): writes every row matching the list's search, not only the blocks the grid has loaded, by
 * reading the list in keyset order. Returns the number of rows written.
 */
export async function exportListToCsv<Row>(request: ExportRequest<Row>): Promise<number> {
  const { columns } = request;
  const lines: CsvValue[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await request.readPage(
      after === undefined ? { size: exportPageSize } : { size: exportPageSize, after },
    );
    for (const row of page.rows) lines.push(columns.map((column) => exportCell(column, row)));
    request.onProgress(lines.length, Math.max(page.total, lines.length));
    if (page.nextCursor === null || page.rows.length === 0) break;
    after = page.nextCursor;
  }
  const headers = columns.map((column) => column.header);
  const text = toCsv(headers, lines, { withByteOrderMark: true });
  request.saveFile(
    exportFileName(request.title, 'csv', new Date()),
    text,
    'text/csv;charset=utf-8',
  );
  return lines.length;
}

function exportCell<Row>(column: ColumnSpec<Row>, row: Row): CsvValue {
  return column.exportValue ? column.exportValue(row) : column.text(row);
}
