import { z } from 'zod';
import { method } from './define';
import { folderPath } from './folder-path';
import { objectName } from './object-name';
import { IsoTime, listPage, listQuery } from './list-query';

/**
 * Deployment packages (spec §6): the folder update files are downloaded into, its content
 * version, and the distribution points that copy it. The schemas of the Download Software
 * Updates Wizard's pages live here too, so the wizard validates each page with the very slice
 * of the schema the site parses the whole request with.
 */
export const DistributionPriority = z.enum(['High', 'Medium', 'Low']);
export type DistributionPriority = z.infer<typeof DistributionPriority>;

/** Prestaged distribution point settings; ConfigMgr documents ManualCopy as the default. */
export const PrestageBehavior = z.enum(['AutoDownload', 'DeltaCopy', 'ManualCopy']);
export type PrestageBehavior = z.infer<typeof PrestageBehavior>;

export const prestageBehaviorLabels: Record<PrestageBehavior, string> = {
  AutoDownload: 'Automatically download content when packages are assigned to distribution points',
  DeltaCopy: 'Download only content changes to the distribution point',
  ManualCopy: 'Manually copy the content in this package to the distribution point',
};

export const DeploymentPackage = z.object({
  id: z.number().int(),
  /** Package ID as ConfigMgr shows it: the site code and five hex digits. */
  packageId: z.string(),
  name: z.string(),
  description: z.string(),
  sourcePath: z.string(),
  priority: DistributionPriority,
  isBinaryDifferentialReplication: z.boolean(),
  isOnDemandDistribution: z.boolean(),
  prestageBehavior: PrestageBehavior,
  /** Source Version: 1 when created, 2 after the first download, +1 on each content change. */
  sourceVersion: z.number().int(),
  sourceDate: IsoTime,
  sizeBytes: z.number(),
  numberOfUpdates: z.number().int(),
  numberOfFiles: z.number().int(),
  dateCreated: IsoTime,
  createdBy: z.string(),
  lastUpdate: IsoTime,
  /** Distribution points targeted, and how many hold the current version. */
  distributionPointCount: z.number().int(),
  distributedCount: z.number().int(),
  failedCount: z.number().int(),
});
export type DeploymentPackage = z.infer<typeof DeploymentPackage>;

export const PackageListQuery = listQuery(
  z.object({ text: z.string().trim().max(200).optional() }).strict(),
  ['name', 'packageId', 'sourceVersion', 'sizeBytes', 'dateCreated', 'lastUpdate'] as const,
);

const PackageKey = z.number().int().positive();
const DpIds = z.array(z.number().int().positive()).max(100);

// ---------------------------------------------------------------- wizard page schemas

export const PackageName = objectName('a deployment package', 50);
export const PackageDescription = z.string().trim().max(127, 'at most 127 characters');
export const PackageSourcePath = folderPath('give the package source folder');

/** The fields of a new package (General and Data Source, as the wizard and New-CM… ask them). */
export const NewPackageFields = z
  .object({
    name: PackageName,
    description: PackageDescription.default(''),
    sourcePath: PackageSourcePath,
    isBinaryDifferentialReplication: z.boolean().default(false),
  })
  .strict();

/** Deployment Package page: an existing package, or a new one. */
export const DeploymentPackagePage = z.discriminatedUnion('choice', [
  z
    .object({
      choice: z.literal('existing'),
      packageId: z.number({ error: 'select a deployment package' }).int().positive(),
    })
    .strict(),
  z.object({ choice: z.literal('new'), package: NewPackageFields }).strict(),
]);
export type DeploymentPackagePage = z.input<typeof DeploymentPackagePage>;

/** Distribution Points page (only for a new package). */
export const DistributionPointsPage = z
  .object({
    distributionPointIds: DpIds.default([]),
    distributionPointGroupIds: DpIds.default([]),
  })
  .strict();

/** Distribution Settings page (only for a new package). */
export const DistributionSettingsPage = z
  .object({
    priority: DistributionPriority.default('Medium'),
    isOnDemandDistribution: z.boolean().default(false),
    prestageBehavior: PrestageBehavior.default('ManualCopy'),
  })
  .strict();

