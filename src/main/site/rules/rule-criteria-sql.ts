import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { SiteSchema } from '../db/schema-types';
import type {
  ComparisonOperator,
  DateReleasedRange,
  RulePropertyFilter,
} from '../../../shared/contract/rule-criteria';
import type { UpdateCriterion } from '../../../shared/contract/software-updates';
import { containsText } from '../db/text-search';
import { updateLanguages } from '../sup/languages';
import { criterionSql, type UpdateListTables } from '../updates/update-criteria-sql';

type Eb = ExpressionBuilder<UpdateListTables, 'u' | 'c' | 's'>;

/**
 * One property filter of a rule as SQL over `software_update u`, its classification `c` and
 * its compliance summary `s`. Filters the console's search already has go through the very
 * same `criterionSql`, so a rule and All Software Updates read "Product: Windows 11" alike;
 * the rule-only ones (architecture, language, description, content size, the date ranges and
 * the strict comparisons) are here.
 */
export function ruleFilterSql(
  eb: Eb,
  filter: RulePropertyFilter,
  now: Date,
  lookups: RuleLookups,
): Expression<SqlBool> {
  const shared = (criterion: UpdateCriterion) => criterionSql(eb, criterion, now);
  switch (filter.property) {
    case 'architecture':
      return architectureSql(eb, filter.values);
    case 'articleId':
    case 'bulletinId':
    case 'title':
    case 'vendor':
    case 'severity':
    case 'customSeverity':
      return shared(filter as UpdateCriterion);
    case 'product':
      // Ids looked up once; checked per update through the (ci_id, product_id) key, so the
      // planner drives the query by the selective filters (a date range) instead of walking
      // every update of a product family.
      return lookups.productIds.length === 0
        ? sql<SqlBool>`1 = 0`
        : eb.exists(
            eb
              .selectFrom('software_update_product as sp')
              .select(sql`1`.as('one'))
              .whereRef('sp.ci_id', '=', 'u.ci_id')
              .where('sp.product_id', 'in', lookups.productIds),
          );
    case 'updateClassification':
      // A classification holds a third of the catalog: compared, never walked as an index.
      return lookups.classificationIds.length === 0
        ? sql<SqlBool>`1 = 0`
        : eb(sql<string>`(u.classification_id || '')`, 'in', lookups.classificationIds);
    case 'superseded':
    case 'deployed':
      return shared({ property: filter.property, value: filter.value });
    case 'description':
      return eb.or(filter.values.map((value) => containsText('u.description', value)));
    case 'contentSize':
      // Content Size is in KB, the catalog's size in bytes: compare bytes to the KB bounds.
      return compare(eb, sql<number>`u.size`, filter.operator, filter.kilobytes * 1024);
    case 'required':
      return compare(eb, sql<number>`s.num_required`, filter.operator, filter.value);
    case 'language':
      return languageSql(eb, filter.values);
    case 'dateReleasedOrRevised':
      return dateRangeSql(eb, filter.range, now);
  }
}

function compare(
  eb: Eb,
  left: Expression<number>,
  operator: ComparisonOperator,
  value: number,
): Expression<SqlBool> {
  return eb(left, operator, value);
}

/**
 * The catalog lists an update's architectures as "x64, x86, arm64"; a filter value matches an
 * update that names it (ARM is ConfigMgr's Arm64 family; IA64 is Itanium).
 */
const architectureTokens: Record<string, string[]> = {
  Arm64: ['arm64'],
  Itanium: ['ia64'],
  X64: ['x64'],
  X86: ['x86'],
};

function architectureSql(eb: Eb, values: readonly string[]): Expression<SqlBool> {
  const padded = sql<string>`(', ' || lower(u.architecture) || ',')`;
  const tokens = values.flatMap((value) => architectureTokens[value] ?? []);
  return eb.or(tokens.map((token) => sql<SqlBool>`${padded} LIKE ${`%, ${token},%`}`));
}

const offeredCodes = updateLanguages.map((language) => language.code);

