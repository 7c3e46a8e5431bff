import { z } from 'zod';

/**
 * One software update revision as every sync source delivers it (catalog bundle, parent site):
 * the fields of spec §3.2 and §3.7. Whatever arrives from outside is parsed with this schema
 * before the site uses it.
 */
const msrcSeverities = ['Critical', 'Important', 'Moderate', 'Low', ''];

export const CveRecordSchema = z.object({
  // MSRC lists advisories (ADV170002) beside CVEs; both are security identifiers to an admin.
  id: z
    .string()
    .regex(
      /^(CVE-\d{4}-\d{4,}|ADV\d{6})$/,
      'expected a CVE id like CVE-2024-21307 or an advisory like ADV170002',
    ),
  title: z.string(),
  severity: z.string(),
  impact: z.string(),
  cvssBase: z.number().min(0).max(10).nullable(),
  cvssVector: z.string(),
  isExploited: z.boolean(),
  isPubliclyDisclosed: z.boolean(),
  publishedAt: z.string().nullable(),
  revisedAt: z.string().nullable(),
});

export const ContentFileRecordSchema = z.object({
  fileName: z.string().min(1).max(260),
  url: z.string(),
  size: z.number().int().min(0),
  sha1: z.string().regex(/^([0-9a-f]{40})?$/, 'expected 40 lowercase hex digits'),
  sha256: z.string().regex(/^([0-9a-f]{64})?$/, 'expected 64 lowercase hex digits'),
  language: z.string(),
});

export const UpdateRecordSchema = z.object({
  updateId: z.string().regex(/^[0-9a-f-]{36}$/, 'expected a lowercase GUID'),
  revision: z.number().int().min(0),
  articleId: z.string(),
  bulletinId: z.string(),
  title: z.string().min(1),
  description: z.string(),
  classification: z.string().min(1),
  vendor: z.string(),
  products: z.array(z.object({ vendor: z.string(), family: z.string(), name: z.string() })),
  severity: z
    .string()
    .refine(
      (value) => msrcSeverities.includes(value),
      'expected Critical, Important, Moderate, Low or empty',
    ),
  cves: z.array(CveRecordSchema),
  dateReleased: z.string(),
  dateRevised: z.string(),
  size: z.number().int().min(0),
  languages: z.array(z.string()),
  supersedes: z.array(
    z.object({
      updateId: z.string().nullable(),
      articleId: z.string().nullable(),
      title: z.string(),
    }),
  ),
  restartBehavior: z.string(),
  architecture: z.string(),
  informationUrl: z.string(),
  hasLicenseTerms: z.boolean(),
  licenseTerms: z.string().nullable(),
  contentFiles: z.array(ContentFileRecordSchema),
});
