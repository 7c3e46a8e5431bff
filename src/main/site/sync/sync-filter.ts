import type { UpdateRecord } from '../catalog/update-record';
import { productId } from '../catalog/update-record';
import { updateLanguages } from '../sup/languages';

export interface SyncSelection {
  classifications: Set<string>;
  products: Set<string>;
  summaryLanguages: Set<string>;
}

/**
 * The Classifications, Products and Languages tabs as a filter: an update is synchronized when
 * its classification is checked, at least one of its products is checked (an update for several
 * products then shows all of them, as in ConfigMgr), and it is language-neutral or in a checked
 * Summary Details language.
 */
export function isSelected(record: UpdateRecord, selection: SyncSelection): boolean {
  if (!selection.classifications.has(record.classification)) return false;
  if (!record.products.some((product) => selection.products.has(productId(product)))) return false;
  const offered = record.languages
    .map(primaryLanguage)
    .filter((code) => wsusLanguageCodes.has(code));
  // Language-neutral updates, and those only in languages the Languages tab does not offer
  // (Filipino, Konkani…), cannot be filtered by it and are kept.
  if (offered.length === 0) return true;
  return offered.some((code) => selection.summaryLanguages.has(code));
}

const wsusLanguageCodes = new Set(updateLanguages.map((language) => language.code));

/** WSUS language codes are mostly primary tags ('en'), a few regional ('zh-cn'); catalog data may say 'en-US'. */
export function primaryLanguage(code: string): string {
  const lower = code.toLowerCase();
  // WSUS keeps Chinese by region and Brazilian Portuguese apart; every other language by its
  // primary tag (pt-pt is "pt", Portuguese (Portugal)).
  if (lower.startsWith('zh-') || lower === 'pt-br') return lower;
  return lower.split('-')[0] ?? lower;
}
