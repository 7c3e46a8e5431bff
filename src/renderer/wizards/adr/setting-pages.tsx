import { Checkbox, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import {
  licenseTermsLabels,
  type LicenseTermsSetting,
} from '../../../shared/contract/automatic-deployment-rules';
import { AlertsPageView } from '../../deployments/experience-pages';
import { DeploymentSettingsPageView } from '../../deployments/settings-pages';
import { GroupBox } from '../../sup/group-box';
import { usePageStyles } from '../page-styles';
import type { PageFields } from '../page-problems';
import type { RuleDraft } from './rule-draft';
import { settingFieldsOf, type RulePageId } from './rule-pages';

interface PageProps {
  draft: RuleDraft;
  fields: PageFields<RulePageId>;
}

const licenseChoices: LicenseTermsSetting[] = ['approve-all', 'only-without-license'];

/**
 * Deployment Settings of a rule (§8.2): the Deploy wizard's page, plus the license terms
 * setting (PS DeployWithoutLicense).
 */
export const RuleDeploymentSettingsPage = observer(function RuleDeploymentSettingsPage({
  draft,
  fields,
  isPurposeFixed = false,
}: PageProps & { isPurposeFixed?: boolean }) {
  const styles = usePageStyles();
  return (
    <>
      <DeploymentSettingsPageView
        draft={draft.settings}
        fields={settingFieldsOf(fields)}
        isPurposeFixed={isPurposeFixed}
      />
      <GroupBox title="License terms setting">
        <Field>
          <RadioGroup
            aria-label="License terms setting"
            value={draft.licenseTerms}
            onChange={(_event, data) => {
              draft.setLicenseTerms(data.value as LicenseTermsSetting);
              fields.touch('deploymentSettings', 'licenseTerms');
            }}
          >
            {licenseChoices.map((choice) => (
              <Radio key={choice} value={choice} label={licenseTermsLabels[choice]} />
            ))}
          </RadioGroup>
        </Field>
        <p className={styles.note}>
          Some updates (Windows feature updates, some Office updates) carry license terms. The
          second choice leaves them out of the group each time the rule runs.
        </p>
      </GroupBox>
    </>
  );
});

/** Alerts of a rule (§8.2): the deployment's, plus "Generate an alert when this rule fails". */
export const RuleAlertsPage = observer(function RuleAlertsPage({ draft, fields }: PageProps) {
  const styles = usePageStyles();
  return (
    <>
      <AlertsPageView draft={draft.settings} fields={settingFieldsOf(fields)} />
      <GroupBox title="Automatic deployment rule alerts">
        <Checkbox
          label="Generate an alert when this rule fails"
          checked={draft.isAlertOnRuleFailure}
          onChange={(_event, data) => draft.setAlertOnRuleFailure(data.checked === true)}
        />
        <p className={styles.note}>
          Monitoring &gt; Alerts then says why the run failed, for example more than 1,000 matches.
        </p>
      </GroupBox>
    </>
  );
});
