import { z } from 'zod';
import { method } from './define';
import { folderPath } from './folder-path';
import { objectName } from './object-name';
import { IsoTime } from './list-query';

/**
 * A distribution point is a content library: a folder on this machine (`library`) or another
 * host running `patchbay serve` (`remote`). Files are kept once per SHA-256 (single-instance
 * store) and served to clients over HTTP by hash. The site's own library is created with the
 * site, comes first in every list and cannot be removed.
 */
export const DistributionPointKind = z.enum(['library', 'remote']);
export type DistributionPointKind = z.infer<typeof DistributionPointKind>;

export const DistributionPoint = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: DistributionPointKind,
  /** The content library folder (library DPs). */
  libraryPath: z.string().nullable(),
  /** The base URL of the remote `patchbay serve` (remote DPs). */
  url: z.string().nullable(),
  isSiteLibrary: z.boolean(),
  description: z.string(),
  dateCreated: IsoTime,
  /** Distinct files (by hash) in its library, and their bytes. */
  fileCount: z.number().int(),
  sizeBytes: z.number(),
  packagesTargeted: z.number().int(),
});
export type DistributionPoint = z.infer<typeof DistributionPoint>;

export const DistributionPointGroup = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  memberIds: z.array(z.number().int()),
  dateCreated: IsoTime,
});
export type DistributionPointGroup = z.infer<typeof DistributionPointGroup>;

const DistributionPointName = objectName('a distribution point', 128);

export const DistributionPointAdd = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('library'),
      name: DistributionPointName,
      description: z.string().trim().max(512).default(''),
      /** An absolute folder; created when missing, refused when it is not writable. */
      libraryPath: folderPath('give the content library folder'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('remote'),
      name: DistributionPointName,
      description: z.string().trim().max(512).default(''),
      url: z
        .string()
        .trim()
        .url('give the address of a Patchbay server, such as http://dp01:8530/')
        .refine(
          (value) => /^https?:/i.test(value),
          'the address must start with http:// or https://',
        ),
    })
    .strict(),
]);
export type DistributionPointAdd = z.input<typeof DistributionPointAdd>;

const DpId = z.number().int().positive();

/** Monitoring > Distribution Status > Content Status: one row per package (spec §9.5). */
export const ContentStatusSummary = z.object({
  packageId: z.number().int(),
  packageCode: z.string(),
  name: z.string(),
  sourceVersion: z.number().int(),
  sizeBytes: z.number(),
  targeted: z.number().int(),
  installed: z.number().int(),
  inProgress: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
  lastUpdate: IsoTime.nullable(),
});
export type ContentStatusSummary = z.infer<typeof ContentStatusSummary>;

/** A package on one DP, as Content Locations and View Status show it. */
export const DistributionState = z.enum(['Success', 'InProgress', 'Failed', 'Unknown']);
export type DistributionState = z.infer<typeof DistributionState>;

export const PackageDistribution = z.object({
  packageId: z.number().int(),
  distributionPointId: z.number().int(),
  distributionPointName: z.string(),
  isSiteLibrary: z.boolean(),
  state: DistributionState,
  /** The reason when Failed, the step when In Progress. */
  message: z.string(),
  /** The package's content version this DP holds (0 before the first copy). */
  contentVersion: z.number().int(),
  modifiedAt: IsoTime,
});
export type PackageDistribution = z.infer<typeof PackageDistribution>;

export const distributionPointMethods = {
  'dps.list': method(
    z.object({}).strict(),
    z.array(DistributionPoint),
    'Administration > Distribution Points; the site library first.',
  ),
  'dps.add': method(
    DistributionPointAdd,
    DistributionPoint,
    'Adds a distribution point: a content library folder here or another patchbay serve.',
  ),
  'dps.remove': method(
    z
      .object({ ids: z.array(DpId).min(1, 'choose at least one distribution point').max(100) })
      .strict(),
    z.object({ removed: z.number().int() }),
    'Removes distribution points (never the site library) and their copies of packages.',
  ),
  'dpGroups.list': method(
    z.object({}).strict(),
    z.array(DistributionPointGroup),
    'Distribution Point Groups.',
  ),
  'dpGroups.create': method(
    z
      .object({
        name: objectName('a distribution point group', 128),
        description: z.string().trim().max(512).default(''),
        memberIds: z.array(DpId).max(100).default([]),
      })
      .strict(),
    DistributionPointGroup,
    'Creates a distribution point group.',
  ),
  'dpGroups.delete': method(
    z.object({ ids: z.array(DpId).min(1).max(100) }).strict(),
    z.object({ deleted: z.number().int() }),
    'Deletes distribution point groups (their members stay).',
  ),
  'contentStatus.list': method(
    z.object({}).strict(),
    z.array(ContentStatusSummary),
    'Content Status: each package with how many DPs hold it, are copying it, or failed.',
  ),
  'contentStatus.get': method(
    z.object({ packageId: z.number().int().positive() }).strict(),
    z.array(PackageDistribution),
    'View Status / Content Locations: the package on each DP it targets.',
  ),
} as const;
