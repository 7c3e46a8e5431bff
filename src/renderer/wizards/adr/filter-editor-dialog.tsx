import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  ComparisonOperator,
  dateReleasedRanges,
  ruleArchitectures,
  RulePropertyFilter,
  ruleFilterLabels,
  type DateReleasedRange,
} from '../../../shared/contract/rule-criteria';
import { SeverityName } from '../../../shared/contract/software-updates';
import { asSentence, pageProblems } from '../page-problems';
import { filterValue, isPickList, type FilterDraft, type PickListProperty } from './criteria-draft';
import type { RuleChoices } from './rule-draft';

const useStyles = makeStyles({
  surface: { width: '520px', maxWidth: '94vw' },
  list: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    height: '260px',
    overflowY: 'auto',
    padding: '2px 6px',
    display: 'flex',
    flexDirection: 'column',
  },
  row: { display: 'flex', gap: '8px', alignItems: 'center' },
  note: { color: tokens.colorNeutralForeground3, margin: '6px 0 0' },
});

/** The values a pick list offers: fixed lists, or what the site's catalog holds. */
export function pickListOptions(property: PickListProperty, choices: RuleChoices): string[] {
  switch (property) {
    case 'architecture':
      return [...ruleArchitectures];
    case 'severity':
    case 'customSeverity':
      // The console lists None first, then by rising severity.
      return [...SeverityName.options].reverse();
    case 'product':
      return choices.products;
    case 'updateClassification':
      return choices.classifications;
    case 'language':
      return choices.languages;
    case 'vendor':
      return choices.vendors;
  }
}

const textHints: Partial<Record<FilterDraft['property'], string>> = {
  articleId: 'One article ID per line, e.g. 5044284 or KB5044284.',
  bulletinId: 'One bulletin ID per line, e.g. MS17-010.',
  title: 'One phrase per line; the title contains it, in any case.',
  description:
    'One phrase per line: the rule picks updates whose description contains any of them.',
};

/**
 * The value editor of one property filter, opened from its link in the search criteria: a
 * checklist for lists the catalog holds, lines of text for titles and IDs, Yes/No, a comparison
 * for numbers, the console's ranges for Date Released or Revised. OK keeps the value only when
 * the contract's RulePropertyFilter accepts it.
 */
