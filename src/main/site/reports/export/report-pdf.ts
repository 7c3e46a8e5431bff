import PDFDocument from 'pdfkit';
import type { ReportChart, ReportResult } from '../../../../shared/contract/reports';
import { cellText, type ExportCell } from '../../../../shared/export/cell-rules';
import { reportCell, visibleColumns, type ReportTableOf } from './report-cells';

const margin = 36;
const fontSize = 8;
const rowHeight = 13;
/** Colours of the console's charts: compliant green, non-compliant red, unknown grey, then more. */
const palette = [
  '#2e7d32',
  '#c62828',
  '#9e9e9e',
  '#1565c0',
  '#f9a825',
  '#6a1b9a',
  '#00838f',
  '#ef6c00',
];

type Doc = InstanceType<typeof PDFDocument>;

/** The text a PDF cell shows: percentages with %, times without the ISO noise. */
function shown(cell: ExportCell): string {
  if (cell.type === 'percent') return `${Math.round(cell.value * 100)}%`;
  if (cell.type === 'date') return cell.value.toISOString().slice(0, 19).replace('T', ' ');
  return cellText(cell);
}

/** Cuts text to the width, with an ellipsis, so a row stays one line. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const bottom = (doc: Doc) => doc.page.height - margin - 16;

function heading(doc: Doc, text: string, size: number) {
  if (doc.y + size * 2 > bottom(doc)) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(size).fillColor('black').text(text, margin, doc.y);
  doc.moveDown(0.3);
}

/**
 * One table, paginated: the header row is drawn again at the top of every page the table runs
 * onto. Column widths follow the longest text of each column, scaled to the page.
 */
function drawTable(doc: Doc, table: ReportTableOf) {
  heading(doc, table.name, 11);
  const columns = visibleColumns(table);
  // A PDF runs no formulas: text is shown as it is, without the spreadsheet guard.
  const cells = table.rows.map((row) =>
    columns.map((column) =>
      column.type === 'text'
        ? String(row[column.key] ?? '')
        : shown(reportCell(column, row[column.key])),
    ),
  );
  if (columns.length === 0) return;
  const width = doc.page.width - margin * 2;
  doc.font('Helvetica').fontSize(fontSize);
  const natural = columns.map((column, index) =>
    Math.min(
      220,
      Math.max(
        doc.widthOfString(column.header) + 8,
        ...cells.slice(0, 500).map((row) => doc.widthOfString(row[index]!) + 8),
      ),
    ),
  );
  const scale = width / natural.reduce((sum, each) => sum + each, 0);
  const widths = natural.map((each) => each * scale);
  const numeric = columns.map((column) => column.type === 'number' || column.type === 'percent');
  const drawRow = (texts: string[], isHeader: boolean) => {
    const y = doc.y;
    if (isHeader) doc.rect(margin, y - 2, width, rowHeight).fill('#e0e0e0');
    doc
      .fillColor('black')
      .font(isHeader ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(fontSize);
    let x = margin;
    texts.forEach((text, index) => {
      const cellWidth = widths[index]! - 6;
      doc.text(fit(doc, text, cellWidth), x + 3, y, {
        width: cellWidth,
        align: numeric[index] ? 'right' : 'left',
        lineBreak: false,
      });
      x += widths[index]!;
    });
    doc.y = y + rowHeight;
  };
  const header = columns.map((column) => column.header);
  if (doc.y + rowHeight * 2 > bottom(doc)) doc.addPage();
  drawRow(header, true);
  if (cells.length === 0) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(fontSize)
      .text('No rows.', margin + 3, doc.y);
    doc.y += 4;
  }
  for (const row of cells) {
    if (doc.y + rowHeight > bottom(doc)) {
      doc.addPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  doc.y += 10;
}

/** A pie as vector slices (SVG arcs) with a legend, or horizontal bars with their values. */
function drawChart(doc: Doc, chart: ReportChart) {
  // A pie is a fixed square with its legend; bars take one line each.
  const height = chart.kind === 'pie' ? 150 : 15 + Math.max(1, chart.points.length) * 22;
  if (doc.y + height + 30 > bottom(doc)) doc.addPage();
  heading(doc, chart.title, 11);
  const top = doc.y;
  const total = chart.points.reduce((sum, point) => sum + Math.max(0, point.value), 0);
  doc.font('Helvetica').fontSize(fontSize);
  if (chart.points.length === 0 || total === 0) {
    doc.fillColor('black').text('No data.', margin, top);
    doc.y = top + 20;
    return;
  }
  if (chart.kind === 'pie') {
    const radius = 65;
    const cx = margin + radius + 5;
    const cy = top + radius + 5;
    let angle = -Math.PI / 2;
    chart.points.forEach((point, index) => {
      const colour = palette[index % palette.length]!;
      const share = Math.max(0, point.value) / total;
      if (share >= 0.9999) doc.circle(cx, cy, radius).fill(colour);
      else if (share > 0) {
        const end = angle + share * Math.PI * 2;
        const large = share > 0.5 ? 1 : 0;
        const [x1, y1] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
        const [x2, y2] = [cx + radius * Math.cos(end), cy + radius * Math.sin(end)];
        doc
          .path(`M ${cx} ${cy} L ${x1} ${y1} A ${radius} ${radius} 0 ${large} 1 ${x2} ${y2} Z`)
          .fill(colour);
        angle = end;
      }
      const ly = top + 10 + index * 14;
      doc.rect(cx + radius + 30, ly, 9, 9).fill(colour);
      doc
        .fillColor('black')
        .text(
          `${point.label}: ${point.value} (${Math.round((Math.max(0, point.value) * 100) / total)}%)`,
          cx + radius + 44,
          ly + 1,
          { lineBreak: false },
        );
    });
  } else {
    const labelWidth = 150;
    const barMax = doc.page.width - margin * 2 - labelWidth - 60;
    const max = Math.max(...chart.points.map((point) => point.value));
    chart.points.forEach((point, index) => {
      const y = top + 5 + index * 22;
      const colour = palette[(index + 3) % palette.length]!;
      doc
        .fillColor('black')
        .text(fit(doc, point.label, labelWidth - 6), margin, y + 4, { lineBreak: false });
      const length = max > 0 ? (Math.max(0, point.value) / max) * barMax : 0;
      if (length > 0) doc.rect(margin + labelWidth, y, length, 16).fill(colour);
      doc.fillColor('black').text(String(point.value), margin + labelWidth + length + 4, y + 4, {
        lineBreak: false,
      });
    });
  }
  doc.y = top + height;
}

/**
 * A report as PDF (pdfkit, landscape A4): the title, "Data as of", the parameters, the charts
 * drawn as vector shapes, then the tables paginated with their header repeated, and
 * "Page n of m" on every page.
 */
export function reportPdf(result: ReportResult): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin,
    bufferPages: true,
    info: { Title: result.title, Author: 'Patchbay', CreationDate: new Date(result.dataAsOf) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(result.title, margin, margin);
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(9);
  doc.text(
    `Data as of ${result.dataAsOf.slice(0, 19).replace('T', ' ')} UTC (live counters of the site)`,
  );
  for (const each of result.parameters) doc.text(`${each.label}: ${each.display}`);
  doc.moveDown(0.8);
  for (const chart of result.charts) drawChart(doc, chart);
  for (const table of result.tables) drawTable(doc, table);
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Below the bottom margin: pdfkit would otherwise start a new page for the footer.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555555')
      .text(`Page ${index + 1} of ${range.count}`, margin, doc.page.height - margin + 6, {
        width: doc.page.width - margin * 2,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}
