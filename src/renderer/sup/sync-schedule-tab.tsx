import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { formatDateTime } from '../format';
import type { SupSettingsDraft } from '../stores/sup-settings-draft';
import { CustomScheduleDialog } from './custom-schedule-dialog';
import { describeCustomSchedule, nextSynchronization } from './schedule-text';
import { useTabStyles } from './tab-styles';

const useStyles = makeStyles({
  simple: { display: 'flex', alignItems: 'flex-start', gap: '8px', margin: '2px 0 6px 28px' },
  label: { lineHeight: '24px' },
  every: { width: '64px' },
  unit: { minWidth: '110px', width: '110px' },
  custom: { display: 'flex', alignItems: 'center', gap: '8px', margin: '2px 0 6px 28px' },
  next: { margin: '10px 0' },
});

const units = ['minutes', 'hours', 'days'] as const;

/** Sync Schedule (§2.3.5): a simple or custom schedule, and the failure alert. */
export const SyncScheduleTab = observer(function SyncScheduleTab({
  draft,
}: {
  draft: SupSettingsDraft;
}) {
  const tabStyles = useTabStyles();
  const styles = useStyles();
  const [isCustomizing, setCustomizing] = useState(false);
  const settings = draft.draft!;
  const schedule = settings.schedule;
  const isOff = !settings.isScheduleEnabled;
  const everyProblem = draft.problem('simpleEvery');
  // An edited schedule starts counting when Apply stores it, that is now.
  const isScheduleEdited = 'schedule' in draft.change || 'isScheduleEnabled' in draft.change;
  const appliedAt = isScheduleEdited || !draft.savedAt ? new Date() : new Date(draft.savedAt);
  const next = isOff || everyProblem ? null : nextSynchronization(schedule, appliedAt);

  return (
    <>
      <div className={tabStyles.stack}>
        <Checkbox
          label="Enable synchronization on a schedule"
          checked={settings.isScheduleEnabled}
          onChange={(_event, data) => draft.update('isScheduleEnabled', data.checked === true)}
        />
      </div>
      <RadioGroup
        className={tabStyles.indent}
        aria-label="Schedule"
        disabled={isOff}
        value={schedule.kind}
        onChange={(_event, data) => draft.setScheduleKind(data.value as 'simple' | 'custom')}
      >
        <Radio value="simple" label="Simple schedule" />
        {schedule.kind === 'simple' && (
          <div className={styles.simple}>
            <span className={styles.label}>Run every</span>
            <Field
              validationState={everyProblem ? 'error' : 'none'}
              validationMessage={everyProblem}
            >
              <Input
                className={styles.every}
                size="small"
                type="number"
                aria-label="Run every"
                disabled={isOff}
                value={draft.simpleEveryText}
                onChange={(_event, data) => draft.setSimpleEveryText(data.value)}
              />
            </Field>
            <Dropdown
              className={styles.unit}
              size="small"
              aria-label="Unit"
              disabled={isOff}
              value={schedule.unit}
              selectedOptions={[schedule.unit]}
              onOptionSelect={(_event, data) =>
                draft.setSimpleUnit(data.optionValue as (typeof units)[number])
              }
            >
              {units.map((unit) => (
                <Option key={unit} value={unit}>
                  {unit}
                </Option>
              ))}
            </Dropdown>
          </div>
        )}
        <Radio value="custom" label="Custom schedule" />
        {schedule.kind === 'custom' && (
          <div className={styles.custom}>
            <span>{describeCustomSchedule(schedule)}</span>
            <Button size="small" disabled={isOff} onClick={() => setCustomizing(true)}>
              Customize…
            </Button>
          </div>
        )}
      </RadioGroup>
      <p className={styles.next} aria-label="Next synchronization">
        {isOff
          ? 'Software updates synchronize only when you choose Synchronize Software Updates in All Software Updates or Software Update Groups.'
          : next
            ? `Next synchronization: ${formatDateTime(next.toISOString())}`
            : everyProblem
              ? ''
              : 'The schedule does not occur again.'}
      </p>
      <div className={tabStyles.stack}>
        <Checkbox
          label="Alert when synchronization fails on any site in the hierarchy"
          checked={settings.isSyncFailureAlertEnabled}
          onChange={(_event, data) =>
            draft.update('isSyncFailureAlertEnabled', data.checked === true)
          }
        />
      </div>
      <p className={tabStyles.note}>
        A custom schedule starts at the local time of the computer that runs the console unless it
        is marked UTC.
      </p>
      {isCustomizing && schedule.kind === 'custom' && (
        <CustomScheduleDialog
          schedule={schedule}
          onDone={(changed) => {
            if (changed) draft.setCustomSchedule(changed);
            setCustomizing(false);
          }}
        />
      )}
    </>
  );
});
