import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import {
  ruleRunTypeLabels,
  type RuleRunType,
  type RuleTimeOffset,
} from '../../../shared/contract/automatic-deployment-rules';
import type { Schedule } from '../../../shared/schedule/schedule';
import { CustomScheduleDialog } from '../../sup/custom-schedule-dialog';
import { GroupBox } from '../../sup/group-box';
import { describeCustomSchedule } from '../../sup/schedule-text';
import { usePageStyles } from '../page-styles';
import type { PageFields } from '../page-problems';
import type { OffsetFields, RuleDraft } from './rule-draft';
import type { RulePageId } from './rule-pages';

interface PageProps {
  draft: RuleDraft;
  fields: PageFields<RulePageId>;
}

const useStyles = makeStyles({
  offset: { display: 'flex', gap: '8px', alignItems: 'center' },
  amount: { width: '72px' },
  unit: { width: '110px' },
  schedule: { display: 'flex', gap: '8px', alignItems: 'center', margin: '2px 0 6px 28px' },
});

const runTypes: RuleRunType[] = ['after-sync', 'schedule', 'manual'];
const units: RuleTimeOffset['unit'][] = ['Hours', 'Days', 'Weeks', 'Months'];

function syncScheduleText(schedule: Schedule | null): string {
  if (!schedule)
    return 'The site does not synchronize on a schedule; it synchronizes only when started.';
  if (schedule.kind === 'custom') return `${describeCustomSchedule(schedule)}.`;
  return `Synchronizes every ${schedule.every} ${schedule.unit}.`;
}

/**
 * Evaluation Schedule (§8.2): after each synchronization, on a schedule (Customize… opens the
 * Custom Schedule dialog of §2.6, with the weekday of the month and Offset (days) that Patch
 * Tuesday needs), or only when run. The site's sync schedule is shown for reference; more than
 * three runs a day, or runs oftener than the sync, are refused beside the schedule.
 */
export const RuleEvaluationSchedulePage = observer(function RuleEvaluationSchedulePage({
  draft,
  fields,
}: PageProps) {
  const styles = useStyles();
  const pageStyles = usePageStyles();
  const [isCustomizing, setCustomizing] = useState(false);
  const page = 'evaluationSchedule' as const;
  const { evaluation } = draft;
  const problem = fields.problemFor(page, 'schedule');
  return (
    <>
      <p className={pageStyles.intro}>Specify the recurring schedule for this rule.</p>
      <RadioGroup
        aria-label="Evaluation schedule"
        value={evaluation.runType}
        onChange={(_event, data) => {
          draft.setRunType(data.value as RuleRunType);
          fields.touch(page, 'schedule');
        }}
      >
        {runTypes.map((runType) => (
          <div key={runType}>
            <Radio value={runType} label={ruleRunTypeLabels[runType]} />
            {runType === 'schedule' && (
              <div className={styles.schedule}>
                <Field
                  style={{ flex: 1 }}
                  validationState={problem ? 'error' : 'none'}
                  validationMessage={problem}
                >
                  <Input
                    readOnly
                    aria-label="Rule schedule"
                    disabled={evaluation.runType !== 'schedule'}
                    value={
                      evaluation.runType === 'schedule' && evaluation.schedule
                        ? describeCustomSchedule(evaluation.schedule)
                        : ''
                    }
                  />
                </Field>
                <Button
                  style={{ alignSelf: 'flex-start' }}
                  disabled={evaluation.runType !== 'schedule'}
                  onClick={() => setCustomizing(true)}
                >
                  Customize…
                </Button>
              </div>
            )}
          </div>
        ))}
      </RadioGroup>
      <GroupBox title="Software update point synchronization schedule">
        <p className={pageStyles.note} style={{ marginTop: 0 }} data-testid="sync-schedule">
          {syncScheduleText(draft.choices.syncSchedule)}
        </p>
        <p className={pageStyles.note}>
          A rule runs at most three times a day, and never more often than the site synchronizes.
          The start time is this console’s local time unless UTC is chosen.
        </p>
      </GroupBox>
      {isCustomizing && evaluation.schedule && (
        <CustomScheduleDialog
          schedule={evaluation.schedule}
          onDone={(schedule) => {
            if (schedule) {
              draft.setEvaluationSchedule(schedule);
              fields.touch(page, 'schedule');
            }
            setCustomizing(false);
          }}
        />
      )}
    </>
  );
});

