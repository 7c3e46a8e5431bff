import { demoVendor } from '../../site/content/demo-catalog';
import type { SiteDatabase } from '../../site/db/open-database';

/** An update as the simulated clients see it: which products it applies to and its age. */
export interface FleetUpdate {
  updateId: string;
  products: string[];
  releasedAt: number;
  isSuperseded: boolean;
  /** A "Patchbay Demo" update: only a deployment installs it. */
  isDemo: boolean;
}

/** The demo catalog's product, which a realistic share of the fleet runs. */
export function isDemoProduct(product: string): boolean {
  return product.startsWith(demoVendor);
}

export interface FleetCatalog {
  updates: FleetUpdate[];
  /** Operating systems clients run, from the catalog's Windows products, servers apart. */
  workstationSystems: string[];
  serverSystems: string[];
  /** Other products (Office, .NET, Edge, SQL Server…) a client may have besides its OS. */
  otherProducts: string[];
  /** The newest release: "now" for the installed history, whatever the real date. */
  newestReleaseAt: number;
}

/**
 * The fleet's view of the site's catalog: the `limit` newest updates and their products, plus
 * the demo updates whatever their age. The fleet reports a state for each of them, as a client
 * reports every update its scan evaluates.
 */
export async function loadFleetCatalog(site: SiteDatabase, limit: number): Promise<FleetCatalog> {
  const columns = ['ci_id', 'update_id', 'date_released', 'is_superseded', 'vendor'] as const;
  const newest = await site.read
    .selectFrom('software_update')
    .select(columns)
    .orderBy('date_released', 'desc')
    .orderBy('ci_id', 'desc')
    .limit(limit)
    .execute();
  const demo = await site.read
    .selectFrom('software_update')
    .select(columns)
    .where('vendor', '=', demoVendor)
    .execute();
  const seen = new Set(newest.map((row) => row.ci_id));
  const rows = [...newest, ...demo.filter((row) => !seen.has(row.ci_id))];
  const products = new Map<number, string[]>();
  const families = new Map<string, string>();
  for (let start = 0; start < rows.length; start += 1000) {
    const links = await site.read
      .selectFrom('software_update_product as sp')
      .innerJoin('product as p', 'p.id', 'sp.product_id')
      .select(['sp.ci_id', 'p.name', 'p.family'])
      .where(
        'sp.ci_id',
        'in',
        rows.slice(start, start + 1000).map((row) => row.ci_id),
      )
      .execute();
    for (const link of links) {
      products.set(link.ci_id, [...(products.get(link.ci_id) ?? []), link.name]);
      families.set(link.name, link.family);
    }
  }
  const updates = rows.map((row) => ({
    updateId: row.update_id,
    products: products.get(row.ci_id) ?? [],
    releasedAt: Date.parse(row.date_released),
    isSuperseded: row.is_superseded === 1,
    isDemo: row.vendor === demoVendor,
  }));
  const names = [...families.keys()].sort();
  const isSystem = (name: string) =>
    families.get(name) === 'Windows' && /^Windows( Server)? \d/.test(name);
  return {
    updates,
    workstationSystems: names.filter((name) => isSystem(name) && !name.includes('Server')),
    serverSystems: names.filter((name) => isSystem(name) && name.includes('Server')),
    otherProducts: names.filter((name) => !isSystem(name)),
    newestReleaseAt: Math.max(0, ...updates.map((update) => update.releasedAt)),
  };
}
