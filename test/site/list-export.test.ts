import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ExportColumn,
  ListExportRequest,
  SoftwareUpdateRow,
  UpdateCriterion,
} from '../../src/shared/contract';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { Site } from '../../src/main/site/site';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { syncAndWait } from '../support/sync-helpers';
import { openTestSite } from '../support/test-site';
import { excelSerialToIso, readFirstSheet } from '../support/xlsx-sheet';

const context = { user: 'test', transport: 'test' } as const;
const classifications = ['Security Updates', 'Critical Updates', 'Updates'];
const severities = ['Critical', 'Important', ''] as const;
/** Text a spreadsheet would run as a formula if it were written as it is. */
const injections = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];

function catalog(): UpdateRecord[] {
  return Array.from({ length: 48 }, (_, index) => {
    const record = makeRecord(`export-${String(index).padStart(2, '0')}`, {
      classification: classifications[index % classifications.length]!,
      severity: severities[index % severities.length]!,
      dateReleased: new Date(Date.UTC(2024, 0, 1 + index, 10, 30)).toISOString(),
      dateRevised: new Date(Date.UTC(2024, 0, 1 + index, 10, 30)).toISOString(),
      size: 1_048_576 * (index + 1),
    });
    // Some titles start with formula triggers, as a hostile catalog's could.
    const injection = injections[index % 8];
    return injection ? { ...record, title: `${injection} ${record.title}` } : record;
  });
}

/** The columns an admin has on screen, in their order, as the console sends them. */
const columns: ExportColumn[] = [
  { header: 'Title', field: 'title', kind: 'text' },
  { header: 'Article ID', field: 'articleId', kind: 'text' },
  { header: 'Severity', field: 'severity', kind: 'text', labels: { '': 'None' } },
  { header: 'Required', field: 'required', kind: 'number' },
  { header: 'Percent Compliant', field: 'percentCompliant', kind: 'percent' },
  { header: 'Expired', field: 'isExpired', kind: 'flag' },
  { header: 'Date Released', field: 'dateReleased', kind: 'date' },
  { header: 'Size (MB)', field: 'size', kind: 'megabytes' },
];

/** What the grid shows in those columns, computed here from the rows the grid reads. */
function shown(row: SoftwareUpdateRow): string[] {
  const guard = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  return [
    guard(row.title),
    row.articleId,
    row.severity || 'None',
    String(row.required),
    String(row.percentCompliant),
    row.isExpired ? 'Yes' : 'No',
    row.dateReleased,
    (row.size / 1_048_576).toFixed(2).replace(/\.?0+$/, ''),
  ];
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return rows;
}