const OffsetChoice = observer(function OffsetChoice({
  label,
  afterText,
  value,
  isDisabled = false,
  problem,
  onChange,
}: {
  label: string;
  afterText: string;
  value: OffsetFields;
  isDisabled?: boolean;
  problem: string | undefined;
  onChange(change: Partial<OffsetFields>): void;
}) {
  const styles = useStyles();
  return (
    <Field validationState={problem ? 'error' : 'none'} validationMessage={problem}>
      <RadioGroup
        aria-label={label}
        disabled={isDisabled}
        value={value.isAsap ? 'asap' : 'specific'}
        onChange={(_event, data) => onChange({ isAsap: data.value === 'asap' })}
      >
        <Radio value="asap" label="As soon as possible" />
        <div className={styles.offset}>
          <Radio value="specific" label="Specific time:" />
          <Input
            className={styles.amount}
            type="number"
            min={0}
            aria-label={`${label} amount`}
            disabled={isDisabled || value.isAsap}
            value={value.amount}
            onChange={(_event, data) => onChange({ amount: data.value })}
          />
          <Select
            className={styles.unit}
            aria-label={`${label} unit`}
            disabled={isDisabled || value.isAsap}
            value={value.unit}
            onChange={(_event, data) => onChange({ unit: data.value as RuleTimeOffset['unit'] })}
          >
            {units.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </Select>
          <span>{afterText}</span>
        </div>
      </RadioGroup>
    </Field>
  );
});

/**
 * Deployment Schedule (§8.2): times count from the scheduled start of the rule's evaluation: the
 * available time after it, the deadline after the available time (7 days by default), and the
 * soft deadline.
 */
export const RuleDeploymentSchedulePage = observer(function RuleDeploymentSchedulePage({
  draft,
  fields,
}: PageProps) {
  const pageStyles = usePageStyles();
  const page = 'deploymentSchedule' as const;
  const { schedule } = draft;
  return (
    <>
      <p className={pageStyles.intro}>
        Configure the schedule for this deployment. Times count from the scheduled start of each run
        of the rule.
      </p>
      <GroupBox title="Schedule evaluation">
        <Field label="Time based on:">
          <Select
            className={pageStyles.narrow}
            value={schedule.timeBasedOn}
            onChange={(_event, data) =>
              draft.setSchedule({ timeBasedOn: data.value as 'LocalTime' | 'Utc' })
            }
          >
            <option value="LocalTime">Client local time</option>
            <option value="Utc">UTC</option>
          </Select>
        </Field>
      </GroupBox>
      <GroupBox title="Software available time">
        <OffsetChoice
          label="Software available time"
          afterText="after the rule runs"
          value={schedule.available}
          problem={fields.problemFor(page, 'availableTime')}
          onChange={(change) => {
            draft.setOffset('available', change);
            fields.touch(page, 'availableTime');
          }}
        />
      </GroupBox>
      <GroupBox title="Installation deadline">
        <OffsetChoice
          label="Installation deadline"
          afterText="after the software available time"
          value={schedule.deadline}
          isDisabled={!draft.isRequired}
          problem={fields.problemFor(page, 'deadlineTime')}
          onChange={(change) => {
            draft.setOffset('deadline', change);
            fields.touch(page, 'deadlineTime');
          }}
        />
        <p className={pageStyles.note}>
          {draft.isRequired
            ? 'Clients add a random delay of up to 2 hours to the deadline, so they do not all install at once; for a rule’s deployments the client setting that disables randomization does not apply.'
            : 'An Available deployment has no installation deadline.'}
        </p>
      </GroupBox>
      <Checkbox
        disabled={!draft.isRequired}
        label="Delay enforcement of this deployment according to user preferences, up to the grace period defined in client settings"
        checked={draft.isRequired && schedule.isSoftDeadline}
        onChange={(_event, data) => draft.setSchedule({ isSoftDeadline: data.checked === true })}
      />
    </>
  );
});
