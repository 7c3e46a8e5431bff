import type { SettingFields } from '../deployments/setting-fields';
import { SettingsPageView } from '../deployments/settings-page-view';
import type { PageFields } from '../wizards/page-problems';
import { RuleDeploymentSchedulePageView } from './deployment-schedule-page';
import type { RuleDeploymentDraft, RuleDeploymentPageId } from './rule-deployment-draft';

/**
 * One setting page of a rule's deployment, in the Add Deployment wizard and in the rule's
 * Properties: the deploy wizard's own page, or the rule's Deployment Schedule.
 */
export function RuleDeploymentPageView({
  page,
  draft,
  fields,
  isPurposeFixed = false,
}: {
  page: RuleDeploymentPageId;
  draft: RuleDeploymentDraft;
  fields: PageFields<RuleDeploymentPageId>;
  isPurposeFixed?: boolean;
}) {
  if (page === 'deploymentSchedule')
    return <RuleDeploymentSchedulePageView draft={draft} fields={fields} />;
  return (
    <SettingsPageView
      page={page}
      draft={draft.pages}
      // The shared pages only ever ask about their own page, never about Scheduling.
      fields={fields as SettingFields}
      isPurposeFixed={isPurposeFixed}
    />
  );
}
