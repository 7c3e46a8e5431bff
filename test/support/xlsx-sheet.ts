import { execFileSync } from 'node:child_process';

/**
 * Reads an XLSX with a second reader, not exceljs: Info-ZIP's `unzip -p` takes the parts out of
 * the package and the sheet XML is read as Excel reads it (shared strings, styles, number
 * formats). Only what the export tests look at is parsed.
 */
export interface SheetCell {
  readonly ref: string;
  /**
   * The cell type attribute: "inlineStr" or "s" (shared) for text, "str" for a formula's string
   * result, absent for numbers and dates.
   */
  readonly type: string | undefined;
  readonly value: string;
  readonly numberFormat: string | undefined;
  readonly hasFormula: boolean;
}

export interface ReadSheet {
  readonly xml: string;
  readonly rows: SheetCell[][];
  /** Cell values as text: shared strings resolved, numbers as written. */
  readonly values: string[][];
}

export function readXlsxPart(file: string, part: string): string {
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

export function listXlsxParts(file: string): string[] {
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
}

const unescape = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

export function readFirstSheet(file: string): ReadSheet {
  const xml = readXlsxPart(file, 'xl/worksheets/sheet1.xml');
  const strings = listXlsxParts(file).includes('xl/sharedStrings.xml')
    ? [...readXlsxPart(file, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
        (match) =>
          unescape([...match[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
      )
    : [];
  const styles = readXlsxPart(file, 'xl/styles.xml');
  const customFormats = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [
      m[1]!,
      unescape(m[2]!),
    ]),
  );
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const styleFormats = [...cellXfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) =>
    customFormats.get(m[1]!),
  );
  const rows = [...xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    [...row[1]!.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((cell) => {
      const attributes = cell[1]!;
      const body = cell[2] ?? '';
      const type = /\bt="([^"]+)"/.exec(attributes)?.[1];
      const style = /\bs="(\d+)"/.exec(attributes)?.[1];
      const raw =
        type === 'inlineStr'
          ? [...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescape(t[1]!)).join('')
          : unescape(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
      return {
        ref: /\br="([A-Z]+\d+)"/.exec(attributes)![1]!,
        type,
        value: type === 's' ? strings[Number(raw)]! : raw,
        numberFormat: style === undefined ? undefined : styleFormats[Number(style)],
        hasFormula: body.includes('<f'),
      };
    }),
  );
  // Cells written without a value (empty) may be left out: place each by its column letters.
  const values = rows.map((row) => {
    const line: string[] = [];
    for (const cell of row) line[columnIndex(cell.ref)] = cell.value;
    return Array.from(line, (value) => value ?? '');
  });
  return { xml, rows, values };
}

function columnIndex(ref: string): number {
  let index = 0;
  for (const letter of /^[A-Z]+/.exec(ref)![0]) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

/** An Excel serial day number (1900 system) as the UTC time it stands for. */
export function excelSerialToIso(serial: string): string {
  return new Date(Math.round((Number(serial) - 25569) * 86_400_000)).toISOString();
}
