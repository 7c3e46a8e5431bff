import type { SiteApi } from '../../shared/api/site-api';
import {
  RuleDeploymentSchedulePage,
  RuleDeploymentSettings,
  type AutomaticDeploymentRuleDetail,
  type RuleDeployment,
} from '../../shared/contract/automatic-deployment-rules';
import { RuleDraft } from '../wizards/adr/rule-draft';

/** The pages one deployment of a rule has (§8.4), in the wizard's order. */
export const ruleDeploymentPageIds = [
  'deploymentSettings',
  'deploymentSchedule',
  'userExperience',
  'alerts',
  'downloadSettings',
] as const;
export type RuleDeploymentPageId = (typeof ruleDeploymentPageIds)[number];

/**
 * The rule wizard's draft seeded with one deployment's pages, so its page components edit it:
 * the rule's own settings, with the deployment's pages in place of the rule's (license terms
 * and the rule-failure alert stay the rule's; no deployment page asks for them).
 */
export function ruleDraftForDeployment(
  api: SiteApi,
  detail: AutomaticDeploymentRuleDetail,
  deployment: RuleDeployment | null,
): RuleDraft {
  if (!deployment) return new RuleDraft(api, detail.settings);
  const { settings } = deployment;
  return new RuleDraft(api, {
    ...detail.settings,
    deploymentSettings: {
      ...settings.deploymentSettings,
      licenseTerms: detail.settings.deploymentSettings.licenseTerms,
    },
    deploymentSchedule: settings.deploymentSchedule,
    userExperience: settings.userExperience,
    alerts: {
      ...settings.alerts,
      isAlertOnRuleFailure: detail.settings.alerts.isAlertOnRuleFailure,
    },
    downloadSettings: settings.downloadSettings,
  });
}

/** One deployment's pages of a draft, as RuleDeploymentSettings reads them. */
export function ruleDeploymentSettingsOf(draft: RuleDraft): RuleDeploymentSettings {
  const pages = draft.settings.settings;
  const schedule = RuleDeploymentSchedulePage.safeParse(draft.pageValue('deploymentSchedule'));
  return RuleDeploymentSettings.parse({
    deploymentSettings: pages.deploymentSettings,
    ...(schedule.success ? { deploymentSchedule: schedule.data } : {}),
    userExperience: pages.userExperience,
    alerts: pages.alerts,
    downloadSettings: pages.downloadSettings,
  });
}
