import { createHash } from 'node:crypto';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';

function guid(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Scales a real catalog's shape up to `count` updates (performance.md, "Fixture generator"):
 * each synthetic update copies a real one's products, classification, severity, CVEs and files,
 * with a new id and KB, and supersedes the previous copy of the same real update — so
 * supersedence chains grow as they do month after month.
 */
export function scaleCatalog(templates: UpdateRecord[], count: number): UpdateRecord[] {
  const records: UpdateRecord[] = [];
  const previousOf = new Map<number, UpdateRecord>();
  for (let index = 0; index < count; index += 1) {
    const templateIndex = index % templates.length;
    const template = templates[templateIndex]!;
    const generation = Math.floor(index / templates.length);
    const updateId = guid(`${template.updateId}/${generation}`);
    const articleId = String(7_000_000 + index);
    const previous = previousOf.get(templateIndex);
    const released = new Date(
      Date.parse(template.dateReleased) + generation * 30 * 86_400_000,
    ).toISOString();
    const record: UpdateRecord = {
      ...template,
      updateId,
      articleId,
      title: `${template.title.replace(/\(KB\d+\)/, '')} (KB${articleId})`,
      dateReleased: released,
      dateRevised: released,
      supersedes: previous
        ? [{ updateId: previous.updateId, articleId: previous.articleId, title: previous.title }]
        : [],
      contentFiles: template.contentFiles.map((file, fileIndex) => ({
        ...file,
        fileName: `kb${articleId}-${fileIndex}-${file.fileName}`,
        sha1: createHash('sha1').update(`${updateId}/${fileIndex}`).digest('hex'),
        sha256: createHash('sha256').update(`${updateId}/${fileIndex}`).digest('hex'),
      })),
    };
    previousOf.set(templateIndex, record);
    records.push(record);
  }
  return records;
}
