import type { UpdateRecord } from '../catalog/update-record';
import { productId } from '../catalog/update-record';

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
  if (record.languages.length === 0) return true;
  return record.languages.some((language) =>
    selection.summaryLanguages.has(primaryLanguage(language)),
  );
}

/** WSUS language codes are mostly primary tags ('en'), a few regional ('zh-cn'); catalog data may say 'en-US'. */
export function primaryLanguage(code: string): string {
  const lower = code.toLowerCase();
  return lower.startsWith('zh-') || lower.startsWith('pt-')
    ? lower
    : (lower.split('-')[0] ?? lower);
}
