import { makeAutoObservable } from 'mobx';
import {
  criteriaTextParts,
  RulePropertyFilter,
  ruleFilterLabels,
  type ComparisonOperator,
  type CriteriaTextPart,
  type DateReleasedRange,
  type RuleFilterProperty,
} from '../../../shared/contract/rule-criteria';
import { asSentence, pageProblems, type FieldPath } from '../page-problems';

/** The Property filters checklist in the console's (alphabetical) order. */
export const filterProperties = Object.keys(ruleFilterLabels) as RuleFilterProperty[];

export type ListProperty = Exclude<
  RuleFilterProperty,
  'contentSize' | 'required' | 'dateReleasedOrRevised' | 'deployed' | 'superseded'
>;
/** Filters whose values come from a fixed or catalog list; the others are typed. */
export const pickListProperties = [
  'architecture',
  'customSeverity',
  'language',
  'product',
  'severity',
  'updateClassification',
  'vendor',
] as const satisfies readonly ListProperty[];
export type PickListProperty = (typeof pickListProperties)[number];
export type TextProperty = Exclude<ListProperty, PickListProperty>;

export function isPickList(property: RuleFilterProperty): property is PickListProperty {
  return (pickListProperties as readonly string[]).includes(property);
}

/**
 * One property filter as edited: lists may be empty and numbers are text until checked, so the
 * page can say what is missing instead of refusing the keystroke.
 */
export type FilterDraft =
  | { property: ListProperty; values: string[] }
  | { property: 'contentSize' | 'required'; operator: ComparisonOperator; number: string }
  | { property: 'dateReleasedOrRevised'; range: DateReleasedRange }
  | { property: 'deployed' | 'superseded'; value: boolean };

/** What a filter holds when its box is ticked: the console's first choice, or nothing yet. */
export function newFilter(property: RuleFilterProperty): FilterDraft {
  switch (property) {
    case 'contentSize':
      return { property, operator: '<=', number: '' };
    case 'required':
      return { property, operator: '>=', number: '1' };
    case 'dateReleasedOrRevised':
      return { property, range: 'Last 1 month' };
    case 'deployed':
    case 'superseded':
      return { property, value: false };
    default:
      return { property, values: [] };
  }
}

export function draftOf(filter: RulePropertyFilter): FilterDraft {
  switch (filter.property) {
    case 'contentSize':
      return {
        property: filter.property,
        operator: filter.operator,
        number: String(filter.kilobytes),
      };
    case 'required':
      return { property: filter.property, operator: filter.operator, number: String(filter.value) };
    case 'dateReleasedOrRevised':
      return { property: filter.property, range: filter.range };
    case 'deployed':
    case 'superseded':
      return { property: filter.property, value: filter.value };
    default:
      return { property: filter.property, values: [...filter.values] };
  }
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The filter as the site's schema reads it (numbers NaN while the box holds no number). */
export function filterValue(draft: FilterDraft): unknown {
  switch (draft.property) {
    case 'contentSize':
      return {
        property: draft.property,
        operator: draft.operator,
        kilobytes: wholeNumber(draft.number),
      };
    case 'required':
      return {
        property: draft.property,
        operator: draft.operator,
        value: wholeNumber(draft.number),
      };
    default:
      return { ...draft };
  }
}

/**
 * The Software Updates page's property filters (spec §8.2): which boxes are ticked and each
 * filter's value, checked one by one with the contract's RulePropertyFilter, and the search
 * criteria text with one link per value.
 */
export class CriteriaDraft {
  /** Keyed by property: one filter per property, as the checklist allows. */
  filters = new Map<RuleFilterProperty, FilterDraft>();

  constructor(initial: readonly RulePropertyFilter[] = []) {
    this.replace(initial);
    makeAutoObservable(this);
  }

  replace(criteria: readonly RulePropertyFilter[]): void {
    this.filters = new Map(criteria.map((filter) => [filter.property, draftOf(filter)]));
  }

  isChecked(property: RuleFilterProperty): boolean {
    return this.filters.has(property);
  }

  setChecked(property: RuleFilterProperty, isChecked: boolean): void {
    if (isChecked && !this.filters.has(property)) this.filters.set(property, newFilter(property));
    if (!isChecked) this.filters.delete(property);
  }

  filter(property: RuleFilterProperty): FilterDraft | undefined {
    return this.filters.get(property);
  }

  set(filter: FilterDraft): void {
    this.filters.set(filter.property, filter);
  }

  /** The ticked filters in checklist order. */
  get ordered(): FilterDraft[] {
    return filterProperties.flatMap((property) => {
      const filter = this.filters.get(property);
      return filter ? [filter] : [];
    });
  }

  /** The criteria as the site parses them (RuleSoftwareUpdatesPage's `criteria`). */
  get value(): unknown[] {
    return this.ordered.map(filterValue);
  }

  /** Every filter that parses, for a preview of the rule as typed so far. */
  get validCriteria(): RulePropertyFilter[] {
    return this.ordered.flatMap((filter) => {
      const parsed = RulePropertyFilter.safeParse(filterValue(filter));
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** One sentence per filter (path `criteria.<property>`), or for the page (`criteria`). */
  get problems(): Map<FieldPath, string> {
    const problems = new Map<FieldPath, string>();
    if (this.filters.size === 0) {
      problems.set('criteria', 'Choose at least one property filter, and the values it looks for.');
    }
    for (const filter of this.ordered) {
      const path = `criteria.${filter.property}`;
      if (
        (filter.property === 'contentSize' || filter.property === 'required') &&
        Number.isNaN(wholeNumber(filter.number))
      ) {
        problems.set(
          path,
          `${ruleFilterLabels[filter.property]}: enter a whole number of 0 or more.`,
        );
        continue;
      }
      const found = pageProblems(RulePropertyFilter, filterValue(filter));
      const first = [...found.values()][0];
      if (first) {
        const lowered = first.charAt(0).toLowerCase() + first.slice(1);
        problems.set(path, asSentence(`${ruleFilterLabels[filter.property]}: ${lowered}`));
      }
    }
    return problems;
  }

  /**
   * The search criteria text: `Product: "Windows 11" AND Superseded: No`, the shared wording of
   * `criteriaTextParts`, with "<items to find>" for a filter that has no value yet.
   */
  get textParts(): CriteriaTextPart[] {
    const parts: CriteriaTextPart[] = [];
    this.ordered.forEach((filter, index) => {
      if (index > 0) parts.push({ text: ' AND ' });
      const parsed = RulePropertyFilter.safeParse(filterValue(filter));
      if (parsed.success) parts.push(...criteriaTextParts([parsed.data]));
      else {
        parts.push({ text: `${ruleFilterLabels[filter.property]}: ` });
        parts.push({ text: '<items to find>', property: filter.property });
      }
    });
    return parts;
  }
}
