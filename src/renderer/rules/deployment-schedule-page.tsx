import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { GroupBox } from '../sup/group-box';
import type { PageFields } from '../wizards/page-problems';
import { usePageStyles } from '../wizards/page-styles';
import type {
  OffsetFields,
  OffsetUnit,
  RuleDeploymentDraft,
  RuleDeploymentPageId,
} from './rule-deployment-draft';

const units: OffsetUnit[] = ['Hours', 'Days', 'Weeks', 'Months'];

const useStyles = makeStyles({
  specific: { display: 'flex', gap: '8px', alignItems: 'center' },
  amount: { width: '80px' },
});

/** "As soon as possible" / "Specific time: N units <after what>" for one of the two times. */
const OffsetChoice = observer(function OffsetChoice({
  label,
  after,
  value,
  isDisabled = false,
  problem,
  onChange,
}: {
  label: string;
  /** "after the rule runs", "after the software available time". */
  after: string;
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
        <div className={styles.specific}>
          <Radio value="specific" label="Specific time:" />
          <Input
            className={styles.amount}
            inputMode="numeric"
            aria-label={`${label} amount`}
            disabled={isDisabled || value.isAsap}
            value={value.amount}
            onChange={(_event, data) => onChange({ amount: data.value })}
          />
          <Select
            aria-label={`${label} unit`}
            disabled={isDisabled || value.isAsap}
            value={value.unit}
            onChange={(_event, data) => onChange({ unit: data.value as OffsetUnit })}
          >
            {units.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </Select>
          <span>{after}</span>
        </div>
      </RadioGroup>
    </Field>
  );
});

/**
 * Deployment Schedule of a rule's deployment (§8.2): the times count from the scheduled start
 * of the evaluation that made the deployment, so each run's deployment gets its own dates.
 */
export const RuleDeploymentSchedulePageView = observer(function RuleDeploymentSchedulePageView({
  draft,
  fields,
}: {
  draft: RuleDeploymentDraft;
  fields: PageFields<RuleDeploymentPageId>;
}) {
  const styles = usePageStyles();
  const page = 'deploymentSchedule' as const;
  const { schedule } = draft;
  const problem = (path: string) =>
    fields.problemFor(page, `${path}.amount`) ?? fields.problemFor(page, path);
  return (
    <>
      <p className={styles.intro}>
        Specify the schedule of the deployment. Both times count from the scheduled start of the
        rule&apos;s evaluation; the deadline also gets a random delay of up to two hours.
      </p>
      <GroupBox title="Schedule evaluation">
        <Field label="Time based on:">
          <Select
            className={styles.narrow}
            value={schedule.timeBasedOn}
            onChange={(_event, data) =>
              draft.updateSchedule({ timeBasedOn: data.value as 'LocalTime' | 'Utc' })
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
          after="after the rule runs"
          value={schedule.available}
          problem={problem('availableTime')}
          onChange={(change) => {
            draft.setOffset('available', change);
            fields.touch(page, 'availableTime.amount');
          }}
        />
      </GroupBox>
      <GroupBox title="Installation deadline">
        <OffsetChoice
          label="Installation deadline"
          after="after the software available time"
          value={schedule.deadline}
          isDisabled={!draft.isRequired}
          problem={draft.isRequired ? problem('deadlineTime') : undefined}
          onChange={(change) => {
            draft.setOffset('deadline', change);
            fields.touch(page, 'deadlineTime.amount');
          }}
        />
        {!draft.isRequired && (
          <p className={styles.note}>An Available deployment has no installation deadline.</p>
        )}
      </GroupBox>
      <Checkbox
        disabled={!draft.isRequired}
        label="Delay enforcement of this deployment according to user preferences, up to the grace period defined in client settings"
        checked={schedule.isSoftDeadline}
        onChange={(_event, data) => draft.updateSchedule({ isSoftDeadline: data.checked === true })}
      />
    </>
  );
});
