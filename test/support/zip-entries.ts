import { inflateRawSync } from 'node:zlib';

/**
 * The files of a ZIP archive (an XLSX), read with Node's zlib from the central directory: a
 * second reader, independent of the library that wrote the file.
 */
export function zipEntries(archive: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let end = archive.length - 22;
  while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let index = 0; index < count; index += 1) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localOffset = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const localNameLength = archive.readUInt16LE(localOffset + 26);
    const localExtraLength = archive.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const data = archive.subarray(start, start + compressedSize);
    entries.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export interface SheetCell {
  ref: string;
  /** The cell's t attribute: s (shared string), n (number, the default), str, inlineStr, b. */
  type: string;
  /** The style index, for number formats (dates, percentages). */
  style: number;
  value: string;
  hasFormula: boolean;
}

const unescape = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');

/** The shared strings of a workbook, in index order. */
export function sharedStrings(entries: Map<string, Buffer>): string[] {
  const xml = entries.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) =>
    unescape([...match[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
}

/** The cells of one sheet's XML, with shared strings resolved to their text. */
export function sheetCells(xml: string, strings: string[]): SheetCell[] {
  const cells: SheetCell[] = [];
  for (const match of xml.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = match[1]!;
    const body = match[2] ?? '';
    const ref = /r="([A-Z]+\d+)"/.exec(attributes)![1]!;
    const type = /t="(\w+)"/.exec(attributes)?.[1] ?? 'n';
    const style = Number(/s="(\d+)"/.exec(attributes)?.[1] ?? 0);
    const raw =
      /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? /<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? '';
    cells.push({
      ref,
      type,
      style,
      value: type === 's' ? strings[Number(raw)]! : unescape(raw),
      hasFormula: /<f[ >]/.test(body),
    });
  }
  return cells;
}

/** Sheet names in workbook order with the part each is stored in. */
export function workbookSheets(
  entries: Map<string, Buffer>,
): Array<{ name: string; path: string }> {
  const workbook = entries.get('xl/workbook.xml')!.toString('utf8');
  const rels = entries.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  return [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((match) => {
    const target =
      new RegExp(`<Relationship [^>]*Id="${match[2]}"[^>]*Target="([^"]+)"`).exec(rels) ??
      new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${match[2]}"`).exec(rels);
    const path = target![1]!.replace(/^\/?(xl\/)?/, 'xl/');
    return { name: unescape(match[1]!), path };
  });
}
