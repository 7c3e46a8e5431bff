import type { UpdateRecord } from '../catalog/update-record';
import { productId } from '../catalog/update-record';
import { updateLanguages } from '../sup/languages';
import type { SupComponentSettings } from '../../../shared/contract/software-update-point';
import { readSetting, writeSetting } from './site-settings-store';

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

/** Set once the first sync has chosen the default product selection (see below). */
const productsChosenKey = 'sync.productsChosen';

/**
 * On a new site no product is checked yet. ConfigMgr's answer (sync once, then choose) leaves a
 * newcomer with an empty list, so the first sync checks every product the source offers; from
 * then on the Products tab is the admin's alone.
 */
export async function currentSelection(
  trx: Parameters<typeof readSetting>[0],
  settings: SupComponentSettings,
  now: string,
): Promise<SyncSelection> {
  const selection = selectionFromSettings(settings);
  const chosen = await readSetting(trx, productsChosenKey, false);
  if (!chosen && selection.products.size === 0) {
    await trx.updateTable('product').set({ is_synchronized: 1 }).execute();
    selection.products = new Set(
      (await trx.selectFrom('product').select('id').execute()).map((row) => row.id),
    );
  }
  if (!chosen) await writeSetting(trx, productsChosenKey, true, now);
  return selection;
}

/** The Products, Classifications and Languages tabs as the filter a synchronization applies. */
export function selectionFromSettings(settings: SupComponentSettings): SyncSelection {
  const classifications = new Set(settings.classifications);
  // Drivers come only through "Include Microsoft Surface drivers and firmware updates".
  if (settings.includeSurfaceDrivers) classifications.add('Drivers');
  else classifications.delete('Drivers');
  return {
    classifications,
    products: new Set(settings.products),
    summaryLanguages: new Set(settings.summaryDetailsLanguages.map((code) => code.toLowerCase())),
  };
}

/** What the written catalog depends on besides the source: a change makes an unchanged source worth reading. */
export function selectionKeyOf(location: string, selection: SyncSelection): string {
  return JSON.stringify([
    location,
    [...selection.classifications].sort(),
    [...selection.products].sort(),
    [...selection.summaryLanguages].sort(),
  ]);
}
