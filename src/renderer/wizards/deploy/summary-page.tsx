import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef, useState } from 'react';
import {
  TemplatePart,
  userNotificationLabels,
  verbosityLabels,
  type DeploymentSettings,
} from '../../../shared/contract/deployments';
import { PropertyList, type PropertyRow } from '../../details/property-list';
import { GroupBox } from '../../sup/group-box';
import { templatePartLabels } from '../../deployments/settings-draft';
import { usePageStyles } from '../page-styles';
import type { DeployWizardStore } from './deploy-wizard-store';

const useStyles = makeStyles({
  section: { margin: '10px 0 4px', fontWeight: tokens.fontWeightSemibold },
  parts: { display: 'grid', gridTemplateColumns: 'repeat(3, max-content)', columnGap: '16px' },
});

const onOff = (value: boolean) => (value ? 'Yes' : 'No');
const time = (value: string | null | undefined) =>
  value == null ? 'None' : value === 'asap' ? 'As soon as possible' : value.replace('T', ' ');

/** The review of the setting pages, as the site will store them. */
function settingRows(settings: DeploymentSettings): PropertyRow[] {
  const { deploymentSettings: ds, scheduling: s, userExperience: ux, alerts: a } = settings;
  const isRequired = ds.purpose === 'Required';
  const suppressed = [
    ux.isRestartSuppressedOnServers && 'Servers',
    ux.isRestartSuppressedOnWorkstations && 'Workstations',
  ].filter(Boolean);
  return [
    { label: 'Type of deployment', value: ds.purpose },
    { label: 'Detail level', value: verbosityLabels[ds.verbosity] },
    isRequired
      ? { label: 'Use Wake-on-LAN', value: onOff(ds.isWakeOnLan) }
      : { label: 'Pre-download content', value: onOff(ds.isPreDownload) },
    { label: 'Time based on', value: s.timeBasedOn === 'Utc' ? 'UTC' : 'Client local time' },
    { label: 'Software available time', value: time(s.availableTime) },
    { label: 'Installation deadline', value: time(s.deadlineTime) },
    { label: 'Delay enforcement (soft deadline)', value: onOff(s.isSoftDeadline) },
    { label: 'User notifications', value: userNotificationLabels[ux.userNotification] },
    {
      label: 'Outside the maintenance window at deadline',
      value:
        [
          ux.isInstallOutsideMaintenanceWindow && 'Software updates installation',
          ux.isRestartOutsideMaintenanceWindow && 'System restart',
        ]
          .filter(Boolean)
          .join(', ') || 'Nothing',
    },
    { label: 'Suppress the system restart on', value: suppressed.join(', ') || 'None' },
    { label: 'Commit changes on write-filter devices', value: onOff(ux.isWriteFilterCommitted) },
    { label: 'Evaluation after restart', value: onOff(ux.isReevaluatedAfterRestart) },
    {
      label: 'Alert',
      value: a.isAlertOnLowCompliance
        ? `Compliance below ${a.compliancePercentBelow}% ${a.offsetFromDeadline} ${a.offsetUnit.toLowerCase()} after the deadline`
        : 'None',
    },
  ];
}

/** Summary (§7.11): the review of every page, Save As Template; Next deploys. */
export const DeploySummaryPage = observer(function DeploySummaryPage({
  store,
}: {
  store: DeployWizardStore;
}) {
  const pageStyles = usePageStyles();
  const settings = store.settings.settings;
  const request = store.request;
  const { draft } = store.content;
  const content = request.content;
  const contentText = !content
    ? 'Everything is already downloaded: nothing to download or distribute.'
    : draft.packageChoice === 'none'
      ? 'No deployment package: clients download the content from Microsoft Update.'
      : draft.packageChoice === 'new'
        ? `Download into the new deployment package ${draft.name.trim()} (${draft.sourcePath.trim()}), then distribute it.`
        : `Download into the deployment package ${store.content.selectedPackage?.name ?? ''}.`;
  return (
    <>
      <p className={pageStyles.intro}>
        Confirm the settings. Choose Next to deploy the software updates.
      </p>
      <PropertyList
        rows={[
          { label: 'Name', value: request.general.name },
          { label: 'Description', value: request.general.description },
          { label: 'Software Update/Software Update Group', value: store.preview?.softwareName },
          { label: 'Collection', value: store.selectedCollection?.name },
          { label: 'Template', value: store.appliedTemplate?.name ?? 'None' },
          ...settingRows(settings),
          { label: 'Content', value: contentText },
        ]}
      />
      <SaveAsTemplate store={store} />
    </>
  );
});

const SaveAsTemplate = observer(function SaveAsTemplate({ store }: { store: DeployWizardStore }) {
  const styles = useStyles();
  const pageStyles = usePageStyles();
  const [name, setName] = useState('');
  const [isTouched, setTouched] = useState(false);
  const [parts, setParts] = useState<Set<TemplatePart>>(
    () => new Set(TemplatePart.options.filter((part) => part !== 'collection')),
  );
  const problem =
    store.templateNameProblem(name) ??
    (parts.size === 0 ? 'Include at least one group of settings.' : undefined);
  // The page scrolls: the answer to Save is brought into view below the button.
  const answer = useRef<HTMLDivElement>(null);
  // A block body: newer Chromium returns a promise from scrollIntoView, which React would take
  // for the effect's cleanup.
  useEffect(() => {
    answer.current?.scrollIntoView({ block: 'nearest' });
  }, [store.templateMessage]);
  const toggle = (part: TemplatePart, isOn: boolean) => {
    const next = new Set(parts);
    if (isOn) next.add(part);
    else next.delete(part);
    setParts(next);
  };
  return (
    <GroupBox title="Save As Template">
      <p className={pageStyles.note} style={{ marginTop: 0 }}>
        Save the settings of this wizard as a template, to apply them to later deployments.
      </p>
      <Field
        label="Template name:"
        validationState={isTouched && problem ? 'error' : 'none'}
        validationMessage={isTouched ? problem : undefined}
      >
        <Input
          value={name}
          onChange={(_event, data) => {
            setName(data.value);
            setTouched(true);
          }}
        />
      </Field>
      <div className={styles.section}>Include these settings:</div>
      <div className={styles.parts} role="group" aria-label="Settings to include">
        {TemplatePart.options.map((part) => (
          <Checkbox
            key={part}
            label={templatePartLabels[part]}
            checked={parts.has(part)}
            onChange={(_event, data) => toggle(part, data.checked === true)}
          />
        ))}
      </div>
      <Button
        style={{ marginTop: 6 }}
        disabled={store.isSavingTemplate}
        onClick={() => {
          setTouched(true);
          if (problem) return;
          const ordered = TemplatePart.options.filter((part) => parts.has(part));
          void store.saveTemplate(name.trim(), ordered);
        }}
      >
        Save
      </Button>
      {store.templateMessage && (
        <MessageBar ref={answer} intent={store.templateMessage.intent} style={{ marginTop: 6 }}>
          <MessageBarBody>{store.templateMessage.text}</MessageBarBody>
        </MessageBar>
      )}
    </GroupBox>
  );
});
