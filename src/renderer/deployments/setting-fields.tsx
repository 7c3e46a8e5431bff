import { Field, Input, makeStyles, Radio, RadioGroup } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { PageFields } from '../wizards/page-problems';
import type { SettingsPageId, TimeFields } from './settings-draft';

/** Where the setting pages show their sentences: the wizard's flow, or Properties. */
export type SettingFields = PageFields<SettingsPageId>;

/** A Field's validation props for one path of a page. */
export function fieldState(fields: SettingFields, page: SettingsPageId, path: string) {
  const problem = fields.problemFor(page, path);
  return {
    validationState: problem ? ('error' as const) : ('none' as const),
    validationMessage: problem,
  };
}

const useStyles = makeStyles({
  specific: { display: 'flex', gap: '8px', alignItems: 'center' },
});

/**
 * "As soon as possible" / "Specific time" with a date and a time box, as the Scheduling page
 * asks for the software available time and the installation deadline (§7.3).
 */
export const TimeChoice = observer(function TimeChoice({
  label,
  value,
  isDisabled = false,
  problem,
  onChange,
}: {
  /** "Software available time", also the accessible name of the boxes. */
  label: string;
  value: TimeFields;
  isDisabled?: boolean;
  problem: string | undefined;
  onChange(change: Partial<TimeFields>): void;
}) {
  const styles = useStyles();
  return (
    <Field
      validationState={problem ? 'error' : 'none'}
      validationMessage={problem}
      aria-label={label}
    >
      <RadioGroup
        aria-label={label}
        disabled={isDisabled}
        value={value.isAsap ? 'asap' : 'specific'}
        onChange={(_event, data) => onChange({ isAsap: data.value === 'asap' })}
      >
        <Radio value="asap" label="As soon as possible" />
        <div className={styles.specific}>
          <Radio value="specific" label="Specific time" />
          <Input
            type="date"
            aria-label={`${label} date`}
            disabled={isDisabled || value.isAsap}
            value={value.date}
            onChange={(_event, data) => onChange({ date: data.value })}
          />
          <Input
            type="time"
            aria-label={`${label} time`}
            disabled={isDisabled || value.isAsap}
            value={value.time}
            onChange={(_event, data) => onChange({ time: data.value })}
          />
        </div>
      </RadioGroup>
    </Field>
  );
});
