import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { weekdays, weekOrders, type CustomSchedule } from '../../shared/schedule/schedule';
import {
  CustomScheduleDraft,
  type MonthlyKind,
  type Pattern,
  type ScheduleField,
} from './custom-schedule-draft';
import { GroupBox } from './group-box';

const useStyles = makeStyles({
  surface: { width: '620px', maxWidth: '94vw' },
  row: { display: 'flex', alignItems: 'flex-start', gap: '8px', flexWrap: 'wrap' },
  pattern: { display: 'grid', gridTemplateColumns: '140px minmax(0, 1fr)', gap: '12px' },
  panel: {
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: '12px',
    minHeight: '150px',
  },
  number: { width: '64px' },
  label: { lineHeight: '32px' },
  // Fluent's Dropdown is 250px wide by default; the console's week and day lists are narrow.
  choice: { width: '112px', minWidth: '112px' },
  start: { gridTemplateColumns: 'max-content max-content', columnGap: '12px' },
});

/** A number box with its sentence, sized for one or two digits. */
const NumberBox = observer(function NumberBox({
  draft,
  field,
  label,
  isDisabled = false,
}: {
  draft: CustomScheduleDraft;
  field: Extract<ScheduleField, keyof CustomScheduleDraft>;
  label: string;
  isDisabled?: boolean;
}) {
  const styles = useStyles();
  const problem = draft.problems[field];
  return (
    <Field validationState={problem ? 'error' : 'none'} validationMessage={problem}>
      <Input
        className={styles.number}
        type="number"
        aria-label={label}
        disabled={isDisabled}
        value={draft[field]}
        onChange={(_event, data) => draft.set(field, data.value)}
      />
    </Field>
  );
});

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
  isDisabled = false,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange(value: T): void;
  isDisabled?: boolean;
}) {
  const styles = useStyles();
  return (
    <Dropdown
      className={styles.choice}
      aria-label={label}
      disabled={isDisabled}
      value={value}
      selectedOptions={[value]}
      onOptionSelect={(_event, data) => onChange(data.optionValue as T)}
    >
      {options.map((option) => (
        <Option key={option} value={option}>
          {option}
        </Option>
      ))}
    </Dropdown>
  );
}

/**
 * Custom Schedule (§2.6): a start time and a recurrence pattern (None, Weekly, Monthly, Custom
 * interval). OK is refused while a field holds a problem; Cancel leaves the schedule as it was.
 */
export const CustomScheduleDialog = observer(function CustomScheduleDialog({
  schedule,
  onDone,
  isOpen = true,
}: {
  schedule: CustomSchedule;
  /** False once closed, for a parent that keeps a nested dialog mounted (see NewWindowDialog). */
  isOpen?: boolean;
  /** The new schedule after OK, or null after Cancel. */
  onDone(schedule: CustomSchedule | null): void;
}) {
  const styles = useStyles();
  const [draft] = useState(() => new CustomScheduleDraft(schedule));
  const startProblem = draft.problems.start;
  const isWeekday = draft.monthlyKind === 'weekday';
  return (
    <Dialog open={isOpen} onOpenChange={(_event, data) => !data.open && onDone(null)}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Custom Schedule</DialogTitle>
          <DialogContent>
            <GroupBox title="Time">
              <Field
                className={styles.start}
                label="Start:"
                orientation="horizontal"
                validationState={startProblem ? 'error' : 'none'}
                validationMessage={startProblem}
              >
                <div className={styles.row}>
                  <Input
                    type="date"
                    aria-label="Start date"
                    value={draft.date}
                    onChange={(_event, data) => draft.set('date', data.value)}
                  />
                  <Input
                    type="time"
                    aria-label="Start time"
                    value={draft.time}
                    onChange={(_event, data) => draft.set('time', data.value)}
                  />
                  <Checkbox
                    label="UTC"
                    checked={draft.isUtc}
                    onChange={(_event, data) => draft.set('isUtc', data.checked === true)}
                  />
                </div>
              </Field>
            </GroupBox>
            <GroupBox title="Recurrence pattern">
              <div className={styles.pattern}>
                <RadioGroup
                  aria-label="Recurrence pattern"
                  value={draft.pattern}
                  onChange={(_event, data) => draft.set('pattern', data.value as Pattern)}
                >
                  <Radio value="none" label="None" />
                  <Radio value="weekly" label="Weekly" />
                  <Radio value="monthly" label="Monthly" />
                  <Radio value="interval" label="Custom interval" />
                </RadioGroup>
                <div className={styles.panel}>
                  {draft.pattern === 'none' && <p>The schedule occurs once, at the start time.</p>}
                  {draft.pattern === 'weekly' && (
                    <div className={styles.row}>
                      <span className={styles.label}>Recur every</span>
                      <NumberBox draft={draft} field="everyWeeks" label="Weeks" />
                      <span className={styles.label}>weeks on:</span>
                      <Choice
                        label="Day of the week"
                        value={draft.weeklyDay}
                        options={weekdays}
                        onChange={(day) => draft.set('weeklyDay', day)}
                      />
                    </div>
                  )}
                  {draft.pattern === 'monthly' && (
                    <>
                      <div className={styles.row}>
                        <span className={styles.label}>Recur every</span>
                        <NumberBox draft={draft} field="everyMonths" label="Months" />
                        <span className={styles.label}>months on:</span>
                      </div>
                      <RadioGroup
                        aria-label="Day of the month"
                        value={draft.monthlyKind}
                        onChange={(_event, data) =>
                          draft.set('monthlyKind', data.value as MonthlyKind)
                        }
                      >
                        <div className={styles.row}>
                          <Radio value="day" label="Day" />
                          <NumberBox
                            draft={draft}
                            field="monthDay"
                            label="Day of the month"
                            isDisabled={draft.monthlyKind !== 'day'}
                          />
                        </div>
                        <Radio value="last-day" label="The last day of the month" />
                        <div className={styles.row}>
                          <Radio value="weekday" label="The" />
                          <Choice
                            label="Week of the month"
                            value={draft.week}
                            options={weekOrders}
                            isDisabled={!isWeekday}
                            onChange={(week) => draft.set('week', week)}
                          />
                          <Choice
                            label="Day of the week"
                            value={draft.weekday}
                            options={weekdays}
                            isDisabled={!isWeekday}
                            onChange={(day) => draft.set('weekday', day)}
                          />
                        </div>
                      </RadioGroup>
                      <div className={styles.row}>
                        <Checkbox
                          label="Offset (days)"
                          disabled={!isWeekday}
                          checked={draft.hasOffset}
                          onChange={(_event, data) => draft.set('hasOffset', data.checked === true)}
                        />
                        <NumberBox
                          draft={draft}
                          field="offsetDays"
                          label="Offset (days)"
                          isDisabled={!isWeekday || !draft.hasOffset}
                        />
                      </div>
                    </>
                  )}
                  {draft.pattern === 'interval' && (
                    <div className={styles.row}>
                      <span className={styles.label}>Recur every</span>
                      <NumberBox draft={draft} field="intervalEvery" label="Interval" />
                      <Choice
                        label="Interval unit"
                        value={draft.intervalUnit}
                        options={['minutes', 'hours', 'days'] as const}
                        onChange={(unit) => draft.set('intervalUnit', unit)}
                      />
                    </div>
                  )}
                </div>
              </div>
            </GroupBox>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={draft.schedule === null}
              onClick={() => onDone(draft.schedule)}
            >
              OK
            </Button>
            <Button onClick={() => onDone(null)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
});
