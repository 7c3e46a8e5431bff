import {
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import {
  userNotificationLabels,
  type AlertOffsetUnit,
  type BoundaryGroupChoice,
  type UserNotification,
} from '../../shared/contract/deployments';
import { GroupBox } from '../sup/group-box';
import { usePageStyles } from '../wizards/page-styles';
import { fieldState, type SettingFields } from './setting-fields';
import type { DeploymentSettingsDraft } from './settings-draft';

const notifications: UserNotification[] = ['DisplayAll', 'DisplaySoftwareCenterOnly', 'HideAll'];
const offsetUnits: AlertOffsetUnit[] = ['Hours', 'Days', 'Weeks', 'Months'];

type AlertCheck =
  | 'isAlertOnLowCompliance'
  | 'isOperationsManagerAlertsDisabled'
  | 'isOperationsManagerAlertOnFailure';
type AlertNumber = 'compliancePercentBelow' | 'offsetFromDeadline';

interface PageProps {
  draft: DeploymentSettingsDraft;
  fields: SettingFields;
}

/**
 * User Experience (§7.4): user notifications, what may happen outside a maintenance window at
 * deadline, restart suppression (with the console's warning), write filters and re-evaluation.
 */
export const UserExperiencePageView = observer(function UserExperiencePageView({
  draft,
  fields,
}: PageProps) {
  const styles = usePageStyles();
  const page = 'userExperience' as const;
  const values = draft.userExperience;
  const check = (key: keyof typeof values, label: string, isDisabled = false) => (
    <Checkbox
      label={label}
      disabled={isDisabled}
      checked={values[key] as boolean}
      onChange={(_event, data) => draft.update(page, { [key]: data.checked === true })}
    />
  );
  return (
    <>
      <p className={styles.intro}>Specify the user experience for this deployment.</p>
      <Field label="User notifications:" {...fieldState(fields, page, 'userNotification')}>
        <Select
          value={values.userNotification}
          onChange={(_event, data) => {
            draft.update(page, { userNotification: data.value as UserNotification });
            fields.touch(page, 'userNotification');
          }}
        >
          {notifications.map((choice) => (
            <option key={choice} value={choice}>
              {userNotificationLabels[choice]}
            </option>
          ))}
        </Select>
      </Field>
      <GroupBox title="Deadline behavior">
        <p className={styles.note}>
          When the installation deadline is reached, allow the following activities to be performed
          outside the maintenance window:
        </p>
        <div className={styles.indent}>
          {check(
            'isInstallOutsideMaintenanceWindow',
            'Software updates installation',
            !draft.isRequired,
          )}
          {check(
            'isRestartOutsideMaintenanceWindow',
            'System restart (if necessary)',
            !draft.isRequired,
          )}
        </div>
      </GroupBox>
      <GroupBox title="Device restart behavior">
        <p className={styles.note}>Suppress the system restart on the following devices:</p>
        <div className={styles.indent}>
          {check('isRestartSuppressedOnServers', 'Servers', !draft.isRequired)}
          {check('isRestartSuppressedOnWorkstations', 'Workstations', !draft.isRequired)}
        </div>
        {(values.isRestartSuppressedOnServers || values.isRestartSuppressedOnWorkstations) && (
          <MessageBar intent="warning">
            <MessageBarBody>
              Suppressing a restart can leave devices insecure: an update that needs a restart does
              not protect the device until it restarts.
            </MessageBarBody>
          </MessageBar>
        )}
      </GroupBox>
      <GroupBox title="Write filter handling for Windows Embedded devices">
        {check(
          'isWriteFilterCommitted',
          'Commit changes at deadline or during a maintenance window (requires restarts)',
        )}
      </GroupBox>
      <GroupBox title="Software updates deployment re-evaluation behavior upon restart">
        {check(
          'isReevaluatedAfterRestart',
          'If any update in this deployment requires a system restart, run updates deployment evaluation cycle after restart',
        )}
      </GroupBox>
    </>
  );
});

/** Alerts (§7.5): a compliance alert at an offset from the deadline; Operations Manager. */
export const AlertsPageView = observer(function AlertsPageView({ draft, fields }: PageProps) {
  const styles = usePageStyles();
  const page = 'alerts' as const;
  const values = draft.alerts;
  const isOn = values.isAlertOnLowCompliance;
  const edit = (change: Partial<typeof values>, path: string) => {
    draft.update(page, change);
    fields.touch(page, path);
  };
  const check = (key: AlertCheck, label: string) => (
    <Checkbox
      label={label}
      checked={values[key]}
      onChange={(_event, data) => edit({ [key]: data.checked === true }, key)}
    />
  );
  const numberBox = (key: AlertNumber, label: string, max: number) => (
    <Field label={label} {...fieldState(fields, page, key)}>
      <Input
        type="number"
        min={1}
        max={max}
        disabled={!isOn}
        value={values[key]}
        onChange={(_event, data) => edit({ [key]: data.value }, key)}
      />
    </Field>
  );
  return (
    <>
      <p className={styles.intro}>
        Specify the alerts for this deployment. They apply to Required deployments.
      </p>
      <GroupBox title="Configuration Manager alerts">
        {check(
          'isAlertOnLowCompliance',
          'Generate an alert when the following conditions are met:',
        )}
        <div className={styles.indent}>
          {numberBox(
            'compliancePercentBelow',
            'Client compliance is below the following (percent):',
            99,
          )}
          <div className={styles.row}>
            {numberBox('offsetFromDeadline', 'Offset from the deadline:', 999)}
            <Select
              className={styles.narrow}
              aria-label="Offset unit"
              disabled={!isOn}
              value={values.offsetUnit}
              onChange={(_event, data) =>
                edit({ offsetUnit: data.value as AlertOffsetUnit }, 'offsetUnit')
              }
            >
              {offsetUnits.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </Select>
          </div>
        </div>
      </GroupBox>
      <GroupBox title="Operations Manager alerts">
        <div className={styles.indent} style={{ marginLeft: 0 }}>
          {check(
            'isOperationsManagerAlertsDisabled',
            'Disable Operations Manager alerts while software updates run',
          )}
          {check(
            'isOperationsManagerAlertOnFailure',
            'Generate Operations Manager alert when a software update installation fails',
          )}
        </div>
      </GroupBox>
    </>
  );
});

/** Download Settings (§7.6): neighbor and site default boundary groups, BranchCache, MU, metered. */
export const DownloadSettingsPageView = observer(function DownloadSettingsPageView({
  draft,
}: PageProps) {
  const styles = usePageStyles();
  const page = 'downloadSettings' as const;
  const values = draft.downloadSettings;
  const check = (key: keyof typeof values, label: string) => (
    <Checkbox
      label={label}
      checked={values[key] as boolean}
      onChange={(_event, data) => draft.update(page, { [key]: data.checked === true })}
    />
  );
  return (
    <>
      <p className={styles.intro}>
        Specify how clients get the content of the software updates of this deployment.
      </p>
      <p className={styles.note}>
        Deployment options when a client uses a distribution point from a neighbor boundary group or
        the default site boundary group:
      </p>
      <RadioGroup
        aria-label="Neighbor or default site boundary group"
        value={values.neighborBoundaryGroups}
        onChange={(_event, data) =>
          draft.update(page, { neighborBoundaryGroups: data.value as BoundaryGroupChoice })
        }
      >
        <Radio value="NoInstall" label="Do not install software updates" />
        <Radio
          value="DownloadAndInstall"
          label="Download software updates from distribution point and install"
        />
      </RadioGroup>
      <p className={styles.note}>
        When software updates are not on any distribution point in the current or neighbor boundary
        groups, clients may use the distribution points of the site default boundary group:
      </p>
      <RadioGroup
        aria-label="Site default boundary group"
        value={values.siteDefaultBoundaryGroup}
        onChange={(_event, data) =>
          draft.update(page, { siteDefaultBoundaryGroup: data.value as BoundaryGroupChoice })
        }
      >
        <Radio value="NoInstall" label="Do not install software updates" />
        <Radio
          value="DownloadAndInstall"
          label="Download and install software updates from the distribution points in site default boundary group"
        />
      </RadioGroup>
      <div className={styles.indent} style={{ marginLeft: 0, marginTop: 8 }}>
        {check(
          'isBranchCacheAllowed',
          'Allow clients to share content with other clients on the same subnet',
        )}
        {check(
          'isMicrosoftUpdateFallback',
          'If software updates are not available on distribution point in current, neighbor or site boundary groups, download content from Microsoft Updates',
        )}
        {check(
          'isMeteredNetworkAllowed',
          'Allow clients on a metered Internet connection to download content after the installation deadline, which might incur additional costs',
        )}
      </div>
    </>
  );
});
