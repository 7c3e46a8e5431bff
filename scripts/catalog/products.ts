/**
 * Products as the Products tab shows them: vendor > product family > product. WSUS names the
 * company "Microsoft" in the catalog Patchbay's sites already use.
 */
export interface CatalogProduct {
  vendor: string;
  family: string;
  name: string;
}

export const microsoft = 'Microsoft';

/**
 * WSUS product names in the OSDSUS exports. Multi-product updates arrive space-joined ("Windows
 * 10 Windows 10 LTSB"), which cannot be split on spaces, so the names are matched longest first.
 */
const knownWsusProducts = [
  'Microsoft Edge',
  'Microsoft Server operating system-21H2',
  'Microsoft Server Operating System-22H2',
  'Office 2010',
  'Office 2013',
  'Office 2016',
  'Windows 10',
  'Windows 10 and later Dynamic Update',
  'Windows 10 Dynamic Update',
  'Windows 10 LTSB',
  'Windows 10, version 1903 and later',
  'Windows 11',
  'Windows 11 Dynamic Update',
  'Windows Insider Pre-Release',
  'Windows Safe OS Dynamic Update',
  'Windows Server',
  'Windows Server 2016',
  'Windows Server 2019',
  'Windows Server, version 1903 and later',
].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/** Splits a WSUS `Category` value into product names; an unknown remainder stays one name. */
export function splitWsusProducts(category: string): string[] {
  const names: string[] = [];
  for (const piece of category.split('|')) {
    let rest = piece.trim();
    while (rest !== '') {
      const known = knownWsusProducts.find((name) => rest === name || rest.startsWith(`${name} `));
      const name = known ?? rest;
      names.push(name);
      rest = rest.slice(name.length).trim();
    }
  }
  return [...new Set(names)];
}

/**
 * The family of an Update Catalog product, which the Catalog does not name; these follow the
 * WSUS category tree (Visual Studio sits under "Developer Tools, Runtimes, and
 * Redistributables", driver products under Windows).
 */
const familyRules: Array<[RegExp, string]> = [
  [/^Office\b/i, 'Office'],
  [/^Visual Studio\b/i, 'Developer Tools, Runtimes, and Redistributables'],
  [/^System Center\b|^SC\d{4}\b/i, 'System Center'],
  [/^Azure File Sync\b/i, 'Azure File Sync'],
  [/^Windows Defender\b/i, 'Windows Defender'],
];

export function familyOfCatalogProduct(name: string): string {
  return familyRules.find(([pattern]) => pattern.test(name))?.[1] ?? 'Windows';
}

export function compareProducts(a: CatalogProduct, b: CatalogProduct): number {
  return compareText(
    `${a.vendor}\u0000${a.family}\u0000${a.name}`,
    `${b.vendor}\u0000${b.family}\u0000${b.name}`,
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
