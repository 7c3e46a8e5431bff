import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { PermanentJobError } from '../jobs/job-handler';
import { readCatalogBundle } from '../catalog/bundle/read-catalog-bundle';
import type { UpdateRecord } from '../catalog/update-record';
import { findBundledCatalog } from './bundled-catalog';
import { fetchSource } from './fetch-source';
import { sourceDigest, type SyncPayload, type SyncSourceContext } from './sync-payload';

/**
 * The catalog-bundle source (spec §2.3.1, "Do not synchronize from Microsoft Update or upstream
 * data source" with export/import): the bundle shipped with Patchbay, a folder or manifest path,
 * or an http(s) URL of a manifest. Every part is checked against the manifest's SHA-256 before
 * a single record is used.
 */
export async function readCatalogBundleSource(
  location: string,
  context: SyncSourceContext,
  bundledFolder: string | null = findBundledCatalog(),
): Promise<SyncPayload> {
  let folder: string;
  let label: string;
  if (location.trim() === '') {
    if (!bundledFolder)
      throw new PermanentJobError(
        'The catalog bundled with Patchbay is missing (assets/catalog/manifest.json); reinstall Patchbay or set a catalog bundle location.',
      );
    folder = bundledFolder;
    label = 'Catalog bundled with Patchbay';
  } else if (/^https?:\/\//i.test(location)) {
    folder = await downloadBundle(location, context);
    label = location;
  } else {
    folder = location;
    label = location;
  }
  // A delta synchronization of a bundle already taken, with the same selection, has nothing to
  // read: the manifest names every part by SHA-256, so equal manifests mean equal catalogs.
  const digest = manifestDigest(folder);
  if (
    !context.isFull &&
    digest !== null &&
    sourceDigest(digest, context.selectionKey) === context.previousDigest
  ) {
    context.log(`The catalog bundle ${label} has not changed since the last synchronization`);
    return { kind: 'unchanged', sourceLabel: label, digest };
  }
  context.log(`Reading catalog bundle ${label}`);
  const records: UpdateRecord[] = [];
  for await (const record of readCatalogBundle(folder)) {
    records.push(record);
    if (records.length % 500 === 0) {
      context.progress(records.length, 0);
      if (context.signal.aborted) break;
    }
  }
  context.progress(records.length, records.length);
  return { kind: 'snapshot', sourceLabel: label, records, digest: digest ?? undefined };
}

function manifestDigest(folder: string): string | null {
  const manifestPath = folder.endsWith('.json') ? folder : join(folder, 'manifest.json');
  try {
    return createHash('sha256').update(readFileSync(manifestPath)).digest('hex');
  } catch {
    return null; // the reader names the missing manifest in its own sentence
  }
}

/** Fetches the manifest and each part it names into the work folder; names stay inside it. */
async function downloadBundle(url: string, context: SyncSourceContext): Promise<string> {
  const manifestUrl = url.endsWith('.json') ? url : `${url.replace(/\/?$/, '/')}manifest.json`;
  const folder = join(context.workFolder, 'bundle');
  mkdirSync(folder, { recursive: true });
  const manifestText = await fetchText(manifestUrl, context.signal);
  let parts: Array<{ name: string }>;
  try {
    parts = (JSON.parse(manifestText) as { parts?: Array<{ name: string }> }).parts ?? [];
  } catch {
    throw new PermanentJobError(`${manifestUrl} is not a catalog bundle manifest (not JSON).`);
  }
  await writeText(join(folder, 'manifest.json'), manifestText);
  for (const part of parts) {
    if (
      typeof part.name !== 'string' ||
      basename(part.name) !== part.name ||
      part.name.startsWith('.')
    )
      throw new PermanentJobError(
        `${manifestUrl} names a part "${String(part.name)}" outside the bundle folder; refused.`,
      );
    const partUrl = new URL(part.name, manifestUrl).href;
    context.log(`Downloading ${partUrl}`);
    const response = await fetchSource(partUrl, context.signal);
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream),
      createWriteStream(join(folder, part.name)),
    );
  }
  return folder;
}

async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  return (await fetchSource(url, signal)).text();
}

async function writeText(path: string, text: string): Promise<void> {
  await pipeline(Readable.from([text]), createWriteStream(path));
}
