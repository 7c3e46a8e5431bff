import { Button, Checkbox, Link, makeStyles, tokens } from '@fluentui/react-components';
import { EyeRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { ruleFilterLabels, type RuleFilterProperty } from '../../../shared/contract/rule-criteria';
import { usePageStyles } from '../page-styles';
import type { PageFields } from '../page-problems';
import { filterProperties, newFilter, type FilterDraft } from './criteria-draft';
import { FilterEditorDialog } from './filter-editor-dialog';
import type { RuleDraft } from './rule-draft';
import type { RulePageId } from './rule-pages';

const page = 'softwareUpdates' as const;

const useStyles = makeStyles({
  label: { fontWeight: tokens.fontWeightSemibold, margin: '8px 0 4px' },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '2px 6px',
  },
  criteria: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '6px 8px',
    minHeight: '48px',
    lineHeight: '22px',
    overflowWrap: 'anywhere',
  },
  empty: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1, margin: '4px 0 0' },
  criteriaHead: {
    display: 'flex',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    margin: '8px 0 4px',
  },
});

/**
 * Software Updates (§8.2): the Property filters checklist, the Search criteria text with a link
 * on each value that opens that filter's editor, and Preview (the dry run of the rule as typed,
 * in the wizard; Properties may leave it out).
 */
export const RuleSoftwareUpdatesPage = observer(function RuleSoftwareUpdatesPage({
  draft,
  fields,
  onPreview,
}: {
  draft: RuleDraft;
  fields: PageFields<RulePageId>;
  onPreview?(): void;
}) {
  const styles = useStyles();
  const pageStyles = usePageStyles();
  const [editing, setEditing] = useState<FilterDraft | null>(null);
  const { criteria } = draft;
  const toggle = (property: RuleFilterProperty, isChecked: boolean) => {
    criteria.setChecked(property, isChecked);
    fields.touch(page, 'criteria');
    fields.touch(page, `criteria.${property}`);
    // A ticked filter with nothing to look for yet opens its editor, as its link would.
    if (isChecked) setEditing(criteria.filter(property) ?? newFilter(property));
  };
  const pageProblem = fields.problemFor(page, 'criteria');
  const filterProblems = criteria.ordered.flatMap((filter) => {
    const text = fields.problemFor(page, `criteria.${filter.property}`);
    return text ? [text] : [];
  });
  const isValid = draft.problems(page).size === 0;

  return (
    <>
      <p className={pageStyles.intro}>
        Select the property filters and search criteria. The rule selects the software updates that
        meet all of the criteria; expired software updates are never selected.
      </p>
      <div className={styles.label} id="property-filters">
        Property filters:
      </div>
      <div className={styles.filters} role="group" aria-labelledby="property-filters">
        {filterProperties.map((property) => (
          <Checkbox
            key={property}
            label={ruleFilterLabels[property]}
            checked={criteria.isChecked(property)}
            onChange={(_event, data) => toggle(property, data.checked === true)}
          />
        ))}
      </div>
      <div className={styles.criteriaHead}>
        <span className={styles.label} style={{ margin: 0 }} id="search-criteria">
          Search criteria (click the items to edit them):
        </span>
        {onPreview && (
          <Button size="small" icon={<EyeRegular />} disabled={!isValid} onClick={onPreview}>
            Preview
          </Button>
        )}
      </div>
      <div
        className={styles.criteria}
        aria-labelledby="search-criteria"
        data-testid="criteria-text"
      >
        {criteria.ordered.length === 0 ? (
          <span className={styles.empty}>Select a property filter above.</span>
        ) : (
          criteria.textParts.map((part, index) =>
            part.property ? (
              <Link
                key={index}
                onClick={() => {
                  const filter = criteria.filter(part.property!);
                  if (filter) setEditing(filter);
                }}
              >
                {part.text}
              </Link>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )
        )}
      </div>
      {pageProblem && (
        <p className={styles.problem} role="alert">
          {pageProblem}
        </p>
      )}
      {filterProblems.map((text) => (
        <p key={text} className={styles.problem} role="alert">
          {text}
        </p>
      ))}
      {editing && (
        <FilterEditorDialog
          filter={editing}
          choices={draft.choices}
          onDone={(filter) => {
            if (filter) criteria.set(filter);
            setEditing(null);
          }}
        />
      )}
    </>
  );
});
