import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { ExportFormat } from '../../../shared/contract/list-export';
import { cellText, untyped, type ExportCell } from '../../../shared/export/cell-rules';
import { csvCell } from '../../../shared/csv';

/** Rows whose text widths size the XLSX columns: a streamed sheet fixes its widths up front. */
const sizingRows = 1000;
const maxColumnWidth = 80;

export interface ExportFile {
  readonly format: ExportFormat;
  /** The sheet's name (XLSX), e.g. the list's title. */
  readonly sheetName: string;
  readonly headers: readonly string[];
  /** Typed cells, one array per row, read as the file is written. */
  readonly rows: AsyncIterable<readonly ExportCell[]>;
}

/**
 * Streams an export to `path`: written to a part file first and renamed into place, so a
 * failed or interrupted export never leaves a half file under the final name. Memory stays
 * flat however many rows the list has. Returns the rows written and the file's size.
 */
export async function writeExportFile(
  path: string,
  file: ExportFile,
): Promise<{ rows: number; bytes: number }> {
  const partPath = `${path}.part`;
  try {
    const rows =
      file.format === 'csv' ? await writeCsv(partPath, file) : await writeXlsx(partPath, file);
    await rename(partPath, path);
    return { rows, bytes: (await stat(path)).size };
  } catch (error) {
    await rm(partPath, { force: true });
    throw error;
  }
}

async function writeCsv(path: string, file: ExportFile): Promise<number> {
  const out = createWriteStream(path);
  const closed = once(out, 'close');
  let count = 0;
  try {
    // The byte order mark makes Excel read non-ASCII titles as UTF-8.
    const header = file.headers.map((text) => csvCell({ type: 'text', text })).join(',');
    out.write(`\uFEFF${header}\r\n`);
    let chunk = '';
    for await (const row of file.rows) {
      chunk += `${row.map(csvCell).join(',')}\r\n`;
      count += 1;
      if (chunk.length > 64 * 1024) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await closed;
    return count;
  } catch (error) {
    out.destroy();
    throw error;
  }
}

const dateFormat = 'yyyy-mm-dd hh:mm:ss';
const percentFormat = '0.0%';

async function writeXlsx(path: string, file: ExportFile): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    // Text is written inline (t="inlineStr", see xlsxValue): a plain string, never a formula
    // cell, and no shared string table that would hold every title in memory until the end.
    useSharedStrings: false,
    // Level 1 deflate: the sheet XML is compressed as fast as the list is read, so it does not
    // pile up in memory waiting for the compressor (exceljs hands chunks on without backpressure).
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = 'Patchbay';
  const sheet = workbook.addWorksheet(sheetName(file.sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const iterator = file.rows[Symbol.asyncIterator]();
  // The first rows are read ahead to size the columns to their content.
  const sample: (readonly ExportCell[])[] = [];
  let next = await iterator.next();
  while (!next.done && sample.length < sizingRows) {
    sample.push(next.value);
    if (sample.length < sizingRows) next = await iterator.next();
  }
  const isDone = next.done === true;
  sheet.columns = file.headers.map((header, index) => ({
    key: String(index),
    width: columnWidth(header, sample, index),
    style: columnStyle(sample, index),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: file.headers.length } };
  // The header row follows the same rules as every text cell: guarded, an inline string.
  const headerRow = sheet.addRow(file.headers.map((text) => xlsxValue(untyped(text))));
  headerRow.font = { bold: true };
  headerRow.commit();
  let count = 0;
  const add = (row: readonly ExportCell[]) => {
    sheet.addRow(row.map(xlsxValue)).commit();
    count += 1;
  };
  for (const row of sample) add(row);
  if (!isDone)
    for (;;) {
      next = await iterator.next();
      if (next.done) break;
      add(next.value);
      if (count % 500 === 0) await compressorCaughtUp(sheet);
    }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** Bytes of sheet XML allowed to wait for the compressor before the export reads on. */
const maxPendingBytes = 4 * 1024 * 1024;

/**
 * exceljs's streamed sheet hands its XML to the zip entry without honouring backpressure, so a
 * list read faster than it is compressed piles up in memory. This waits while the entry's
 * writable buffer holds more than `maxPendingBytes` (the sheet stream's `pipes` are exceljs
 * internals; without them the wait is a plain yield to the event loop).
 */
async function compressorCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const stream = (sheet as unknown as { stream?: { pipes?: { writableLength?: number }[] } })
    .stream;
  const pending = () => stream?.pipes?.reduce((sum, pipe) => sum + (pipe.writableLength ?? 0), 0);
  do await new Promise((resolve) => setImmediate(resolve));
  while ((pending() ?? 0) > maxPendingBytes);
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Export';
}

type XlsxValue = { richText: { text: string }[] } | number | Date | null;

function xlsxValue(cell: ExportCell): XlsxValue {
  switch (cell.type) {
    case 'empty':
      return null;
    case 'text':
      // exceljs writes a one-run rich text as an inline string; a plain string without shared
      // strings would become t="str", the type of a formula's cached result.
      return { richText: [{ text: cell.text }] };
    case 'number':
    case 'percent':
    case 'date':
      return cell.value;
  }
}

/** Dates and percentages get their number format from the column's first typed cell. */
function columnStyle(sample: readonly (readonly ExportCell[])[], index: number) {
  const typed = sample.find((row) => row[index] && row[index].type !== 'empty')?.[index];
  if (typed?.type === 'date') return { numFmt: dateFormat };
  if (typed?.type === 'percent') return { numFmt: percentFormat };
  return {};
}

function columnWidth(
  header: string,
  sample: readonly (readonly ExportCell[])[],
  index: number,
): number {
  let width = header.length + 4; // room for the autofilter arrow
  for (const row of sample) {
    const cell = row[index];
    if (!cell) continue;
    const text = cell.type === 'date' ? dateFormat : cellText(cell);
    if (text.length + 2 > width) width = text.length + 2;
  }
  return Math.min(width, maxColumnWidth);
}