describe.each(engines)('Export of a list as shown on %s', (engine) => {
  let site: Site;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    site = opened.site;
    dispose = opened.dispose;
    await site.supSettings.set({ syncSourceLocation: bundleOf(catalog()), classifications });
    expect((await syncAndWait(site)).error).toBeNull();
  });
  afterAll(async () => dispose());

  // "Security Updates or Updates, Critical or no severity", sorted by title descending.
  const criteria: UpdateCriterion[] = [
    { property: 'classification', values: ['Security Updates', 'Updates'] },
    { property: 'severity', values: ['Critical', 'Important'] },
    { property: 'expired', value: false },
  ];
  const query = {
    filter: { text: 'export-', criteria },
    sort: { column: 'title', direction: 'desc' },
  };
  const request = (format: 'csv' | 'xlsx'): ListExportRequest => ({
    title: 'All Software Updates',
    format,
    list: 'updates.list',
    query,
    columns,
  });
  /** The rows the grid shows for the same query, read as the grid reads them. */
  const gridRows = async () => {
    const page = await site.handlers['updates.list'](
      {
        filter: { text: 'export-', criteria },
        sort: { column: 'title', direction: 'desc' },
        page: { size: 5000 },
      },
      context,
    );
    expect(page.rows.length).toBeGreaterThan(5);
    expect(page.rows.length).toBeLessThan(48);
    return page.rows;
  };

  it('writes CSV with the columns, order, filter and sort the grid has, formula text guarded', async () => {
    const result = await site.handlers['lists.export'](request('csv'), context);
    expect(result.fileName).toMatch(/^All Software Updates \d{4}-\d\d-\d\d \d{4}\.csv$/);
    const text = readFileSync(result.path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...body] = parseCsv(text.slice(1));
    expect(header).toEqual(columns.map((column) => column.header));
    const rows = await gridRows();
    expect(result.rows).toBe(rows.length);
    expect(body).toEqual(rows.map(shown));
    // Every hostile title starts with the quote that makes it text.
    const hostile = body.filter((line) => injections.some((i) => line[0]!.startsWith(`'${i}`)));
    expect(hostile.length).toBeGreaterThan(0);
    expect(body.every((line) => !/^[=+\-@\t\r]/.test(line[0]!))).toBe(true);
  });

  it('writes XLSX with the same rows, typed cells, a frozen header, an autofilter and sized columns', async () => {
    const result = await site.handlers['lists.export'](request('xlsx'), context);
    const sheet = readFirstSheet(result.path);
    const rows = await gridRows();
    expect(sheet.values[0]).toEqual(columns.map((column) => column.header));
    expect(sheet.rows[0]!.every((cell) => cell.type === 'inlineStr')).toBe(true);
    expect(sheet.rows.length).toBe(rows.length + 1);
    expect(sheet.xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet.xml).toContain(`<autoFilter ref="A1:H1"/>`);
    // Adjacent columns of one width share a <col min max> element.
    const widths = [
      ...sheet.xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g),
    ].flatMap((m) => Array<number>(Number(m[2]) - Number(m[1]) + 1).fill(Number(m[3])));
    expect(widths).toHaveLength(columns.length);
    // The title column is sized to the longest title, the Required column to its header.
    const longest = Math.max(...rows.map((row) => row.title.length + 1));
    expect(widths[0]).toBeGreaterThanOrEqual(longest);
    expect(widths[3]).toBeLessThan(widths[0]!);
    // No cell is a formula; text is an inline string, each value typed as the grid shows it.
    expect(sheet.rows.flat().some((cell) => cell.hasFormula)).toBe(false);
    rows.forEach((row, index) => {
      const cells = sheet.rows[index + 1]!;
      const expected = shown(row);
      expect(cells[0]).toMatchObject({ type: 'inlineStr', value: expected[0] });
      expect(cells[2]).toMatchObject({ type: 'inlineStr', value: expected[2] });
      expect(cells[3]).toMatchObject({ type: undefined, value: String(row.required) });
      expect(cells[4]!.numberFormat).toBe('0.0%');
      expect(Number(cells[4]!.value)).toBeCloseTo(row.percentCompliant / 100, 9);
      expect(cells[5]).toMatchObject({ type: 'inlineStr', value: expected[5] });
      expect(cells[6]!.numberFormat).toBe('yyyy-mm-dd hh:mm:ss');
      expect(excelSerialToIso(cells[6]!.value)).toBe(row.dateReleased);
      expect(Number(cells[7]!.value)).toBe(Number((row.size / 1_048_576).toFixed(2)));
    });
  });

  it('exports a group named as a formula as text, in CSV and XLSX', async () => {
    const name = '=HYPERLINK("http://x","y")';
    await site.handlers['groups.create']({ name, description: '', ciIds: [] }, context);
    const groupColumns: ExportColumn[] = [
      { header: 'Name', field: 'name', kind: 'text' },
      { header: 'Date Created', field: 'dateCreated', kind: 'date' },
    ];
    for (const format of ['csv', 'xlsx'] as const) {
      const result = await site.handlers['lists.export'](
        {
          title: 'Software Update Groups',
          format,
          list: 'groups.list',
          query: {},
          columns: groupColumns,
        },
        context,
      );
      const names =
        format === 'csv'
          ? parseCsv(readFileSync(result.path, 'utf8').slice(1)).map((line) => line[0])
          : readFirstSheet(result.path).values.map((line) => line[0]);
      expect(names).toEqual(['Name', `'${name}`]);
    }
  });

  it('refuses a column the list does not have and a query the list does not take', async () => {
    await expect(
      site.handlers['lists.export'](
        { ...request('csv'), columns: [{ header: 'X', field: 'noSuchField', kind: 'text' }] },
        context,
      ),
    ).rejects.toThrow(/no "noSuchField"/);
    await expect(
      site.handlers['lists.export'](
        { ...request('csv'), query: { sort: { column: 'nope' } } },
        context,
      ),
    ).rejects.toThrow(/not a updates.list query/);
  });

  it('serves a download once and forgets the file', async () => {
    const result = await site.handlers['lists.export'](request('csv'), context);
    const token = result.downloadPath.split('/').at(-1)!;
    expect(await site.listExports.fileOf(token)).toMatchObject({ fileName: result.fileName });
    await site.listExports.discard(token);
    expect(await site.listExports.fileOf(token)).toBeNull();
    expect(await site.listExports.fileOf('../../etc')).toBeNull();
  });
});
