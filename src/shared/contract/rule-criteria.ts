import { z } from 'zod';
import { SeverityName } from './software-updates';

/**
 * The property filters of the Software Updates page of the Create Automatic Deployment Rule
 * Wizard (spec §8.2), named after the New-CMSoftwareUpdateAutoDeploymentRule parameters.
 * Filters are ANDed; the values of one filter are ORed, as the console's search criteria read
 * ("Product: Windows 11 OR Windows 10 AND Severity: Critical"). Expired updates are never
 * selected, whatever the filters say: the engine adds that itself.
 */
export const ruleArchitectures = ['Arm64', 'Itanium', 'X64', 'X86'] as const;
export const RuleArchitecture = z.enum(ruleArchitectures);

/** Date Released or Revised, exactly as the console's drop-down offers it (2111+ "Older than"). */
export const dateReleasedRanges = [
  'Any',
  'Last 1 hour',
  'Last 2 hours',
  'Last 3 hours',
  'Last 4 hours',
  'Last 8 hours',
  'Last 12 hours',
  'Last 16 hours',
  'Last 20 hours',
  'Last 1 day',
  'Last 2 days',
  'Last 3 days',
  'Last 4 days',
  'Last 5 days',
  'Last 6 days',
  'Last 7 days',
  'Last 14 days',
  'Last 21 days',
  'Last 28 days',
  'Last 1 month',
  'Last 2 months',
  'Last 3 months',
  'Last 4 months',
  'Last 5 months',
  'Last 6 months',
  'Last 7 months',
  'Last 8 months',
  'Last 9 months',
  'Last 10 months',
  'Last 11 months',
  'Last 1 year',
  'Older than 30 days',
  'Older than 60 days',
  'Older than 90 days',
  'Older than 6 months',
  'Older than 1 year',
] as const;
export const DateReleasedRange = z.enum(dateReleasedRanges, {
  error: `choose one of: ${dateReleasedRanges.join(', ')}`,
});
export type DateReleasedRange = z.infer<typeof DateReleasedRange>;

/** Required and Content Size (KB) compare a number: ">=1", "<=100000". */
export const ComparisonOperator = z.enum(['>=', '<=', '=', '>', '<']);
export type ComparisonOperator = z.infer<typeof ComparisonOperator>;

const words = z
  .string()
  .trim()
  .min(1, 'a value cannot be blank')
  .max(200, 'at most 200 characters')
  .refine((value) => !/[\r\n]/.test(value), 'a value cannot contain a line break');
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, 'choose at least one value').max(200, 'at most 200 values');

export const RulePropertyFilter = z.discriminatedUnion('property', [
  z.object({ property: z.literal('architecture'), values: list(RuleArchitecture) }).strict(),
  z.object({ property: z.literal('articleId'), values: list(words) }).strict(),
  z.object({ property: z.literal('bulletinId'), values: list(words) }).strict(),
  z
    .object({
      property: z.literal('contentSize'),
      operator: ComparisonOperator,
      kilobytes: z.number().int().min(0, 'a size cannot be negative'),
    })
    .strict(),
  z.object({ property: z.literal('customSeverity'), values: list(SeverityName) }).strict(),
  z.object({ property: z.literal('dateReleasedOrRevised'), range: DateReleasedRange }).strict(),
  z.object({ property: z.literal('deployed'), value: z.boolean() }).strict(),
  z.object({ property: z.literal('description'), values: list(words) }).strict(),
  /** Language names as the console shows them ("English"), or codes ("en"). */
  z.object({ property: z.literal('language'), values: list(words) }).strict(),
  /** Product names (or ids); a family name selects every product of the family. */
  z.object({ property: z.literal('product'), values: list(words) }).strict(),
  z
    .object({
      property: z.literal('required'),
      operator: ComparisonOperator,
      value: z.number().int().min(0, 'a count cannot be negative'),
    })
    .strict(),
  z.object({ property: z.literal('severity'), values: list(SeverityName) }).strict(),
  z.object({ property: z.literal('superseded'), value: z.boolean() }).strict(),
  /** Title contains any of the values. */
  z.object({ property: z.literal('title'), values: list(words) }).strict(),
  z.object({ property: z.literal('updateClassification'), values: list(words) }).strict(),
  z.object({ property: z.literal('vendor'), values: list(words) }).strict(),
]);
export type RulePropertyFilter = z.infer<typeof RulePropertyFilter>;
export type RuleFilterProperty = RulePropertyFilter['property'];

/** The Property filters checklist, in the console's (alphabetical) order, with its labels. */
export const ruleFilterLabels: Record<RuleFilterProperty, string> = {
  architecture: 'Architecture',
  articleId: 'Article ID',
  bulletinId: 'Bulletin ID',
  contentSize: 'Content Size (KB)',
  customSeverity: 'Custom Severity',
  dateReleasedOrRevised: 'Date Released or Revised',
  deployed: 'Deployed',
  description: 'Description',
  language: 'Language',
  product: 'Product',
  required: 'Required',
  severity: 'Severity',
  superseded: 'Superseded',
  title: 'Title',
  updateClassification: 'Update Classification',
  vendor: 'Vendor',
};

/** The search criteria of a rule: at most one filter per property, at least one filter. */
export const RuleCriteria = z
  .array(RulePropertyFilter)
  .min(1, 'choose at least one property filter')
  .max(16)
  .superRefine((filters, ctx) => {
    const seen = new Set<string>();
    for (const filter of filters) {
      if (seen.has(filter.property))
        ctx.addIssue({
          code: 'custom',
          message: `${ruleFilterLabels[filter.property]} is chosen twice; give all its values in one filter`,
        });
      seen.add(filter.property);
    }
  });
export type RuleCriteria = z.infer<typeof RuleCriteria>;

/** One value of the criteria text, as a hyperlink the admin clicks to edit that filter. */
export interface CriteriaTextPart {
  text: string;
  /** Set on the parts that are a filter's value: clicking it opens that filter's editor. */
  property?: RuleFilterProperty;
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function valueText(filter: RulePropertyFilter): string {
  switch (filter.property) {
    case 'contentSize':
      return `${filter.operator}${filter.kilobytes}`;
    case 'required':
      return `${filter.operator}${filter.value}`;
    case 'dateReleasedOrRevised':
      return filter.range;
    case 'deployed':
    case 'superseded':
      return yesNo(filter.value);
    default:
      return filter.values.join(' OR ');
  }
}

/**
 * The "Search criteria" text under the checklist: `Product: "Windows 11" AND Superseded: No`.
 * Each filter's value is its own part so the wizard can render it as a link.
 */
export function criteriaTextParts(criteria: readonly RulePropertyFilter[]): CriteriaTextPart[] {
  const parts: CriteriaTextPart[] = [];
  criteria.forEach((filter, index) => {
    if (index > 0) parts.push({ text: ' AND ' });
    parts.push({ text: `${ruleFilterLabels[filter.property]}: ` });
    parts.push({ text: valueText(filter), property: filter.property });
  });
  return parts;
}

export function criteriaText(criteria: readonly RulePropertyFilter[]): string {
  return criteriaTextParts(criteria)
    .map((part) => part.text)
    .join('');
}

/** Parses ">=1", "<= 100000" or "5" (equals) from the CLI and the value editors. */
export function parseComparison(text: string): { operator: ComparisonOperator; value: number } {
  const match = /^\s*(>=|<=|=|>|<)?\s*(\d+)\s*$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a comparison; write it like >=1, <=100000 or =0`);
  return {
    operator: ComparisonOperator.parse(match[1] ?? '='),
    value: Number(match[2]),
  };
}
