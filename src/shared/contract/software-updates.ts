import { z } from 'zod';
import { method } from './define';
import { IsoTime, listPage, listQuery } from './list-query';

/** MSRC severities and "None", as the Severity and Custom Severity criteria offer them. */
export const SeverityName = z.enum(['Critical', 'Important', 'Moderate', 'Low', 'None']);
export type SeverityName = z.infer<typeof SeverityName>;

const values = (item: z.ZodType<string>) =>
  z.array(item).min(1, 'choose at least one value').max(200);
const text = z.string().trim().min(1).max(200);

/**
 * The Add Criteria properties of spec §3.4. Criteria are ANDed; the values of one criterion are
 * ORed, as in the console.
 */
export const UpdateCriterion = z.discriminatedUnion('property', [
  z.object({
    property: z.literal('dateReleasedOrRevised'),
    condition: z.enum(['onOrAfter', 'onOrBefore', 'lastDays']),
    date: z.iso.date().optional(),
    days: z.number().int().min(1).max(3650).optional(),
  }),
  z.object({ property: z.literal('classification'), values: values(text) }),
  z.object({ property: z.literal('product'), values: values(text) }),
  z.object({ property: z.literal('severity'), values: values(SeverityName) }),
  z.object({ property: z.literal('customSeverity'), values: values(SeverityName) }),
  z.object({ property: z.literal('expired'), value: z.boolean() }),
  z.object({ property: z.literal('superseded'), value: z.boolean() }),
  z.object({ property: z.literal('deployed'), value: z.boolean() }),
  z.object({ property: z.literal('downloaded'), value: z.boolean() }),
  z.object({
    property: z.literal('required'),
    condition: z.enum(['atLeast', 'atMost', 'equals']),
    value: z.number().int().min(0),
  }),
  z.object({ property: z.literal('articleId'), values: values(text) }),
  z.object({ property: z.literal('bulletinId'), values: values(text) }),
  z.object({ property: z.literal('title'), values: values(text) }),
  z.object({ property: z.literal('vendor'), values: values(text) }),
  z.object({ property: z.literal('cve'), values: values(text) }),
]);
export type UpdateCriterion = z.infer<typeof UpdateCriterion>;

export const UpdateFilter = z
  .object({
    /** The search box: title, article id or bulletin id contains it. */
    text: z.string().trim().max(200).optional(),
    criteria: z.array(UpdateCriterion).max(30).default([]),
    /** Show Members of a software update group. */
    groupId: z.number().int().optional(),
  })
  .refine(
    (filter) =>
      filter.criteria.every(
        (c) =>
          c.property !== 'dateReleasedOrRevised' ||
          (c.condition === 'lastDays' ? c.days !== undefined : c.date !== undefined),
      ),
    { message: 'Date Released or Revised needs a date, or a number of days for "in the last"' },
  );

export const updateSortColumns = [
  'title',
  'articleId',
  'bulletinId',
  'required',
  'installed',
  'percentCompliant',
  'severity',
  'customSeverity',
  'dateReleased',
  'dateRevised',
  'size',
  'classification',
] as const;

export const SoftwareUpdateListQuery = listQuery(UpdateFilter, updateSortColumns);

/** The first column's icon (§3.3), in the stated precedence; the red arrow is separate. */
export const UpdateIcon = z.enum(['invalid', 'expired', 'superseded', 'metadata-only', 'normal']);

export const SoftwareUpdateRow = z.object({
  ciId: z.number().int(),
  updateId: z.string(),
  title: z.string(),
  articleId: z.string(),
  bulletinId: z.string(),
  required: z.number().int(),
  installed: z.number().int(),
  notRequired: z.number().int(),
  unknown: z.number().int(),
  total: z.number().int(),
  percentCompliant: z.number().int(),
  isDownloaded: z.boolean(),
  isDeployed: z.boolean(),
  isExpired: z.boolean(),
  isSuperseded: z.boolean(),
  isInvalid: z.boolean(),
  isMetadataOnly: z.boolean(),
  /** The red arrow: downloadable content that is in no deployment package. */
  isContentMissing: z.boolean(),
  icon: UpdateIcon,
  severity: z.string(),
  customSeverity: z.string(),
  dateReleased: IsoTime,
  dateRevised: IsoTime,
  dateCreated: IsoTime,
  dateLastModified: IsoTime,
  size: z.number(),
  hasLicenseTerms: z.boolean(),
  classification: z.string(),
  products: z.string(),
  vendor: z.string(),
  maxRunTimeMinutes: z.number().int(),
  isBundle: z.boolean(),
  isUserDefined: z.boolean(),
});
export type SoftwareUpdateRow = z.infer<typeof SoftwareUpdateRow>;

export const softwareUpdatesMethods = {
  'updates.list': method(
    SoftwareUpdateListQuery,
    listPage(SoftwareUpdateRow),
    'All Software Updates: search text and criteria, sorted and paged on the site.',
  ),
} as const;
