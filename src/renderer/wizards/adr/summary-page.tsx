import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useEffect, useRef, useState } from 'react';
import {
  licenseTermsLabels,
  ruleGroupModeLabels,
  ruleRunTypeLabels,
  type RuleTimeOffset,
} from '../../../shared/contract/automatic-deployment-rules';
import { criteriaText } from '../../../shared/contract/rule-criteria';
import {
  userNotificationLabels,
  verbosityLabels,
} from '../../../shared/contract/deployment-settings';
import { PropertyList, type PropertyRow } from '../../details/property-list';
import { GroupBox } from '../../sup/group-box';
import { describeCustomSchedule } from '../../sup/schedule-text';
import { usePageStyles } from '../page-styles';
import type { RuleWizardStore } from './rule-wizard-store';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function offsetText(value: 'asap' | RuleTimeOffset | null | undefined, after: string): string {
  if (value == null) return 'None';
  if (value === 'asap') return 'As soon as possible';
  return `${amountText(value.amount, value.unit)} ${after}`;
}

/** "1 day", "3 days", "2 hours". */
function amountText(amount: number, unit: string): string {
  const noun = unit.toLowerCase();
  return `${amount} ${amount === 1 ? noun.replace(/s$/, '') : noun}`;
}

/** Every page as the site will store it. */
function summaryRows(store: RuleWizardStore): PropertyRow[] {
  const { draft } = store;
  const request = draft.request;
  const settings = draft.settings.settings;
  const evaluation = draft.evaluation;
  const schedule = request.deploymentSchedule;
  const ux = settings.userExperience;
  const alerts = settings.alerts;
  const { draft: content } = draft.content;
  const contentText =
    content.packageChoice === 'none'
      ? 'No deployment package: clients download the content from Microsoft Update.'
      : content.packageChoice === 'new'
        ? `Download into the new deployment package ${content.name.trim()} (${content.sourcePath.trim()}), then distribute it.`
        : `Download into the deployment package ${draft.content.selectedPackage?.name ?? ''}.`;
  return [
    { label: 'Name', value: draft.general.name.trim() },
    { label: 'Description', value: draft.general.description.trim() },
    { label: 'Template', value: draft.general.template || 'None' },
    { label: 'Collection', value: draft.selectedCollection?.name },
    { label: 'Software update group', value: ruleGroupModeLabels[draft.general.groupMode] },
    {
      label: 'Enable the deployment after this rule is run',
      value: yesNo(draft.general.isDeploymentEnabledAfterRun),
    },
    { label: 'Type of deployment', value: settings.deploymentSettings.purpose },
    { label: 'Detail level', value: verbosityLabels[settings.deploymentSettings.verbosity] },
    { label: 'License terms setting', value: licenseTermsLabels[draft.licenseTerms] },
    { label: 'Search criteria', value: criteriaText(draft.criteria.validCriteria) },
    {
      label: 'Evaluation schedule',
      value:
        evaluation.runType === 'schedule' && evaluation.schedule
          ? describeCustomSchedule(evaluation.schedule)
          : ruleRunTypeLabels[evaluation.runType],
    },
    {
      label: 'Time based on',
      value: draft.schedule.timeBasedOn === 'Utc' ? 'UTC' : 'Client local time',
    },
    {
      label: 'Software available time',
      value: offsetText(schedule?.availableTime as 'asap' | RuleTimeOffset, 'after the rule runs'),
    },
    {
      label: 'Installation deadline',
      value: offsetText(
        schedule?.deadlineTime as 'asap' | RuleTimeOffset | null,
        'after the available time',
      ),
    },
    { label: 'User notifications', value: userNotificationLabels[ux.userNotification] },
    {
      label: 'Alert on low compliance',
      value: alerts.isAlertOnLowCompliance
        ? `Below ${alerts.compliancePercentBelow}% ${amountText(alerts.offsetFromDeadline, alerts.offsetUnit)} after the deadline`
        : 'None',
    },
    { label: 'Generate an alert when this rule fails', value: yesNo(draft.isAlertOnRuleFailure) },
    { label: 'Content', value: contentText },
    {
      label: 'Languages',
      value:
        content.packageChoice === 'none'
          ? 'None'
          : content.languages.map((code) => draft.content.languageName(code)).join(', '),
    },
  ];
}

/** Summary (§8.2): the review of every page, Preview, Save As Template; Next creates and runs. */
export const RuleSummaryPage = observer(function RuleSummaryPage({
  store,
  onPreview,
}: {
  store: RuleWizardStore;
  onPreview(): void;
}) {
  const styles = usePageStyles();
  return (
    <>
      <p className={styles.intro}>
        Confirm the settings. Choose Next to create the rule: it runs at once, creating the software
        update group, downloading the content and deploying it.
      </p>
      <PropertyList rows={summaryRows(store)} />
      <div className={styles.toolbar} style={{ marginTop: 8 }}>
        <Button onClick={onPreview}>Preview…</Button>
      </div>
      <SaveAsTemplate store={store} />
    </>
  );
});

const SaveAsTemplate = observer(function SaveAsTemplate({ store }: { store: RuleWizardStore }) {
  const styles = usePageStyles();
  const [name, setName] = useState('');
  const [isTouched, setTouched] = useState(false);
  const problem = store.templateNameProblem(name);
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    answer.current?.scrollIntoView({ block: 'nearest' });
  }, [store.templateMessage]);
  return (
    <GroupBox title="Save As Template">
      <p className={styles.note} style={{ marginTop: 0 }}>
        Save every page of this wizard but the name and the collection as a template; the Template
        list of the General page offers it to later rules.
      </p>
      <div className={styles.row}>
        <Field
          className={styles.grow}
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
        <Button
          style={{ alignSelf: 'flex-start', marginTop: '22px' }}
          disabled={store.isSavingTemplate}
          onClick={() => {
            setTouched(true);
            if (problem) return;
            // Once saved, the name is taken: the box starts again empty, not in error.
            void store.saveTemplate(name).then((isSaved) => {
              if (!isSaved) return;
              setName('');
              setTouched(false);
            });
          }}
        >
          Save As Template
        </Button>
      </div>
      {store.templateMessage && (
        <MessageBar ref={answer} intent={store.templateMessage.intent} style={{ marginTop: 6 }}>
          <MessageBarBody>{store.templateMessage.text}</MessageBarBody>
        </MessageBar>
      )}
    </GroupBox>
  );
});
