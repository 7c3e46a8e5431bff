import type { SeverityName, UpdateCriterion } from '../../shared/contract/software-updates';

type Property = UpdateCriterion['property'];

/** The Add Criteria checklist of §3.4, in the console's words, with each criterion's first value. */
export const criterionLabels: Record<Property, string> = {
  dateReleasedOrRevised: 'Date Released or Revised',
  classification: 'Update Classification',
  product: 'Product',
  severity: 'Severity',
  customSeverity: 'Custom Severity',
  expired: 'Expired',
  superseded: 'Superseded',
  deployed: 'Deployed',
  downloaded: 'Downloaded',
  required: 'Required',
  articleId: 'Article ID',
  bulletinId: 'Bulletin ID',
  title: 'Title',
  vendor: 'Vendor',
  cve: 'CVE',
};

export const severityNames: readonly SeverityName[] = [
  'Critical',
  'Important',
  'Moderate',
  'Low',
  'None',
];

/** A new criterion as the console adds it: a sensible first value the admin then changes. */
export function newCriterion(property: Property): UpdateCriterion {
  switch (property) {
    case 'dateReleasedOrRevised':
      return { property, condition: 'lastDays', days: 30 };
    case 'expired':
    case 'superseded':
    case 'deployed':
    case 'downloaded':
      return { property, value: false };
    case 'required':
      return { property, condition: 'atLeast', value: 1 };
    case 'severity':
    case 'customSeverity':
      return { property, values: ['Critical'] };
    case 'classification':
      return { property, values: ['Security Updates'] };
    case 'vendor':
      return { property, values: ['Microsoft'] };
    default:
      return { property, values: [] } as unknown as UpdateCriterion;
  }
}

/** Whether a criterion is complete enough to send (an empty text list is still being typed). */
export function isComplete(criterion: UpdateCriterion): boolean {
  return !('values' in criterion) || criterion.values.length > 0;
}