/** "English" or "en": the WSUS language code of a Language filter value. */
export function languageCode(value: string): string | null {
  const wanted = value.trim().toLowerCase();
  const found = updateLanguages.find(
    (language) => language.code === wanted || language.name.toLowerCase() === wanted,
  );
  return found?.code ?? null;
}

/**
 * An update in a language: one of its cultures is the code ("en") or a culture of it ("en-us"),
 * except cultures the Languages tab offers as languages of their own ("pt-br" is not "pt").
 */
function languageSql(eb: Eb, values: readonly string[]): Expression<SqlBool> {
  const codes = [...new Set(values.map((value) => languageCode(value) ?? value.toLowerCase()))];
  return eb.exists(
    eb
      .selectFrom('software_update_language as sl')
      .select(sql`1`.as('one'))
      .whereRef('sl.ci_id', '=', 'u.ci_id')
      .where((inner) =>
        inner.or(
          codes.flatMap((code) => {
            const exact = inner('sl.language_code', '=', code);
            if (code.includes('-')) return [exact];
            const ownCultures = offeredCodes.filter((offered) => offered.startsWith(`${code}-`));
            const culture = inner('sl.language_code', 'like', `${code}-%`);
            return [
              exact,
              ownCultures.length === 0
                ? culture
                : inner.and([culture, inner('sl.language_code', 'not in', ownCultures)]),
            ];
          }),
        ),
      ),
  );
}

/** The instant a "Last N …" range starts, or an "Older than …" range ends, counted back from now. */
export function rangeBoundary(range: DateReleasedRange, now: Date): Date | null {
  const match = /^(Last|Older than) (\d+) (hour|day|month|year)s?$/.exec(range);
  if (!match) return null;
  const amount = Number(match[2]);
  const at = new Date(now.getTime());
  switch (match[3]) {
    case 'hour':
      at.setTime(at.getTime() - amount * 3_600_000);
      break;
    case 'day':
      at.setTime(at.getTime() - amount * 86_400_000);
      break;
    case 'month':
      at.setUTCMonth(at.getUTCMonth() - amount);
      break;
    case 'year':
      at.setUTCFullYear(at.getUTCFullYear() - amount);
      break;
  }
  return at;
}

/**
 * Date Released or Revised: "Last N" takes updates released or revised since the boundary;
 * "Older than N" those neither released nor revised since (a revision makes an update new again).
 */
function dateRangeSql(eb: Eb, range: DateReleasedRange, now: Date): Expression<SqlBool> {
  const boundary = rangeBoundary(range, now);
  if (!boundary) return sql<SqlBool>`1 = 1`;
  const at = boundary.toISOString();
  if (range.startsWith('Last'))
    return eb.or([eb('u.date_released', '>=', at), eb('u.date_revised', '>=', at)]);
  return eb.and([eb('u.date_released', '<', at), eb('u.date_revised', '<', at)]);
}

/** Names of a rule's Product and Update Classification filters, resolved to ids once per run. */
export interface RuleLookups {
  productIds: string[];
  classificationIds: string[];
}

/**
 * A Product value names a product, a product family (every product of it) or an id, as the
 * console's search does; a classification is named (in any case) or given by id.
 */
export async function resolveRuleLookups(
  db: Kysely<SiteSchema>,
  criteria: readonly RulePropertyFilter[],
): Promise<RuleLookups> {
  const lookups: RuleLookups = { productIds: [], classificationIds: [] };
  for (const filter of criteria) {
    if (filter.property === 'product') {
      const rows = await db
        .selectFrom('product')
        .select('id')
        .where((eb) =>
          eb.or([
            eb('id', 'in', filter.values),
            eb('name', 'in', filter.values),
            eb('family', 'in', filter.values),
          ]),
        )
        .execute();
      lookups.productIds = rows.map((row) => row.id);
    }
    if (filter.property === 'updateClassification') {
      const wanted = filter.values.map((value) => value.toLowerCase());
      const rows = await db.selectFrom('update_classification').select(['id', 'name']).execute();
      lookups.classificationIds = rows
        .filter((row) => wanted.includes(row.name.toLowerCase()) || filter.values.includes(row.id))
        .map((row) => row.id);
    }
  }
  return lookups;
}
