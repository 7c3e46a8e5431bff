import {
  DeploymentGeneralPage,
  DeploymentName,
  type DeploymentSelection,
} from '../../../shared/contract/deployments';
import {
  settingsPageIds,
  settingsPageTitles,
  type SettingsPageId,
} from '../../deployments/settings-draft';
import { downloadPageTitles, type DownloadPageId } from '../download/download-draft';

/** The content pages the Deploy wizard shares with the Download wizard (§7.7–§7.10). */
export type DeployContentPageId = Exclude<DownloadPageId, 'distributionSettings'>;
export type DeployPageId = 'general' | SettingsPageId | DeployContentPageId;

const contentPageIds: readonly DeployContentPageId[] = [
  'deploymentPackage',
  'distributionPoints',
  'downloadLocation',
  'languageSelection',
];

export const deployPageTitles: Record<DeployPageId, string> = {
  general: 'General',
  ...settingsPageTitles,
  deploymentPackage: downloadPageTitles.deploymentPackage,
  distributionPoints: downloadPageTitles.distributionPoints,
  downloadLocation: downloadPageTitles.downloadLocation,
  languageSelection: downloadPageTitles.languageSelection,
};

/**
 * The pages in the order of §7. The content pages are left out when everything is downloaded;
 * Distribution Points only for a new package; with "No deployment package" nothing is
 * downloaded, so neither location nor languages are asked.
 */
export function deployPageIds(options: {
  isEverythingDownloaded: boolean;
  packageChoice: 'existing' | 'new' | 'none';
}): DeployPageId[] {
  const pages: DeployPageId[] = ['general', ...settingsPageIds];
  if (options.isEverythingDownloaded) return pages;
  if (options.packageChoice === 'none') return [...pages, 'deploymentPackage'];
  return [
    ...pages,
    ...contentPageIds.filter(
      (page) => page !== 'distributionPoints' || options.packageChoice === 'new',
    ),
  ];
}

/** The General page's value as the site's schema reads it; the name must not be blank. */
export const GeneralPageCheck = DeploymentGeneralPage.extend({ name: DeploymentName });

/** What the wizard deploys, and how the General page names it until the preview says. */
export interface DeployTarget {
  readonly selection: DeploymentSelection;
  /** For the Download store's reads: the updates, or [] with the group. */
  readonly ciIds: readonly number[];
  readonly groupId?: number;
  readonly description: string;
}
