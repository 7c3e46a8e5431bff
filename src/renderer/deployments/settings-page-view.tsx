import {
  AlertsPageView,
  DownloadSettingsPageView,
  UserExperiencePageView,
} from './experience-pages';
import type { SettingFields } from './setting-fields';
import type { DeploymentSettingsDraft, SettingsPageId } from './settings-draft';
import { DeploymentSettingsPageView, SchedulingPageView } from './settings-pages';

/**
 * One setting page of a deployment, the same in the Deploy Software Updates Wizard and in the
 * deployment's Properties (where the purpose can no longer change).
 */
export function SettingsPageView({
  page,
  draft,
  fields,
  isPurposeFixed = false,
}: {
  page: SettingsPageId;
  draft: DeploymentSettingsDraft;
  fields: SettingFields;
  isPurposeFixed?: boolean;
}) {
  const settings = { draft, fields };
  switch (page) {
    case 'deploymentSettings':
      return <DeploymentSettingsPageView {...settings} isPurposeFixed={isPurposeFixed} />;
    case 'scheduling':
      return <SchedulingPageView {...settings} />;
    case 'userExperience':
      return <UserExperiencePageView {...settings} />;
    case 'alerts':
      return <AlertsPageView {...settings} />;
    case 'downloadSettings':
      return <DownloadSettingsPageView {...settings} />;
  }
}
