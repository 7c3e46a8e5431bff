import { updateLanguages } from '../../src/main/site/sup/languages';

/**
 * Languages of an update, as lowercase locale codes ('en-us', 'zh-cn'), which the site's
 * Languages-tab filter reduces to WSUS language codes. Empty means language-neutral.
 */

// Tokens shaped like a locale that are not one: Office language interface packs ("lip-sr")
// and input method editors ("ime-ja").
const notLocales = new Set(['lip', 'ime']);
const localeInName = /(?:^|[-_.])([a-z]{2,3}-(?:[a-z]{4}-)?[a-z]{2})(?=[-_.]|$)/g;

/**
 * The locale a WSUS payload file is for, from its name: Office language cabs
 * (`grooveintl-ar-sa.cab`) and feature-update ESDs (`…_x64fre_en-us.esd`). '' when neutral.
 */
export function languageOfFile(fileName: string): string {
  const found = [...fileName.toLowerCase().matchAll(localeInName)]
    .map((match) => match[1] ?? '')
    .filter((code) => !notLocales.has(code.split('-')[0] ?? ''));
  // The locale sits last in these names (after the edition and architecture).
  return found.at(-1) ?? '';
}

// The Update Catalog names languages in English; WSUS's own list covers most of them.
const codeByName = new Map<string, string>([
  ...updateLanguages.map(({ code, name }) => [name.toLowerCase(), code] as [string, string]),
  ['chinese - hong kong sar', 'zh-hk'],
  ['portuguese (portugal)', 'pt-pt'],
  ['serbian (latin)', 'sr-latn'],
]);

/**
 * The Update Catalog's `Language` column: 'All' (neutral) or a `_`-joined list of English
 * names. A name WSUS does not know is kept as written rather than dropped.
 */
export function languagesFromCatalog(value: string | null): string[] {
  if (!value || value.trim().toLowerCase() === 'all') return [];
  return value
    .split('_')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => codeByName.get(name.toLowerCase()) ?? name);
}
