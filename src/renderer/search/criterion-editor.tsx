import { Dropdown, Input, Option } from '@fluentui/react-components';
import { useState } from 'react';
import type { SeverityName, UpdateCriterion } from '../../shared/contract/software-updates';
import { severityNames } from './update-criteria';

interface EditorProps {
  criterion: UpdateCriterion;
  onChange(next: UpdateCriterion): void;
  /** Choices for list criteria (classifications, products), read from the site. */
  choices: { classification: string[]; product: string[] };
}

const yesNo = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

/** The value part of one criterion row: a checklist, Yes/No, a number or a date, as the property needs. */
export function CriterionEditor({ criterion, onChange, choices }: EditorProps) {
  switch (criterion.property) {
    case 'classification':
    case 'product':
      return (
        <ValuesDropdown
          options={choices[criterion.property]}
          selected={criterion.values}
          onChange={(values) => onChange({ ...criterion, values })}
        />
      );
    case 'severity':
    case 'customSeverity':
      return (
        <ValuesDropdown
          options={[...severityNames]}
          selected={criterion.values}
          onChange={(values) => onChange({ ...criterion, values: values as SeverityName[] })}
        />
      );
    case 'expired':
    case 'superseded':
    case 'deployed':
    case 'downloaded':
      return (
        <Dropdown
          size="small"
          aria-label="Value"
          value={criterion.value ? 'Yes' : 'No'}
          selectedOptions={[String(criterion.value)]}
          onOptionSelect={(_event, data) =>
            onChange({ ...criterion, value: data.optionValue === 'true' })
          }
        >
          {yesNo.map((item) => (
            <Option key={item.value} value={item.value}>
              {item.label}
            </Option>
          ))}
        </Dropdown>
      );
    case 'required':
      return (
        <span style={{ display: 'inline-flex', gap: 4 }}>
          <Dropdown
            size="small"
            aria-label="Condition"
            value={
              { atLeast: 'is at least', atMost: 'is at most', equals: 'equals' }[
                criterion.condition
              ]
            }
            selectedOptions={[criterion.condition]}
            onOptionSelect={(_event, data) =>
              onChange({ ...criterion, condition: data.optionValue as typeof criterion.condition })
            }
          >
            <Option value="atLeast">is at least</Option>
            <Option value="atMost">is at most</Option>
            <Option value="equals">equals</Option>
          </Dropdown>
          <Input
            size="small"
            type="number"
            aria-label="Number of clients"
            min={0}
            value={String(criterion.value)}
            onChange={(_event, data) =>
              onChange({ ...criterion, value: Math.max(0, Number(data.value) || 0) })
            }
            style={{ width: 90 }}
          />
        </span>
      );
    case 'dateReleasedOrRevised':
      return (
        <span style={{ display: 'inline-flex', gap: 4 }}>
          <Dropdown
            size="small"
            aria-label="Condition"
            value={
              {
                lastDays: 'in the last (days)',
                onOrAfter: 'on or after',
                onOrBefore: 'on or before',
              }[criterion.condition]
            }
            selectedOptions={[criterion.condition]}
            onOptionSelect={(_event, data) => {
              const condition = data.optionValue as typeof criterion.condition;
              onChange(
                condition === 'lastDays'
                  ? { property: criterion.property, condition, days: criterion.days ?? 30 }
                  : {
                      property: criterion.property,
                      condition,
                      date: criterion.date ?? new Date().toISOString().slice(0, 10),
                    },
              );
            }}
          >
            <Option value="lastDays">in the last (days)</Option>
            <Option value="onOrAfter">on or after</Option>
            <Option value="onOrBefore">on or before</Option>
          </Dropdown>
          {criterion.condition === 'lastDays' ? (
            <Input
              size="small"
              type="number"
              aria-label="Days"
              min={1}
              value={String(criterion.days ?? 30)}
              onChange={(_event, data) =>
                onChange({ ...criterion, days: Math.max(1, Number(data.value) || 1) })
              }
              style={{ width: 80 }}
            />
          ) : (
            <Input
              size="small"
              type="date"
              aria-label="Date"
              value={criterion.date ?? ''}
              onChange={(_event, data) =>
                data.value && onChange({ ...criterion, date: data.value })
              }
            />
          )}
        </span>
      );
    default:
      return <TextValues criterion={criterion} onChange={onChange} />;
  }
}

function ValuesDropdown(props: {
  options: string[];
  selected: readonly string[];
  onChange(values: string[]): void;
}) {
  return (
    <Dropdown
      size="small"
      multiselect
      aria-label="Values"
      placeholder="Choose values"
      value={props.selected.join(', ')}
      selectedOptions={[...props.selected]}
      onOptionSelect={(_event, data) => props.onChange(data.selectedOptions)}
      style={{ minWidth: 200, maxWidth: 420 }}
    >
      {props.options.map((option) => (
        <Option key={option} value={option}>
          {option}
        </Option>
      ))}
    </Dropdown>
  );
}

/** Article ID, Bulletin ID, Title, Vendor, CVE: comma-separated values, applied on Enter or leaving. */
function TextValues({
  criterion,
  onChange,
}: {
  criterion: Extract<UpdateCriterion, { values: string[] }>;
  onChange(next: UpdateCriterion): void;
}) {
  const [text, setText] = useState(criterion.values.join(', '));
  const commit = () =>
    onChange({
      ...criterion,
      values: text
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean),
    });
  return (
    <Input
      size="small"
      aria-label="Values"
      placeholder="values, separated by commas"
      value={text}
      onChange={(_event, data) => setText(data.value)}
      onBlur={commit}
      onKeyDown={(event) => event.key === 'Enter' && commit()}
      style={{ minWidth: 220 }}
    />
  );
}
