import type { ReportResult } from '../../../../shared/contract/reports';
import { reportFileName } from './report-cells';
import { reportCsv } from './report-csv';
import { reportPdf } from './report-pdf';
import { reportXlsx } from './report-xlsx';

export type ReportFileFormat = 'csv' | 'xlsx' | 'pdf';

const mimeTypes: Record<ReportFileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** One report result as the bytes of a file; the console, the CLI and schedules share it. */
export async function exportReport(
  result: ReportResult,
  format: ReportFileFormat,
): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
  const content =
    format === 'csv'
      ? Buffer.from(reportCsv(result), 'utf8')
      : format === 'xlsx'
        ? await reportXlsx(result)
        : await reportPdf(result);
  return { fileName: reportFileName(result, format), mimeType: mimeTypes[format], content };
}
