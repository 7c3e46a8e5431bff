import { Checkbox, Field, Select } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import {
  verbosityLabels,
  type DeploymentPurpose,
  type StateMessageVerbosity,
} from '../../shared/contract/deployments';
import { GroupBox } from '../sup/group-box';
import { usePageStyles } from '../wizards/page-styles';
import { fieldState, TimeChoice, type SettingFields } from './setting-fields';
import type { DeploymentSettingsDraft } from './settings-draft';

const verbosities: StateMessageVerbosity[] = [10, 5, 1];

/**
 * Deployment Settings (§7.2): Type of deployment (fixed once created, so read-only in
 * Properties), pre-download for Available, Wake-on-LAN for Required, and the detail level.
 */
export const DeploymentSettingsPageView = observer(function DeploymentSettingsPageView({
  draft,
  fields,
  isPurposeFixed = false,
}: {
  draft: DeploymentSettingsDraft;
  fields: SettingFields;
  isPurposeFixed?: boolean;
}) {
  const styles = usePageStyles();
  const page = 'deploymentSettings' as const;
  const values = draft.deploymentSettings;
  const edit = (change: Partial<typeof values>, path: string) => {
    draft.update(page, change);
    fields.touch(page, path);
  };
  return (
    <>
      <p className={styles.intro}>Specify the settings for this deployment.</p>
      <Field
        label="Type of deployment:"
        hint={
          isPurposeFixed
            ? 'The type of a deployment cannot be changed once it is created.'
            : undefined
        }
      >
        <Select
          className={styles.narrow}
          disabled={isPurposeFixed}
          value={values.purpose}
          onChange={(_event, data) => edit({ purpose: data.value as DeploymentPurpose }, 'purpose')}
        >
          <option value="Required">Required</option>
          <option value="Available">Available</option>
        </Select>
      </Field>
      <p className={styles.note}>
        {draft.isRequired
          ? 'Required: clients install the software updates by the deadline, downloading them in the background.'
          : 'Available: users install the software updates from Software Center when they choose.'}
      </p>
      <div className={styles.indent}>
        <Field {...fieldState(fields, page, 'isPreDownload')}>
          <Checkbox
            label="Pre-download content for this deployment"
            disabled={draft.isRequired}
            checked={!draft.isRequired && values.isPreDownload}
            onChange={(_event, data) =>
              edit({ isPreDownload: data.checked === true }, 'isPreDownload')
            }
          />
        </Field>
        <Field {...fieldState(fields, page, 'isWakeOnLan')}>
          <Checkbox
            label="Use Wake-on-LAN to wake up clients for required deployments"
            disabled={!draft.isRequired}
            checked={draft.isRequired && values.isWakeOnLan}
            onChange={(_event, data) => edit({ isWakeOnLan: data.checked === true }, 'isWakeOnLan')}
          />
        </Field>
      </div>
      <Field label="Detail level:" {...fieldState(fields, page, 'verbosity')}>
        <Select
          className={styles.narrow}
          value={String(values.verbosity)}
          onChange={(_event, data) =>
            edit({ verbosity: Number(data.value) as StateMessageVerbosity }, 'verbosity')
          }
        >
          {verbosities.map((level) => (
            <option key={level} value={level}>
              {verbosityLabels[level]}
            </option>
          ))}
        </Select>
      </Field>
      <p className={styles.note}>
        Only error messages suits definition updates; it leaves out the messages that tell a pending
        restart.
      </p>
    </>
  );
});

/**
 * Scheduling (§7.3): Client local time or UTC, the software available time and, for a
 * Required deployment, the installation deadline (available + 7 days by default), and the soft
 * deadline.
 */
export const SchedulingPageView = observer(function SchedulingPageView({
  draft,
  fields,
}: {
  draft: DeploymentSettingsDraft;
  fields: SettingFields;
}) {
  const styles = usePageStyles();
  const page = 'scheduling' as const;
  const { scheduling } = draft;
  return (
    <>
      <p className={styles.intro}>
        Specify the schedule for this deployment. Clients learn of it at their next policy poll.
      </p>
      <GroupBox title="Schedule evaluation">
        <Field label="Time based on:">
          <Select
            className={styles.narrow}
            value={scheduling.timeBasedOn}
            onChange={(_event, data) => draft.setTimeBasedOn(data.value as 'LocalTime' | 'Utc')}
          >
            <option value="LocalTime">Client local time</option>
            <option value="Utc">UTC</option>
          </Select>
        </Field>
        <p className={styles.note}>
          {scheduling.timeBasedOn === 'Utc'
            ? 'UTC: the same instant on every client.'
            : 'Client local time: each client at that time on its own clock; As soon as possible is this console’s current time.'}
        </p>
      </GroupBox>
      <GroupBox title="Software available time">
        <TimeChoice
          label="Software available time"
          value={scheduling.available}
          problem={fields.problemFor(page, 'availableTime')}
          onChange={(change) => {
            draft.setAvailable(change);
            fields.touch(page, 'availableTime');
          }}
        />
      </GroupBox>
      <GroupBox title="Installation deadline">
        <TimeChoice
          label="Installation deadline"
          value={scheduling.deadline}
          isDisabled={!draft.isRequired}
          problem={fields.problemFor(page, 'deadlineTime')}
          onChange={(change) => {
            draft.setDeadline(change);
            fields.touch(page, 'deadlineTime');
          }}
        />
        {!draft.isRequired && (
          <p className={styles.note}>An Available deployment has no installation deadline.</p>
        )}
      </GroupBox>
      <Checkbox
        disabled={!draft.isRequired}
        label="Delay enforcement of this deployment according to user preferences, up to the grace period defined in client settings"
        checked={scheduling.isSoftDeadline}
        onChange={(_event, data) => draft.setSoftDeadline(data.checked === true)}
      />
    </>
  );
});