export function FilterEditorDialog({
  filter,
  choices,
  onDone,
}: {
  filter: FilterDraft;
  choices: RuleChoices;
  onDone(filter: FilterDraft | null): void;
}) {
  const styles = useStyles();
  const [value, setValue] = useState<FilterDraft>(filter);
  const [search, setSearch] = useState('');
  const [text, setText] = useState(() => ('values' in filter ? filter.values.join('\n') : ''));
  // A filter just ticked has nothing yet: say what is missing once the admin starts choosing.
  const [isTouched, setTouched] = useState(false);
  const change = (next: FilterDraft) => {
    setValue(next);
    setTouched(true);
  };
  const label = ruleFilterLabels[filter.property];

  const edited: FilterDraft =
    'values' in value && !isPickList(value.property)
      ? {
          ...value,
          values: text
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        }
      : value;
  const problem = [...pageProblems(RulePropertyFilter, filterValue(edited)).values()][0];
  const numberProblem =
    'number' in edited && !/^\s*\d+\s*$/.test(edited.number)
      ? 'Enter a whole number of 0 or more.'
      : undefined;
  const sentence = numberProblem ?? (problem ? asSentence(problem) : undefined);

  const body = () => {
    if ('values' in value && isPickList(value.property)) {
      // A template's or a saved rule's value the catalog does not hold (yet) still shows.
      const known = pickListOptions(value.property, choices);
      const extra = 'values' in filter ? filter.values : [];
      const all = [...known, ...extra.filter((each) => !known.includes(each))];
      const options = all.filter((option) =>
        option.toLowerCase().includes(search.trim().toLowerCase()),
      );
      const chosen = new Set(value.values);
      const toggle = (option: string, isOn: boolean) =>
        change({
          ...value,
          values: isOn
            ? [...value.values.filter((each) => each !== option), option]
            : value.values.filter((each) => each !== option),
        });
      return (
        <>
          {options.length > 12 || search ? (
            <Input
              aria-label={`Filter ${label}`}
              placeholder="Filter…"
              value={search}
              onChange={(_event, data) => setSearch(data.value)}
              style={{ marginBottom: 6, width: '100%' }}
            />
          ) : null}
          <div className={styles.list} role="group" aria-label={label}>
            {options.map((option) => (
              <Checkbox
                key={option}
                label={option}
                checked={chosen.has(option)}
                onChange={(_event, data) => toggle(option, data.checked === true)}
              />
            ))}
            {options.length === 0 && (
              <span className={styles.note}>
                {search
                  ? 'Nothing matches the filter.'
                  : 'The catalog holds no values yet: synchronize first.'}
              </span>
            )}
          </div>
          {value.property === 'architecture' && (
            <p className={styles.note}>Keep X86 when choosing X64: 64-bit Windows takes both.</p>
          )}
        </>
      );
    }
    if ('values' in value) {
      return (
        <Field label="Items to find:" hint={textHints[value.property]}>
          <Textarea
            rows={6}
            resize="vertical"
            value={text}
            onChange={(_event, data) => {
              setText(data.value);
              setTouched(true);
            }}
          />
        </Field>
      );
    }
    if ('number' in value) {
      const unit = value.property === 'contentSize' ? 'KB' : 'devices';
      return (
        <div className={styles.row}>
          <Select
            aria-label="Comparison"
            value={value.operator}
            onChange={(_event, data) =>
              change({ ...value, operator: data.value as ComparisonOperator })
            }
          >
            {ComparisonOperator.options.map((operator) => (
              <option key={operator} value={operator}>
                {operator}
              </option>
            ))}
          </Select>
          <Input
            aria-label={label}
            type="number"
            min={0}
            value={value.number}
            onChange={(_event, data) => change({ ...value, number: data.value })}
            style={{ width: 140 }}
          />
          <span>{unit}</span>
        </div>
      );
    }
    if ('range' in value) {
      return (
        <Field label="Date Released or Revised:">
          <Select
            value={value.range}
            onChange={(_event, data) =>
              change({ ...value, range: data.value as DateReleasedRange })
            }
          >
            {dateReleasedRanges.map((range) => (
              <option key={range} value={range}>
                {range}
              </option>
            ))}
          </Select>
        </Field>
      );
    }
    return (
      <RadioGroup
        aria-label={label}
        value={value.value ? 'yes' : 'no'}
        onChange={(_event, data) => change({ ...value, value: data.value === 'yes' })}
      >
        <Radio value="yes" label="Yes" />
        <Radio value="no" label="No" />
      </RadioGroup>
    );
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onDone(null)}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{label}</DialogTitle>
          <DialogContent>
            <p style={{ margin: '0 0 8px' }}>{introOf(filter)}</p>
            {body()}
            {sentence && isTouched && (
              <p
                role="alert"
                style={{ color: tokens.colorPaletteRedForeground1, margin: '6px 0 0' }}
              >
                {sentence}
              </p>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={sentence !== undefined}
              onClick={() => onDone(edited)}
            >
              OK
            </Button>
            <Button onClick={() => onDone(null)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

const pickListNouns: Record<PickListProperty, string> = {
  architecture: 'architectures',
  customSeverity: 'custom severities',
  language: 'languages',
  product: 'products',
  severity: 'severities',
  updateClassification: 'update classifications',
  vendor: 'vendors',
};

/** The line above each editor: what the rule will look for. */
function introOf(filter: FilterDraft): string {
  const label = ruleFilterLabels[filter.property];
  if ('values' in filter)
    return isPickList(filter.property)
      ? `Select the ${pickListNouns[filter.property as PickListProperty]} to find; a software update that has any of them meets this filter.`
      : 'A software update that matches any of the items meets this filter.';
  if ('number' in filter)
    return filter.property === 'required'
      ? 'Compare the number of devices that require the software update.'
      : 'Compare the size of the software update’s content, in kilobytes.';
  if ('range' in filter) return 'Select when the software update was released or last revised.';
  return `Whether the software update is ${label.toLowerCase()}.`;
}
