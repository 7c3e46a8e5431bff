import {
  Button,
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
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { SummarizationSchedule } from '../../shared/contract/compliance';
import { formatDateTime } from '../format';
import { errorSentence } from '../properties/error-sentence';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';

type Unit = SummarizationSchedule['unit'];
const bounds: Record<Unit, [number, number]> = { minutes: [10, 59], hours: [1, 23], days: [1, 31] };
const unitLabels: Record<Unit, string> = { minutes: 'Minutes', hours: 'Hours', days: 'Days' };

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'flex-start' },
  number: { width: '80px' },
  unit: { minWidth: '120px', width: '120px' },
  note: { color: tokens.colorNeutralForeground3, fontSize: '12px', marginTop: '8px' },
});

/** The sentence for an interval outside the unit's range (§4.3: 10–59 min, 1–23 h, 1–31 days). */
export function intervalProblem(text: string, unit: Unit): string | null {
  const [min, max] = bounds[unit];
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max)
    return `Enter a whole number of ${unit} from ${min} to ${max}.`;
  return null;
}

/** Schedule Summarization: how often the site recomputes the counters, as interval and unit. */
export const ScheduleSummarizationDialog = observer(function ScheduleSummarizationDialog(props: {
  services: ConsoleServices;
  close(): void;
}) {
  const styles = useStyles();
  const current = useSiteRead(props.services, siteReads.summarizationSchedule(props.services));
  const [every, setEvery] = useState('1');
  const [unit, setUnit] = useState<Unit>('hours');
  const [problem, setProblem] = useState<string | null>(null);
  const loaded = current.value;
  useEffect(() => {
    if (!loaded) return;
    setEvery(String(loaded.schedule.every));
    setUnit(loaded.schedule.unit);
  }, [loaded]);
  const fieldProblem = intervalProblem(every, unit);

  const save = async () => {
    if (fieldProblem) return;
    try {
      const saved = await props.services.api.call('compliance.setSchedule', {
        unit,
        every: Number(every),
      } as SummarizationSchedule);
      props.services.notices.show(
        'success',
        `Software update summarization runs every ${saved.schedule.every} ${saved.schedule.unit}.`,
      );
      props.close();
    } catch (error) {
      setProblem(errorSentence(error));
    }
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.close()}>
      <DialogSurface style={{ maxWidth: '440px' }}>
        <DialogBody>
          <DialogTitle>Schedule Summarization</DialogTitle>
          <DialogContent>
            {problem && (
              <MessageBar intent="error">
                <MessageBarBody>{problem}</MessageBarBody>
              </MessageBar>
            )}
            <Field
              label="Run every"
              validationState={fieldProblem ? 'error' : 'none'}
              validationMessage={fieldProblem ?? undefined}
            >
              <div className={styles.row}>
                <Input
                  className={styles.number}
                  type="number"
                  aria-label="Interval"
                  value={every}
                  onChange={(_e, data) => setEvery(data.value)}
                />
                <Dropdown
                  className={styles.unit}
                  aria-label="Unit"
                  value={unitLabels[unit]}
                  selectedOptions={[unit]}
                  onOptionSelect={(_e, data) => setUnit(data.optionValue as Unit)}
                >
                  {(Object.keys(unitLabels) as Unit[]).map((key) => (
                    <Option key={key} value={key}>
                      {unitLabels[key]}
                    </Option>
                  ))}
                </Dropdown>
              </div>
            </Field>
            <div className={styles.note}>
              Counters move live with every state message batch; summarization recomputes them from
              the device states as a check.
              {loaded &&
                ` Last run: ${loaded.lastRunAt ? formatDateTime(loaded.lastRunAt) : 'never'}.`}
            </div>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={fieldProblem !== null}
              onClick={() => void save()}
            >
              OK
            </Button>
            <Button onClick={props.close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
});
