import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { MaintenanceWindowApplyTo } from '../../shared/contract/collections';
import type { CustomSchedule } from '../../shared/schedule/schedule';
import { errorSentence } from '../properties/error-sentence';
import { OkCancelDialog, ProblemBar } from '../shell/OkCancelDialog';
import type { ConsoleServices } from '../stores/console-services';
import { CustomScheduleDialog } from '../sup/custom-schedule-dialog';
import { GroupBox } from '../sup/group-box';
import { describeCustomSchedule } from '../sup/schedule-text';
import { collectionActions } from './collection-actions';
import type { CollectionRow } from './collection-row';

/** "Apply this schedule to" as the console words its choices. */
export const applyToLabels: Record<MaintenanceWindowApplyTo, string> = {
  Any: 'All deployments',
  SoftwareUpdatesOnly: 'Software updates',
  TaskSequencesOnly: 'Task sequences',
};

export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
}

const useStyles = makeStyles({
  surface: { width: '560px', maxWidth: '94vw' },
  content: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  number: { width: '72px' },
  schedule: { flex: 1, minWidth: '240px', fontSize: '12px' },
});

/** Tonight at 02:00, weekly: a typical patch window to start from. */
function firstSchedule(): CustomSchedule {
  const at = new Date(Date.now() + 86_400_000);
  const date = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  return {
    kind: 'custom',
    start: `${date}T02:00`,
    isUtc: false,
    recurrence: { pattern: 'interval', every: 1, unit: 'days' },
  };
}

/**
 * The `<new> Schedule` dialog of a collection's Maintenance Windows tab: name, the start and
 * recurrence through the Custom Schedule dialog (with its UTC checkbox), a duration under 24
 * hours, what the window applies to, and whether it is enabled.
 */
export function NewWindowDialog(props: {
  collection: CollectionRow;
  services: ConsoleServices;
  onCreated(): void;
  close(): void;
  /**
   * False once closed: the parent keeps a nested dialog mounted until it has closed, or Fluent
   * leaves the outer dialog hidden from screen readers (aria-hidden).
   */
  isOpen?: boolean;
}) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [schedule, setSchedule] = useState(firstSchedule);
  const [isScheduleOpen, setScheduleOpen] = useState(false);
  const [scheduleOpening, setScheduleOpening] = useState(0);
  const scheduleButton = useRef<HTMLButtonElement>(null);
  const [hours, setHours] = useState('2');
  const [minutes, setMinutes] = useState('0');
  const [applyTo, setApplyTo] = useState<MaintenanceWindowApplyTo>('SoftwareUpdatesOnly');
  const [isEnabled, setEnabled] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const duration = Number(hours) * 60 + Number(minutes);
  const durationProblem =
    !/^\d+$/.test(hours) || !/^\d+$/.test(minutes) || Number(minutes) > 59
      ? 'Enter whole hours and minutes (0–59).'
      : duration < 1
        ? 'A maintenance window lasts at least a minute.'
        : duration >= 1440
          ? 'A maintenance window must be shorter than 24 hours.'
          : null;

  const create = async () => {
    if (!name.trim()) return setProblem('A maintenance window needs a name.');
    if (durationProblem) return setProblem(durationProblem);
    setBusy(true);
    setProblem(null);
    try {
      await collectionActions.createWindow(props.services, {
        collectionId: props.collection.id,
        name,
        schedule,
        durationMinutes: duration,
        applyTo,
        isEnabled,
      });
      props.onCreated();
      props.close();
    } catch (error) {
      setProblem(errorSentence(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <OkCancelDialog
        title="<new> Schedule"
        isOpen={props.isOpen ?? true}
        surfaceClassName={styles.surface}
        contentClassName={styles.content}
        isBusy={isBusy}
        onOk={() => void create()}
        close={props.close}
      >
        <ProblemBar problem={problem} />
        <Field label="Name" required>
          <Input value={name} autoFocus onChange={(_e, data) => setName(data.value)} />
        </Field>
        <GroupBox title="Time">
          <div className={styles.row}>
            <span className={styles.schedule} data-testid="window-schedule">
              {describeCustomSchedule(schedule)}
            </span>
            <Button
              ref={scheduleButton}
              size="small"
              onClick={() => {
                setScheduleOpening(scheduleOpening + 1);
                setScheduleOpen(true);
              }}
            >
              Schedule…
            </Button>
          </div>
          <Field
            label="Duration"
            validationState={durationProblem ? 'error' : 'none'}
            validationMessage={durationProblem ?? undefined}
          >
            <div className={styles.row}>
              <Input
                className={styles.number}
                type="number"
                aria-label="Hours"
                value={hours}
                onChange={(_e, d) => setHours(d.value)}
              />
              <span>hours</span>
              <Input
                className={styles.number}
                type="number"
                aria-label="Minutes"
                value={minutes}
                onChange={(_e, d) => setMinutes(d.value)}
              />
              <span>minutes</span>
            </div>
          </Field>
        </GroupBox>
        <Field label="Apply this schedule to">
          <Dropdown
            aria-label="Apply this schedule to"
            value={applyToLabels[applyTo]}
            selectedOptions={[applyTo]}
            onOptionSelect={(_e, data) => setApplyTo(data.optionValue as MaintenanceWindowApplyTo)}
          >
            {(Object.keys(applyToLabels) as MaintenanceWindowApplyTo[]).map((key) => (
              <Option key={key} value={key}>
                {applyToLabels[key]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Checkbox
          label="Enable this schedule"
          checked={isEnabled}
          onChange={(_e, data) => setEnabled(data.checked === true)}
        />
      </OkCancelDialog>
      {scheduleOpening > 0 && (
        <CustomScheduleDialog
          key={scheduleOpening}
          isOpen={isScheduleOpen}
          schedule={schedule}
          onDone={(next) => {
            if (next) setSchedule(next);
            setScheduleOpen(false);
            // Focus back on the opener, or Fluent leaves this dialog aria-hidden.
            setTimeout(() => scheduleButton.current?.focus(), 0);
          }}
        />
      )}
    </>
  );
}
