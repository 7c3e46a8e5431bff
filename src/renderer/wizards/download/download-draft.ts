import {
  DeploymentPackagePage,
  DistributionPointsPage,
  DistributionSettingsPage,
  DownloadLocationPage,
  LanguageSelectionPage,
  type DistributionPriority,
  type DownloadRequest,
  type PrestageBehavior,
} from '../../../shared/contract/deployment-packages';
import type { z } from 'zod';

export type DownloadPageId =
  | 'deploymentPackage'
  | 'distributionPoints'
  | 'distributionSettings'
  | 'downloadLocation'
  | 'languageSelection';

/** The page names of ConfigMgr's Download Software Updates Wizard (spec §6.2). */
export const downloadPageTitles: Record<DownloadPageId, string> = {
  deploymentPackage: 'Deployment Package',
  distributionPoints: 'Distribution Points',
  distributionSettings: 'Distribution Settings',
  downloadLocation: 'Download Location',
  languageSelection: 'Language Selection',
};

/** Each page's slice of the site's DownloadRequest schema. */
export const downloadPageSchemas: Record<DownloadPageId, z.ZodType> = {
  deploymentPackage: DeploymentPackagePage,
  distributionPoints: DistributionPointsPage,
  distributionSettings: DistributionSettingsPage,
  downloadLocation: DownloadLocationPage,
  languageSelection: LanguageSelectionPage,
};

/** What the wizard downloads: the updates selected in a list, or one group's. */
export interface DownloadTarget {
  readonly ciIds: readonly number[];
  readonly groupId?: number;
  /** "3 software updates", or "the software update group Pilot ring". */
  readonly description: string;
}

export type PackageChoice = 'existing' | 'new' | 'none';

/** Everything the admin fills in, with ConfigMgr's defaults. */
export interface DownloadDraftFields {
  /** 'none' is the Deploy wizard's "No deployment package" (clients use Microsoft Update). */
  packageChoice: PackageChoice;
  existingPackageId: number | null;
  name: string;
  description: string;
  sourcePath: string;
  isBinaryDifferentialReplication: boolean;
  distributionPointIds: number[];
  distributionPointGroupIds: number[];
  priority: DistributionPriority;
  isOnDemandDistribution: boolean;
  prestageBehavior: PrestageBehavior;
  locationSource: 'internet' | 'network';
  networkPath: string;
  languages: string[];
}

export function defaultDraft(): DownloadDraftFields {
  return {
    packageChoice: 'existing',
    existingPackageId: null,
    name: '',
    description: '',
    sourcePath: '',
    isBinaryDifferentialReplication: false,
    distributionPointIds: [],
    distributionPointGroupIds: [],
    priority: 'Medium',
    isOnDemandDistribution: false,
    prestageBehavior: 'ManualCopy',
    locationSource: 'internet',
    networkPath: '',
    languages: [],
  };
}

/** The value each page's schema slice checks. */
export function pageValue(draft: DownloadDraftFields, page: DownloadPageId): unknown {
  switch (page) {
    case 'deploymentPackage':
      if (draft.packageChoice === 'none') return { choice: 'none' };
      return draft.packageChoice === 'existing'
        ? { choice: 'existing', packageId: draft.existingPackageId ?? undefined }
        : {
            choice: 'new',
            package: {
              name: draft.name,
              description: draft.description,
              sourcePath: draft.sourcePath,
              isBinaryDifferentialReplication: draft.isBinaryDifferentialReplication,
            },
          };
    case 'distributionPoints':
      return {
        distributionPointIds: draft.distributionPointIds,
        distributionPointGroupIds: draft.distributionPointGroupIds,
      };
    case 'distributionSettings':
      return {
        priority: draft.priority,
        isOnDemandDistribution: draft.isOnDemandDistribution,
        prestageBehavior: draft.prestageBehavior,
      };
    case 'downloadLocation':
      return draft.locationSource === 'internet'
        ? { source: 'internet' }
        : { source: 'network', path: draft.networkPath };
    case 'languageSelection':
      return { languages: draft.languages };
  }
}

/**
 * The request the site parses with DownloadRequest. An existing package keeps its own
 * distribution points and settings, so those pages are left out for it, as ConfigMgr does.
 */
export function downloadRequest(
  draft: DownloadDraftFields,
  target: DownloadTarget,
): DownloadRequest {
  const isNew = draft.packageChoice === 'new';
  return {
    selection: { ciIds: [...target.ciIds], groupId: target.groupId },
    deploymentPackage: pageValue(
      draft,
      'deploymentPackage',
    ) as DownloadRequest['deploymentPackage'],
    ...(isNew
      ? {
          distributionPoints: pageValue(
            draft,
            'distributionPoints',
          ) as DownloadRequest['distributionPoints'],
          distributionSettings: pageValue(
            draft,
            'distributionSettings',
          ) as DownloadRequest['distributionSettings'],
        }
      : {}),
    location: pageValue(draft, 'downloadLocation') as DownloadRequest['location'],
    languageSelection: { languages: [...draft.languages] },
  };
}
