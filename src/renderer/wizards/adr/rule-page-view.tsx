import { SettingsPageView } from '../../deployments/settings-page-view';
import type { PageFields } from '../page-problems';
import { RuleGeneralPage } from './general-page';
import type { RuleDraft } from './rule-draft';
import { settingFieldsOf, type RulePageId, type ruleSettingPageIds } from './rule-pages';
import { RuleDeploymentSchedulePage, RuleEvaluationSchedulePage } from './schedule-pages';
import { RuleAlertsPage, RuleDeploymentSettingsPage } from './setting-pages';
import { RuleSoftwareUpdatesPage } from './software-updates-page';

export type RuleSettingPageId = (typeof ruleSettingPageIds)[number];

/**
 * One of a rule's setting pages, the same in the Create Automatic Deployment Rule Wizard and as
 * a tab of the rule's Properties (where the type of deployment can no longer change and the
 * template is shown, not offered). `fields` is the wizard's flow, or the Properties dialog.
 */
export function RulePageView({
  page,
  draft,
  fields,
  isPurposeFixed = false,
  onPreview,
}: {
  page: RuleSettingPageId;
  draft: RuleDraft;
  fields: PageFields<RulePageId>;
  isPurposeFixed?: boolean;
  /** Software Updates' Preview button; left out, the page has none. */
  onPreview?(): void;
}) {
  const props = { draft, fields };
  switch (page) {
    case 'general':
      return <RuleGeneralPage {...props} />;
    case 'deploymentSettings':
      return <RuleDeploymentSettingsPage {...props} isPurposeFixed={isPurposeFixed} />;
    case 'softwareUpdates':
      return <RuleSoftwareUpdatesPage {...props} onPreview={onPreview} />;
    case 'evaluationSchedule':
      return <RuleEvaluationSchedulePage {...props} />;
    case 'deploymentSchedule':
      return <RuleDeploymentSchedulePage {...props} />;
    case 'alerts':
      return <RuleAlertsPage {...props} />;
    case 'userExperience':
    case 'downloadSettings':
      return (
        <SettingsPageView page={page} draft={draft.settings} fields={settingFieldsOf(fields)} />
      );
  }
}
