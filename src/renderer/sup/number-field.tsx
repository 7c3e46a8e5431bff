import { Field, Input, makeStyles, mergeClasses } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type {
  NumberField as NumberFieldName,
  SupSettingsDraft,
} from '../stores/sup-settings-draft';

const useStyles = makeStyles({
  field: { maxWidth: '560px', marginBottom: '10px' },
  // The console writes a spinner's label on the same line, however long: no wrapped column.
  inline: {
    gridTemplateColumns: 'max-content max-content',
    columnGap: '8px',
    alignItems: 'center',
  },
  input: { width: '88px' },
});

/**
 * A spinner of the dialog. It keeps what the admin typed, even when it is not a number yet, and
 * shows the draft's sentence beside it until the value is one the site accepts.
 */
export const NumberField = observer(function NumberField({
  draft,
  field,
  label,
  isDisabled = false,
  orientation = 'vertical',
}: {
  draft: SupSettingsDraft;
  field: NumberFieldName;
  orientation?: 'horizontal' | 'vertical';
  label: string;
  isDisabled?: boolean;
}) {
  const styles = useStyles();
  const problem = draft.problem(field);
  return (
    <Field
      className={mergeClasses(styles.field, orientation === 'horizontal' && styles.inline)}
      label={label}
      orientation={orientation}
      validationState={problem ? 'error' : 'none'}
      validationMessage={problem}
    >
      <Input
        className={styles.input}
        type="number"
        disabled={isDisabled}
        value={draft.numberText[field]}
        onChange={(_event, data) => draft.setNumberText(field, data.value)}
      />
    </Field>
  );
});
