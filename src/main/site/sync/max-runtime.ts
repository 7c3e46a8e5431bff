import type { SupComponentSettings } from '../../../shared/contract/software-update-point';
import type { UpdateRecord } from '../catalog/update-record';

const featureClassifications = new Set(['Upgrades', 'Update Rollups', 'Service Packs']);
const nonFeatureFamilies = /^(windows( server)?|office|microsoft 365)/i;

/**
 * The Maximum Run Time defaults of spec §2.3.9, given to newly synchronized updates: feature
 * updates; Office 365 and Windows non-feature updates; everything else.
 */
export function maxRuntimeFor(record: UpdateRecord, settings: SupComponentSettings): number {
  if (featureClassifications.has(record.classification))
    return settings.featureUpdateMaxRuntimeMinutes;
  if (record.products.some((product) => nonFeatureFamilies.test(product.family)))
    return settings.nonFeatureUpdateMaxRuntimeMinutes;
  return settings.otherUpdateMaxRuntimeMinutes;
}
