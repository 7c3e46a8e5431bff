import type { ReportResult } from '../../../../shared/contract/reports';
import { csvCell } from '../../../../shared/csv';
import { untyped } from '../../../../shared/export/cell-rules';
import { reportCell, visibleColumns } from './report-cells';

// Through the cell rules: a parameter or a table name may be a group named "=HYPERLINK(…)".
const textCell = (text: string) => csvCell(untyped(text));

/**
 * A report as one CSV document: the title, "Data as of" and the parameters first, then each
 * table under its name with its header line, separated by empty lines; the charts' points last,
 * as a table (a CSV has no pictures). UTF-8 with a byte order mark, CRLF line ends.
 */
export function reportCsv(result: ReportResult): string {
  const lines: string[] = [
    [textCell('Report'), textCell(result.title)].join(','),
    [textCell('Data as of'), textCell(result.dataAsOf)].join(','),
  ];
  for (const each of result.parameters)
    lines.push([textCell(each.label), textCell(each.display)].join(','));
  for (const table of result.tables) {
    const columns = visibleColumns(table);
    lines.push(
      '',
      textCell(table.name),
      columns.map((column) => textCell(column.header)).join(','),
    );
    for (const row of table.rows)
      lines.push(columns.map((column) => csvCell(reportCell(column, row[column.key]))).join(','));
  }
  for (const chart of result.charts) {
    lines.push(
      '',
      textCell(`Chart: ${chart.title}`),
      [textCell('Label'), textCell('Value')].join(','),
    );
    for (const point of chart.points)
      lines.push(
        [textCell(point.label), csvCell({ type: 'number', value: point.value })].join(','),
      );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
