import type { ProductRow } from '../stores/sup-settings-draft';

/** A vendor or product family of the Products tab, with the product ids beneath it. */
export interface ProductBranch {
  readonly key: string;
  readonly name: string;
  readonly productIds: readonly string[];
  readonly families: readonly ProductBranch[];
  readonly products: readonly ProductRow[];
}

/** vendor > family > product, in the order the site lists them (vendor, family, name). */
export function productTree(products: readonly ProductRow[]): ProductBranch[] {
  const vendors = new Map<string, Map<string, ProductRow[]>>();
  for (const product of products) {
    const families = vendors.get(product.vendor) ?? new Map<string, ProductRow[]>();
    vendors.set(product.vendor, families);
    families.set(product.family, [...(families.get(product.family) ?? []), product]);
  }
  return [...vendors].map(([vendor, families]) => {
    const branches = [...families].map(([family, rows]) => ({
      key: `${vendor}\u0000${family}`,
      name: family,
      productIds: rows.map((row) => row.id),
      families: [],
      products: rows,
    }));
    return {
      key: vendor,
      name: vendor,
      productIds: branches.flatMap((branch) => branch.productIds),
      families: branches,
      products: [],
    };
  });
}

/** A branch's checkbox: checked when all its products are, mixed when some are. */
export function branchState(branch: ProductBranch, chosen: ReadonlySet<string>): boolean | 'mixed' {
  const count = branch.productIds.filter((id) => chosen.has(id)).length;
  if (count === 0) return false;
  return count === branch.productIds.length ? true : 'mixed';
}
