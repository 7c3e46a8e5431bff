import { Button, Dropdown, Input, makeStyles, Option } from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { queryProperties, type CollectionQuery } from '../../shared/contract/collections';
import { operatorLabel, propertyLabel } from './rule-text';

type Condition = CollectionQuery['conditions'][number];
const operators = ['equals', 'notEquals', 'contains', 'startsWith'] as const;

const useStyles = makeStyles({
  row: { display: 'flex', gap: '6px', alignItems: 'center', marginBottom: '6px' },
  and: { width: '34px', fontSize: '12px', textAlign: 'right' },
  property: { minWidth: '150px', width: '150px' },
  operator: { minWidth: '140px', width: '140px' },
  value: { flex: 1 },
});

/**
 * The query rule's criteria: client properties tested with ANDs, the part of WQL the site
 * stores. The console's Query Statement Properties dialog, reduced to what a rule can test.
 */
export function QueryConditions({
  conditions,
  onChange,
}: {
  conditions: readonly Condition[];
  onChange(conditions: Condition[]): void;
}) {
  const styles = useStyles();
  const set = (index: number, change: Partial<Condition>) =>
    onChange(conditions.map((c, i) => (i === index ? { ...c, ...change } : c)));
  return (
    <div>
      {conditions.map((condition, index) => (
        <div key={index} className={styles.row}>
          <span className={styles.and}>{index === 0 ? 'Where' : 'AND'}</span>
          <Dropdown
            className={styles.property}
            aria-label={`Property ${index + 1}`}
            value={propertyLabel(condition.property)}
            selectedOptions={[condition.property]}
            onOptionSelect={(_e, data) =>
              set(index, { property: data.optionValue as Condition['property'] })
            }
          >
            {queryProperties.map((p) => (
              <Option key={p} value={p}>
                {propertyLabel(p)}
              </Option>
            ))}
          </Dropdown>
          <Dropdown
            className={styles.operator}
            aria-label={`Operator ${index + 1}`}
            value={operatorLabel(condition.operator)}
            selectedOptions={[condition.operator]}
            onOptionSelect={(_e, data) =>
              set(index, { operator: data.optionValue as Condition['operator'] })
            }
          >
            {operators.map((o) => (
              <Option key={o} value={o}>
                {operatorLabel(o)}
              </Option>
            ))}
          </Dropdown>
          <Input
            className={styles.value}
            aria-label={`Value ${index + 1}`}
            value={condition.value}
            placeholder={condition.property === 'isServer' ? 'true or false' : ''}
            onChange={(_e, data) => set(index, { value: data.value })}
          />
          <Button
            size="small"
            appearance="subtle"
            aria-label={`Remove condition ${index + 1}`}
            icon={<DismissRegular />}
            disabled={conditions.length === 1}
            onClick={() => onChange(conditions.filter((_c, i) => i !== index))}
          />
        </div>
      ))}
      <Button
        size="small"
        icon={<AddRegular />}
        disabled={conditions.length >= 20}
        onClick={() =>
          onChange([...conditions, { property: 'osName', operator: 'contains', value: '' }])
        }
      >
        Add condition
      </Button>
    </div>
  );
}
