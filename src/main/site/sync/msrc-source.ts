import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline, Readable, type Duplex } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import * as zlib from 'node:zlib';
import { PermanentJobError } from '../jobs/job-handler';
import { fetchSource } from './fetch-source';
import { readCvrfDocument } from './msrc-cvrf-reader';
import type { MsrcRemediation, SyncPayload, SyncSourceContext } from './sync-payload';

const documentPattern = /\.xml(\.zst|\.gz)?$/i;

/**
 * The MSRC security updates source: CVRF 1.1 documents (`*.xml`, or compressed `.xml.zst` /
 * `.xml.gz` as archived) in a folder, or one document at an http(s) URL such as MSRC's
 * `https://api.msrc.microsoft.com/cvrf/v3.0/cvrf/2024-Jan`. Later documents win for a KB that
 * several name, because MSRC revises older months' data in newer documents.
 */
export async function readMsrcSource(
  location: string,
  context: SyncSourceContext,
): Promise<SyncPayload> {
  if (location.trim() === '')
    throw new PermanentJobError(
      'The MSRC source needs a folder or URL of CVRF documents (Sync Settings tab).',
    );
  const documents = /^https?:\/\//i.test(location) ? [location] : listDocuments(location);
  const byKb = new Map<string, MsrcRemediation>();
  let done = 0;
  for (const document of documents) {
    context.signal.throwIfAborted();
    context.log(`Reading CVRF document ${document}`);
    const stream = /^https?:\/\//i.test(document)
      ? await openUrl(document, context.signal)
      : openFile(document);
    for (const remediation of await readCvrfDocument(stream, document)) {
      const earlier = byKb.get(remediation.articleId);
      if (!earlier) byKb.set(remediation.articleId, remediation);
      else
        byKb.set(remediation.articleId, {
          ...remediation,
          cves: [
            ...new Map([...earlier.cves, ...remediation.cves].map((cve) => [cve.id, cve])).values(),
          ],
          supersedesArticleIds: [
            ...new Set([...earlier.supersedesArticleIds, ...remediation.supersedesArticleIds]),
          ],
        });
    }
    done += 1;
    context.progress(done, documents.length);
  }
  return { kind: 'msrc-merge', sourceLabel: location, remediations: [...byKb.values()] };
}

function listDocuments(folder: string): string[] {
  let names: string[];
  try {
    if (statSync(folder).isFile()) return [folder];
    names = readdirSync(folder);
  } catch {
    throw new PermanentJobError(`The MSRC folder ${folder} does not exist or cannot be read.`);
  }
  const documents = names
    .filter((name) => documentPattern.test(name))
    .sort(byMonth)
    .map((name) => join(folder, name));
  if (documents.length === 0)
    throw new PermanentJobError(
      `The MSRC folder ${folder} holds no CVRF documents (*.xml, *.xml.zst, *.xml.gz).`,
    );
  return documents;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** MSRC names documents `2024-Jan`; oldest first, so newer revisions win. */
function byMonth(a: string, b: string): number {
  const key = (name: string) => {
    const match = /(\d{4})-([A-Za-z]{3})/.exec(basename(name));
    return match ? `${match[1]}-${String(months.indexOf(match[2]!)).padStart(2, '0')}` : name;
  };
  return key(a).localeCompare(key(b));
}

function openFile(path: string): Readable {
  const raw = createReadStream(path);
  const decompress = /\.zst$/i.test(path)
    ? zstd(path)
    : /\.gz$/i.test(path)
      ? zlib.createGunzip()
      : null;
  if (!decompress) return raw;
  // pipeline() passes a read or decompression error on, so the reader sees it and names the file.
  return pipeline(raw, decompress, () => undefined);
}

async function openUrl(url: string, signal: AbortSignal): Promise<Readable> {
  const response = await fetchSource(url, signal, { headers: { accept: 'application/xml' } });
  return Readable.fromWeb(response.body as WebReadableStream);
}

/** zstd arrived in Node.js 22.15; on an older Node a .zst document is refused in one sentence. */
function zstd(path: string) {
  const create = (zlib as { createZstdDecompress?: () => NodeJS.ReadWriteStream })
    .createZstdDecompress;
  if (!create)
    throw new PermanentJobError(
      `${path} is zstd-compressed, which needs Node.js 22.15 or newer; decompress it first or upgrade Node.js.`,
    );
  return create() as unknown as Duplex;
}
