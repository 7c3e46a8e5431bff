import { observer } from 'mobx-react-lite';
import { userNotificationLabels, verbosityLabels } from '../../../shared/contract/deployments';
import { PropertyList } from '../../details/property-list';
import { usePageStyles } from '../../wizards/page-styles';
import { availableText, deadlineText } from '../rule-schedule-text';
import type { AddDeploymentStore } from './add-deployment-store';

/** Summary: what Next adds to the rule, page by page. */
export const AddDeploymentSummaryPage = observer(function AddDeploymentSummaryPage({
  store,
}: {
  store: AddDeploymentStore;
}) {
  const styles = usePageStyles();
  const settings = store.settings;
  if (!settings) return null;
  const schedule = settings.deploymentSchedule;
  return (
    <>
      <p className={styles.intro}>
        Confirm the settings. Next adds the deployment to the rule: each run from the next one on
        deploys the rule&apos;s software update group to the collection too, with these settings.
      </p>
      <PropertyList
        rows={[
          { label: 'Automatic deployment rule', value: store.rule.name },
          { label: 'Collection', value: store.selectedCollection?.name ?? '' },
          { label: 'Type of deployment', value: settings.deploymentSettings.purpose },
          {
            label: 'Detail level',
            value: verbosityLabels[settings.deploymentSettings.verbosity],
          },
          {
            label: 'Time based on',
            value: schedule.timeBasedOn === 'Utc' ? 'UTC' : 'Client local time',
          },
          { label: 'Software available time', value: availableText(schedule) },
          { label: 'Installation deadline', value: deadlineText(schedule) },
          {
            label: 'User notifications',
            value: userNotificationLabels[settings.userExperience.userNotification],
          },
          {
            label: 'Alerts',
            value: settings.alerts.isAlertOnLowCompliance
              ? `When compliance is below ${settings.alerts.compliancePercentBelow}%`
              : 'None',
          },
        ]}
      />
    </>
  );
});
