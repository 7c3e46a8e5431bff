import type { DeviceCollection } from '../../../shared/contract/collections';
import { SiteError } from '../../../shared/errors';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import { parseFormat, type OutputFormat } from './output';
import { openSiteFor, type SiteCommandOptions } from './site-options';

/** A bad option is the admin's input: exit code 2 like any other invalid input. */
export function formatOf(value: string): OutputFormat {
  try {
    return parseFormat(value);
  } catch (error) {
    throw new SiteError('invalid-input', (error as Error).message);
  }
}

/** Opens the site for one verb (without running jobs) and closes it whatever happens. */
export async function withSite(
  options: SiteCommandOptions,
  work: (site: Site) => Promise<void>,
): Promise<void> {
  const site = await openSiteFor(options, false);
  try {
    await work(site);
  } finally {
    await site.close();
  }
}

/** A collection by name (any case), CollectionID (SMS00001) or database ID. */
export async function findCollection(site: Site, reference: string): Promise<DeviceCollection> {
  const all = await callSite(site, 'collections.list', {});
  const wanted = reference.toLowerCase();
  const found =
    all.find((c) => c.name.toLowerCase() === wanted) ??
    all.find((c) => c.collectionId.toLowerCase() === wanted) ??
    (/^\d+$/.test(reference) ? all.find((c) => c.id === Number(reference)) : undefined);
  if (!found) throw new SiteError('not-found', `There is no device collection "${reference}".`);
  return found;
}

/** A device by name (any case) or database ID. */
export async function findDevice(
  site: Site,
  reference: string,
): Promise<{ id: number; name: string }> {
  const page = await callSite(site, 'devices.list', {
    filter: { text: reference },
    page: { size: 5000 },
  });
  const named = page.rows.find((row) => row.name.toLowerCase() === reference.toLowerCase());
  if (named) return named;
  if (/^\d+$/.test(reference)) return callSite(site, 'devices.get', { id: Number(reference) });
  throw new SiteError('not-found', `There is no device named "${reference}".`);
}
