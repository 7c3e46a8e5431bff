import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { SeverityName, UpdateCriterion } from '../../../shared/contract/software-updates';
import type { SiteSchema } from '../db/schema-types';
import { containsText } from '../db/text-search';

export type UpdateListTables = SiteSchema & {
  u: SiteSchema['software_update'];
  c: SiteSchema['update_classification'];
  s: SiteSchema['update_compliance_summary'];
};
type Eb = ExpressionBuilder<UpdateListTables, 'u' | 'c' | 's'>;

const severityNumber: Record<SeverityName, number> = {
  Critical: 10,
  Important: 8,
  Moderate: 6,
  Low: 2,
  None: 0,
};

/** KB numbers compare as digits: "KB5034441" and "5034441" name the same article. */
export function articleDigits(value: string): string {
  return value.trim().replace(/^kb/i, '');
}

const contains = containsText;

/** The search box: title, article id or bulletin id contains the text (spec §3.4). */
export function searchText(eb: Eb, text: string): Expression<SqlBool> {
  const digits = articleDigits(text);
  return eb.or([
    contains('u.title', text),
    contains('u.article_id', digits),
    contains('u.bulletin_id', text),
  ]);
}

/**
 * A low-selectivity column (a flag, a severity) compared as an expression, so SQLite's planner
 * keeps walking the sort column's index and stops after one page instead of sorting every match.
 */
function unindexed(column: string) {
  return sql<number>`(${sql.ref(column)} + 0)`;
}

/** One Add Criteria row as SQL; the values of a criterion are ORed. */
export function criterionSql(eb: Eb, criterion: UpdateCriterion, now: Date): Expression<SqlBool> {
  switch (criterion.property) {
    case 'dateReleasedOrRevised': {
      if (criterion.condition === 'lastDays') {
        const since = new Date(now.getTime() - criterion.days! * 86_400_000).toISOString();
        return eb.or([eb('u.date_released', '>=', since), eb('u.date_revised', '>=', since)]);
      }
      if (criterion.condition === 'onOrAfter') {
        const from = `${criterion.date}T00:00:00.000Z`;
        return eb.or([eb('u.date_released', '>=', from), eb('u.date_revised', '>=', from)]);
      }
      const until = `${criterion.date}T23:59:59.999Z`;
      return eb('u.date_released', '<=', until);
    }
    case 'classification':
      return eb('c.name', 'in', criterion.values);
    case 'product':
      return eb.exists(
        eb
          .selectFrom('software_update_product as sp')
          .innerJoin('product as p', 'p.id', 'sp.product_id')
          .select(sql`1`.as('one'))
          .whereRef('sp.ci_id', '=', 'u.ci_id')
          .where((inner) =>
            inner.or([
              inner('p.id', 'in', criterion.values),
              inner('p.name', 'in', criterion.values),
              inner('p.family', 'in', criterion.values),
            ]),
          ),
      );
    case 'severity':
      return eb(
        unindexed('u.severity'),
        'in',
        criterion.values.map((name) => severityNumber[name as SeverityName]),
      );
    case 'customSeverity':
      return eb(
        unindexed('u.custom_severity'),
        'in',
        criterion.values.map((name) => severityNumber[name as SeverityName]),
      );
    case 'expired':
      return eb(unindexed('u.is_expired'), '=', criterion.value ? 1 : 0);
    case 'superseded':
      return eb(unindexed('u.is_superseded'), '=', criterion.value ? 1 : 0);
    case 'deployed':
      return eb(unindexed('u.is_deployed'), '=', criterion.value ? 1 : 0);
    case 'downloaded':
      return eb(unindexed('u.is_content_provisioned'), '=', criterion.value ? 1 : 0);
    case 'required': {
      const op = { atLeast: '>=', atMost: '<=', equals: '=' } as const;
      return eb('s.num_required', op[criterion.condition], criterion.value);
    }
    case 'articleId':
      return eb('u.article_id', 'in', criterion.values.map(articleDigits));
    case 'bulletinId':
      return eb(
        sql`upper(u.bulletin_id)`,
        'in',
        criterion.values.map((value) => value.toUpperCase()),
      );
    case 'title':
      return eb.or(criterion.values.map((value) => contains('u.title', value)));
    case 'vendor':
      return eb('u.vendor', 'in', criterion.values);
    case 'cve':
      return eb.exists(
        eb
          .selectFrom('software_update_cve as sc')
          .select(sql`1`.as('one'))
          .whereRef('sc.ci_id', '=', 'u.ci_id')
          .where(
            'sc.cve_id',
            'in',
            criterion.values.map((value) => value.trim().toUpperCase()),
          ),
      );
  }
}