/** Download Location page. */
export const DownloadLocationPage = z.discriminatedUnion('source', [
  z.object({ source: z.literal('internet') }).strict(),
  z
    .object({
      source: z.literal('network'),
      path: folderPath('give the folder that holds the update files'),
    })
    .strict(),
]);
export type DownloadLocationPage = z.input<typeof DownloadLocationPage>;

/** Language Selection page; language-neutral files are always downloaded. */
export const LanguageSelectionPage = z
  .object({
    languages: z
      .array(z.string().trim().min(1).max(20))
      .min(1, 'select at least one language')
      .max(100),
  })
  .strict();

/** What the wizard downloads: the updates selected, or a group's. */
export const DownloadSelection = z
  .object({
    ciIds: z.array(z.number().int().positive()).max(10_000).default([]),
    groupId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((selection) => selection.ciIds.length > 0 || selection.groupId !== undefined, {
    message: 'select at least one software update or a software update group',
    path: ['ciIds'],
  });

/** The whole wizard (and `patchbay download`, Save-CMSoftwareUpdate) as the site parses it. */
export const DownloadRequest = z
  .object({
    selection: DownloadSelection,
    deploymentPackage: DeploymentPackagePage,
    distributionPoints: DistributionPointsPage.default({
      distributionPointIds: [],
      distributionPointGroupIds: [],
    }),
    distributionSettings: DistributionSettingsPage.default({
      priority: 'Medium',
      isOnDemandDistribution: false,
      prestageBehavior: 'ManualCopy',
    }),
    location: DownloadLocationPage,
    languageSelection: LanguageSelectionPage,
  })
  .strict();
export type DownloadRequest = z.input<typeof DownloadRequest>;

/** Per-update outcome, the Completion page's list (and the download job's result). */
export const DownloadOutcome = z.enum([
  'Downloaded',
  'AlreadyDownloaded',
  'Failed',
  'NoContentForLanguages',
  'MetadataOnly',
]);
export const DownloadUpdateResult = z.object({
  ciId: z.number().int(),
  title: z.string(),
  outcome: DownloadOutcome,
  message: z.string(),
  files: z.number().int(),
  bytes: z.number(),
});
export type DownloadUpdateResult = z.infer<typeof DownloadUpdateResult>;

export const DownloadJobResult = z.object({
  packageId: z.number().int(),
  sourceVersion: z.number().int(),
  updates: z.array(DownloadUpdateResult),
  bytesFetched: z.number(),
  filesFetched: z.number().int(),
  filesReused: z.number().int(),
  /** What became of the package and its distribution, in one sentence (the job's last). */
  summary: z.string().default(''),
});
export type DownloadJobResult = z.infer<typeof DownloadJobResult>;

/** What the Summary page shows before Next starts the job. */
export const DownloadPreview = z.object({
  updates: z.number().int(),
  metadataOnly: z.number().int(),
  alreadyInPackage: z.number().int(),
  files: z.number().int(),
  bytes: z.number(),
  filesAlreadyInLibrary: z.number().int(),
});
export type DownloadPreview = z.infer<typeof DownloadPreview>;

export const PackageChange = z
  .object({
    id: PackageKey,
    name: PackageName.optional(),
    description: PackageDescription.optional(),
    sourcePath: PackageSourcePath.optional(),
    isBinaryDifferentialReplication: z.boolean().optional(),
    priority: DistributionPriority.optional(),
    isOnDemandDistribution: z.boolean().optional(),
    prestageBehavior: PrestageBehavior.optional(),
  })
  .strict();

/** The demo content source offered on a fresh site (clearly marked; off by default). */
export const DemoContentStatus = z.object({
  isEnabled: z.boolean(),
  updates: z.number().int(),
  files: z.number().int(),
  bytes: z.number(),
});

export const deploymentPackageMethods = {
  'packages.list': method(PackageListQuery, listPage(DeploymentPackage), 'Deployment Packages.'),
  'packages.get': method(z.object({ id: PackageKey }).strict(), DeploymentPackage, 'One package.'),
  'packages.checkSource': method(
    z
      .object({
        sourcePath: PackageSourcePath,
        /** The package being edited, whose own folder is no clash. */
        packageId: PackageKey.optional(),
      })
      .strict(),
    z.object({ sourcePath: z.string() }),
    "Checks a package source as the wizard's Deployment Package page is left: an existing, writable folder no other package uses; refused with a sentence naming the field otherwise.",
  ),
  'packages.create': method(
    NewPackageFields.extend(DistributionSettingsPage.shape)
      .extend(DistributionPointsPage.shape)
      .strict(),
    DeploymentPackage,
    'New-CMSoftwareUpdateDeploymentPackage: the source must be an existing, writable folder no other package uses.',
  ),
  'packages.update': method(
    PackageChange,
    DeploymentPackage,
    'Package Properties: General, Data Source and Distribution Settings.',
  ),
  'packages.delete': method(
    z.object({ ids: z.array(PackageKey).min(1, 'choose at least one package').max(100) }).strict(),
    z.object({ deleted: z.number().int() }),
    'Deletes packages; their content leaves the distribution points, and updates no other package holds get the red arrow back.',
  ),
  'packages.memberIds': method(
    z.object({ id: PackageKey }).strict(),
    z.array(z.number().int()),
    'Show Members: the CI IDs of the updates whose files the package holds.',
  ),
  'packages.removeUpdates': method(
    z
      .object({ id: PackageKey, ciIds: z.array(z.number().int().positive()).min(1).max(10_000) })
      .strict(),
    z.object({ removed: z.number().int(), sourceVersion: z.number().int() }),
    "Remove-CMSoftwareUpdateFromPackage: deletes those updates' files from the package.",
  ),
  'packages.distribute': method(
    z
      .object({
        id: PackageKey,
        distributionPointIds: DpIds.default([]),
        distributionPointGroupIds: DpIds.default([]),
      })
      .strict(),
    z.object({ jobId: z.number().int() }),
    'Distribute Content: adds distribution points to the package and copies it to them.',
  ),
  'packages.updateDistributionPoints': method(
    z.object({ id: PackageKey }).strict(),
    z.object({ jobId: z.number().int() }),
    'Update Distribution Points: copies the current version to every DP the package targets.',
  ),
  'packages.redistribute': method(
    z
      .object({ id: PackageKey, distributionPointIds: DpIds.min(1, 'choose a distribution point') })
      .strict(),
    z.object({ jobId: z.number().int() }),
    'Content Locations > Redistribute: copies the whole package again.',
  ),
  'packages.validate': method(
    z
      .object({ id: PackageKey, distributionPointIds: DpIds.min(1, 'choose a distribution point') })
      .strict(),
    z.object({ jobId: z.number().int() }),
    "Content Locations > Validate: checks every file's hash on those DPs.",
  ),
  'packages.removeFromDistributionPoints': method(
    z
      .object({ id: PackageKey, distributionPointIds: DpIds.min(1, 'choose a distribution point') })
      .strict(),
    z.object({ removed: z.number().int() }),
    'Content Locations > Remove: the package leaves those DPs.',
  ),
  'content.preview': method(
    z
      .object({
        selection: DownloadSelection,
        languages: z.array(z.string()).max(100),
        packageId: PackageKey.optional(),
      })
      .strict(),
    DownloadPreview,
    'What a download would fetch, for the Summary page.',
  ),
  'content.download': method(
    DownloadRequest,
    z.object({ jobId: z.number().int(), packageId: z.number().int() }),
    'The Download Software Updates Wizard (Save-CMSoftwareUpdate): creates the package if new and starts the download job.',
  ),
  'content.demoStatus': method(
    z.object({}).strict(),
    DemoContentStatus,
    'The demo content source.',
  ),
  'content.addDemo': method(
    z.object({}).strict(),
    DemoContentStatus,
    'Adds the clearly marked demo updates and turns on the loopback demo content source they download from.',
  ),
} as const;
