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
    /** Show Members of a deployment package: the updates whose files it holds. */
    packageId: z.number().int().optional(),
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

/** The Properties dialog of §3.7, every tab's data. */
export const SoftwareUpdateDetails = SoftwareUpdateRow.extend({
  description: z.string(),
  informationUrl: z.string(),
  restartBehavior: z.string(),
  architecture: z.string(),
  languages: z.array(z.string()),
  licenseTerms: z.string().nullable(),
  cves: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      severity: z.string(),
      impact: z.string(),
      cvssBase: z.number().nullable(),
      isExploited: z.boolean(),
      isPubliclyDisclosed: z.boolean(),
    }),
  ),
  /** Supersedence Information tab: this update supersedes… */
  supersedes: z.array(
    z.object({ articleId: z.string(), title: z.string(), ciId: z.number().int().nullable() }),
  ),
  /** …and is superseded by. */
  supersededBy: z.array(
    z.object({ articleId: z.string(), title: z.string(), ciId: z.number().int() }),
  ),
  contentFiles: z.array(
    z.object({
      fileName: z.string(),
      url: z.string(),
      size: z.number(),
      sha1: z.string(),
      sha256: z.string(),
      language: z.string(),
    }),
  ),
  summarizedAt: IsoTime.nullable(),
});
export type SoftwareUpdateDetails = z.infer<typeof SoftwareUpdateDetails>;

export const UpdatePropertiesChange = z
  .object({
    ciIds: z.array(z.number().int()).min(1, 'select at least one software update').max(5000),
    customSeverity: SeverityName.optional(),
    maxRunTimeMinutes: z.number().int().min(5, 'at least 5 minutes').max(9999).optional(),
  })
  .strict()
  .refine(
    (change) => change.customSeverity !== undefined || change.maxRunTimeMinutes !== undefined,
    {
      message: 'nothing to change: give a custom severity or a maximum run time',
    },
  );

export const SavedSearch = z.object({
  id: z.number().int(),
  node: z.string(),
  name: z.string(),
  filter: UpdateFilter,
  createdBy: z.string(),
  createdAt: IsoTime,
});
export type SavedSearch = z.infer<typeof SavedSearch>;

export const RequiredDevice = z.object({
  clientId: z.number().int(),
  name: z.string(),
  domain: z.string(),
  osName: z.string(),
  lastScanAt: IsoTime.nullable(),
  stateTime: IsoTime,
});

export const softwareUpdateDetailMethods = {
  'updates.get': method(
    z.object({ ciId: z.number().int() }).strict(),
    SoftwareUpdateDetails,
    'Software update Properties.',
  ),
  'updates.setProperties': method(
    UpdatePropertiesChange,
    z.object({ changed: z.number().int() }),
    'Sets Custom Severity and/or Maximum Run Time on one or many updates.',
  ),
  'updates.requiredDevices': method(
    z
      .object({
        ciId: z.number().int(),
        page: z
          .object({
            size: z.number().int().min(1).max(5000).default(100),
            offset: z.number().int().min(0).default(0),
          })
          .default({ size: 100, offset: 0 }),
      })
      .strict(),
    listPage(RequiredDevice),
    'View Required: the devices that require the update.',
  ),
  'searches.list': method(
    z.object({ node: z.string().max(200) }).strict(),
    z.array(SavedSearch),
    'Saved Searches of a node.',
  ),
  'searches.save': method(
    z
      .object({
        node: z.string().min(1).max(200),
        name: z.string().trim().min(1, 'a saved search needs a name').max(256),
        filter: UpdateFilter,
      })
      .strict(),
    SavedSearch,
    'Save Current Search (replaces a saved search of the same name).',
  ),
  'searches.delete': method(
    z.object({ id: z.number().int() }).strict(),
    z.object({ deleted: z.boolean() }),
    'Deletes a saved search.',
  ),
} as const;
