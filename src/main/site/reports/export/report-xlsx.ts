import ExcelJS from 'exceljs';
import type { ReportResult } from '../../../../shared/contract/reports';
import { cellText, guardFormula, type ExportCell } from '../../../../shared/export/cell-rules';
import { reportCell, visibleColumns } from './report-cells';

const dateFormat = 'yyyy-mm-dd hh:mm:ss';
const percentFormat = '0%';
const maxColumnWidth = 80;

/** Excel forbids []:*?/\ in sheet names, allows 31 characters, and wants them unique. */
function sheetNamer() {
  const used = new Set<string>();
  return (title: string) => {
    const base =
      title
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 31) || 'Table';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1)
      name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  };
}

function xlsxValue(cell: ExportCell): string | number | Date | null {
  switch (cell.type) {
    case 'empty':
      return null;
    case 'text':
      return cell.text;
    default:
      return cell.value;
  }
}

const widthOf = (cell: ExportCell) => (cell.type === 'date' ? dateFormat : cellText(cell)).length;

/**
 * A report as a workbook: a cover sheet ("Report") with the title, the parameters and "Data as
 * of"; a sheet per table with typed cells (dates as dates, numbers as numbers, percentages as
 * percentages), its header row frozen with an autofilter and its columns sized to content; and
 * a "Chart data" sheet with each chart's points. Charts are given as their data, not pictures:
 * exceljs writes no native charts, and a picture would hide the numbers an auditor checks.
 */
export async function reportXlsx(result: ReportResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Patchbay';
  workbook.created = new Date(result.dataAsOf);
  const nameSheet = sheetNamer();

  const cover = workbook.addWorksheet(nameSheet('Report'));
  cover.columns = [
    { key: 'label', width: 24 },
    { key: 'value', width: 60 },
  ];
  cover.addRow(['Report', guardFormula(result.title)]).font = { bold: true };
  const asOf = cover.addRow(['Data as of', new Date(result.dataAsOf)]);
  asOf.getCell(2).numFmt = dateFormat;
  cover.addRow(['Source', 'Live counters of the site (not summarized data)']);
  for (const each of result.parameters)
    cover.addRow([guardFormula(each.label), guardFormula(each.display)]);
  cover.addRow([]);
  cover.addRow(['Tables', result.tables.map((table) => guardFormula(table.name)).join(', ')]);

  for (const table of result.tables) {
    const columns = visibleColumns(table);
    const sheet = workbook.addWorksheet(nameSheet(table.name), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const cells = table.rows.map((row) =>
      columns.map((column) => reportCell(column, row[column.key])),
    );
    sheet.columns = columns.map((column, index) => ({
      header: guardFormula(column.header),
      key: column.key,
      width: Math.min(
        maxColumnWidth,
        Math.max(column.header.length + 4, ...cells.map((row) => widthOf(row[index]!) + 2)),
      ),
      style:
        column.type === 'date'
          ? { numFmt: dateFormat }
          : column.type === 'percent'
            ? { numFmt: percentFormat }
            : {},
    }));
    sheet.getRow(1).font = { bold: true };
    if (columns.length > 0)
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    for (const row of cells) sheet.addRow(row.map(xlsxValue));
  }

  if (result.charts.length > 0) {
    const sheet = workbook.addWorksheet(nameSheet('Chart data'), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = [
      { header: 'Chart', key: 'chart', width: 40 },
      { header: 'Kind', key: 'kind', width: 8 },
      { header: 'Label', key: 'label', width: 40 },
      { header: 'Value', key: 'value', width: 12 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 4 } };
    for (const chart of result.charts)
      for (const point of chart.points)
        sheet.addRow([
          guardFormula(chart.title),
          chart.kind,
          guardFormula(point.label),
          point.value,
        ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
