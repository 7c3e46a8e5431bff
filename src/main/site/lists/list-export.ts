import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  pagedExportLists,
  siteContract,
  type ExportColumn,
  type ListExportRequest,
  type ListExportResult,
} from '../../../shared/contract';
import { exportCell, exportFileName, type ExportCell } from '../../../shared/export/cell-rules';
import { SiteError } from '../../../shared/errors';
import type { CallContext, SiteHandlers } from '../api/handlers';
import { writeExportFile } from './export-writer';

/** Rows per page while the site reads its own list for an export (the contract's largest). */
const exportPageSize = 5000;
const tokenPattern = /^[0-9a-f]{32}$/;

type ListHandler = (input: unknown, context: CallContext) => Promise<unknown>;
type Page = { rows: unknown[]; nextCursor?: string | null };

/**
 * Export on the site: reads the list through its own handler, exactly as the grid reads it
 * (same schema, same filter and sort), page by page, and streams each row's visible columns
 * into the file. Files land in `<data folder>/exports/<token>/`, downloaded once over HTTP.
 */
export class ListExports {
  constructor(
    private readonly handlers: () => Pick<SiteHandlers, ListExportRequest['list']>,
    private readonly folder: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async export(request: ListExportRequest, context: CallContext): Promise<ListExportResult> {
    const token = randomBytes(16).toString('hex');
    const fileName = exportFileName(request.title, request.format, this.now());
    const folder = join(this.folder, token);
    await mkdir(folder, { recursive: true });
    const path = join(folder, fileName);
    try {
      const written = await writeExportFile(path, {
        format: request.format,
        sheetName: request.title,
        headers: request.columns.map((column) => column.header),
        rows: this.readRows(request, context),
      });
      return { fileName, path, downloadPath: `/exports/${token}`, ...written };
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** The file of a download token, or null when the token is unknown or already used. */
  async fileOf(token: string): Promise<{ path: string; fileName: string } | null> {
    if (!tokenPattern.test(token)) return null;
    const folder = join(this.folder, token);
    const names = await readdir(folder).catch(() => []);
    const fileName = names.find((name) => !name.endsWith('.part'));
    return fileName ? { path: join(folder, fileName), fileName } : null;
  }

  /** Forgets a downloaded file: each export is fetched once. */
  async discard(token: string): Promise<void> {
    if (tokenPattern.test(token))
      await rm(join(this.folder, token), { recursive: true, force: true });
  }

  private async *readRows(
    request: ListExportRequest,
    context: CallContext,
  ): AsyncGenerator<ExportCell[]> {
    const spec = siteContract[request.list];
    const handler = this.handlers()[request.list] as ListHandler;
    const isPaged = (pagedExportLists as readonly string[]).includes(request.list);
    let after: string | undefined;
    for (;;) {
      const raw = isPaged
        ? { ...request.query, page: { size: exportPageSize, ...(after && { after }) } }
        : request.query;
      const parsed = spec.input.safeParse(raw);
      if (!parsed.success)
        throw new SiteError(
          'invalid-input',
          `query: not a ${request.list} query: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
        );
      const page = (await handler(parsed.data, context)) as Page;
      for (const row of page.rows) yield request.columns.map((column) => cellOf(column, row));
      if (!isPaged || !page.nextCursor || page.rows.length === 0) return;
      after = page.nextCursor;
    }
  }
}

function cellOf(column: ExportColumn, row: unknown): ExportCell {
  const record = row as Record<string, unknown>;
  if (!Object.hasOwn(record, column.field))
    throw new SiteError('invalid-input', `columns: a row of this list has no "${column.field}".`);
  const value = record[column.field];
  if (column.labels) {
    const label = column.labels[String(value)];
    if (label !== undefined) return exportCell('text', label);
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return exportCell('text', JSON.stringify(value));
  return exportCell(column.kind, value as string | number | boolean | null);
}
