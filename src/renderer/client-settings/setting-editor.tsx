import { Dropdown, Input, makeStyles, Option } from '@fluentui/react-components';
import {
  defaultClientSettings,
  settingChoices,
  type ClientSettingInfo,
} from '../../shared/compliance/client-settings';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '6px', alignItems: 'center' },
  number: { width: '110px' },
  choice: { minWidth: '150px' },
});

/**
 * The control of one setting, by the kind of its value: Yes/No, a number of minutes, hours or
 * days, a period in hours or days, or a drop-down of the setting's own choices.
 */
export function SettingEditor(props: {
  setting: ClientSettingInfo;
  value: unknown;
  isDisabled?: boolean;
  onChange(value: unknown): void;
}) {
  const styles = useStyles();
  const { setting, value, isDisabled } = props;
  const example = defaultClientSettings[setting.key];
  const label = setting.label;
  const choices =
    typeof example === 'boolean' ? ['Yes', 'No'] : (settingChoices[setting.key] ?? null);
  if (choices) {
    const text = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
    return (
      <Dropdown
        aria-label={label}
        className={styles.choice}
        disabled={isDisabled}
        value={text}
        selectedOptions={[text]}
        onOptionSelect={(_event, data) =>
          props.onChange(
            typeof example === 'boolean' ? data.optionValue === 'Yes' : data.optionValue,
          )
        }
      >
        {choices.map((choice) => (
          <Option key={choice} value={choice}>
            {choice}
          </Option>
        ))}
      </Dropdown>
    );
  }
  const numberInput = (current: number, onNumber: (next: number) => void, aria: string) => (
    <Input
      aria-label={aria}
      className={styles.number}
      type="number"
      disabled={isDisabled}
      value={Number.isNaN(current) ? '' : String(current)}
      onChange={(_event, data) => onNumber(data.value === '' ? Number.NaN : Number(data.value))}
    />
  );
  if (typeof example === 'object') {
    const period = value as { every: number; unit: 'hours' | 'days' };
    return (
      <div className={styles.row}>
        {numberInput(period.every, (every) => props.onChange({ ...period, every }), label)}
        <Dropdown
          aria-label={`${label} unit`}
          className={styles.choice}
          disabled={isDisabled}
          value={period.unit === 'hours' ? 'Hours' : 'Days'}
          selectedOptions={[period.unit]}
          onOptionSelect={(_event, data) =>
            props.onChange({ ...period, unit: data.optionValue as 'hours' | 'days' })
          }
        >
          <Option value="hours">Hours</Option>
          <Option value="days">Days</Option>
        </Dropdown>
      </div>
    );
  }
  return numberInput(value as number, props.onChange, label);
}
