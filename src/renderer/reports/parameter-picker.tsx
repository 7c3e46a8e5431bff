import { Combobox, Field, makeStyles, Option } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SiteApi } from '../../shared/api/site-api';
import type {
  ReportParameterDefinition,
  ReportParameterValue,
} from '../../shared/contract/reports';

const useStyles = makeStyles({
  field: { minWidth: '200px' },
  combobox: { minWidth: '200px', width: '240px' },
});

/**
 * One parameter of the report's parameter bar: a list of what exists on the site (collections,
 * updates, computers…), narrowed by what the admin types, since a site may have thousands.
 */
export function ParameterPicker({
  api,
  parameter,
  value,
  display,
  onChange,
}: {
  api: SiteApi;
  parameter: ReportParameterDefinition;
  value: string | undefined;
  /** The text for `value` when the list does not hold it (a value carried by drill-through). */
  display: string | undefined;
  onChange(value: string | undefined): void;
}) {
  const styles = useStyles();
  const [values, setValues] = useState<readonly ReportParameterValue[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [typed, setTyped] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    const search = typed?.trim() || undefined;
    const timer = setTimeout(
      () => {
        api
          .call('reports.parameterValues', { kind: parameter.kind, search })
          .then((answer) => {
            if (!isCurrent) return;
            setValues(answer.values);
            setTruncated(answer.truncated);
            setLoadError(null);
          })
          .catch((error: unknown) => isCurrent && setLoadError((error as Error).message));
      },
      typed === null ? 0 : 250,
    );
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [api, parameter.kind, typed]);

  const selectedLabel =
    values.find((choice) => choice.value === value)?.label ?? display ?? value ?? '';
  const hint = loadError
    ? `The list could not be read: ${loadError}`
    : truncated
      ? 'More exist: type to narrow the list.'
      : undefined;
  return (
    <Field
      className={styles.field}
      label={`${parameter.label}${parameter.required ? '' : ' (optional)'}`}
      validationState={loadError ? 'error' : 'none'}
      validationMessage={hint}
      size="small"
    >
      <Combobox
        className={styles.combobox}
        size="small"
        aria-label={parameter.label}
        placeholder={parameter.required ? '<Select a value>' : '<All>'}
        value={typed ?? selectedLabel}
        selectedOptions={value ? [value] : []}
        clearable={!parameter.required}
        onChange={(event) => setTyped(event.target.value)}
        onOpenChange={(_event, data) => !data.open && setTyped(null)}
        onOptionSelect={(_event, data) => {
          setTyped(null);
          onChange(data.optionValue);
        }}
      >
        {values.map((choice) => (
          <Option key={choice.value} value={choice.value} text={choice.label}>
            {choice.label}
          </Option>
        ))}
        {values.length === 0 && (
          <Option value="" text="" disabled>
            {loadError ? 'Could not read the list' : 'Nothing exists to choose'}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
