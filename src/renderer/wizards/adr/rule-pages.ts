import type { SettingsPageId } from '../../deployments/settings-draft';
import { downloadPageTitles, type PackageChoice } from '../download/download-draft';
import type { PageFields } from '../page-problems';

/** The input pages of the Create Automatic Deployment Rule Wizard (spec §8.2), in order. */
export type RulePageId =
  | 'general'
  | 'deploymentSettings'
  | 'softwareUpdates'
  | 'evaluationSchedule'
  | 'deploymentSchedule'
  | 'userExperience'
  | 'alerts'
  | 'downloadSettings'
  | 'deploymentPackage'
  | 'distributionPoints'
  | 'downloadLocation'
  | 'languageSelection';

export const rulePageTitles: Record<RulePageId, string> = {
  general: 'General',
  deploymentSettings: 'Deployment Settings',
  softwareUpdates: 'Software Updates',
  evaluationSchedule: 'Evaluation Schedule',
  deploymentSchedule: 'Deployment Schedule',
  userExperience: 'User Experience',
  alerts: 'Alerts',
  downloadSettings: 'Download Settings',
  deploymentPackage: downloadPageTitles.deploymentPackage,
  distributionPoints: downloadPageTitles.distributionPoints,
  downloadLocation: downloadPageTitles.downloadLocation,
  languageSelection: downloadPageTitles.languageSelection,
};

/** The pages before the content pages; Properties shows them as tabs too. */
export const ruleSettingPageIds = [
  'general',
  'deploymentSettings',
  'softwareUpdates',
  'evaluationSchedule',
  'deploymentSchedule',
  'userExperience',
  'alerts',
  'downloadSettings',
] as const satisfies readonly RulePageId[];

/**
 * The pages for a package choice: Distribution Points only for a new package (an existing one
 * keeps its own), and with "No deployment package" nothing is downloaded, so neither the
 * location nor the languages are asked.
 */
export function rulePageIds(packageChoice: PackageChoice): RulePageId[] {
  const pages: RulePageId[] = [...ruleSettingPageIds, 'deploymentPackage'];
  if (packageChoice === 'none') return pages;
  if (packageChoice === 'new') pages.push('distributionPoints');
  return [...pages, 'downloadLocation', 'languageSelection'];
}

/**
 * The Deploy wizard's setting pages ask for their sentences by their own page ids; a rule has
 * no Scheduling page (its Deployment Schedule counts offsets), so that one maps to it.
 */
export function settingFieldsOf(fields: PageFields<RulePageId>): PageFields<SettingsPageId> {
  const pageOf = (page: SettingsPageId): RulePageId =>
    page === 'scheduling' ? 'deploymentSchedule' : page;
  return {
    problemFor: (page, path) => fields.problemFor(pageOf(page), path),
    touch: (page, path) => fields.touch(pageOf(page), path),
    leave: (page, path) => fields.leave(pageOf(page), path),
  };
}
