import { sql, type Kysely } from 'kysely';
import type { LicenseTermsSetting } from '../../../shared/contract/automatic-deployment-rules';
import type { RuleCriteria } from '../../../shared/contract/rule-criteria';
import { maxUpdatesPerDeployment } from '../../../shared/contract/update-groups';
import type { SiteSchema } from '../db/schema-types';
import { resolveRuleLookups, ruleFilterSql, type RuleLookups } from './rule-criteria-sql';

/** What a rule selects now: the one evaluation both a run and the dry-run preview use. */
export interface RuleEvaluation {
  /** Every selected update, oldest CI first (the order the group and deployment get them). */
  ciIds: number[];
  /** Matches left out because they carry license terms and the rule deploys only those without. */
  skippedForLicense: number;
  exceedsLimit: boolean;
  /** The sentence a run fails with when the selection breaks the 1,000 cap, else null. */
  problem: string | null;
}

export interface RuleEvaluationInput {
  criteria: RuleCriteria;
  licenseTerms: LicenseTermsSetting;
  /** "Last 1 month" counts back from the scheduled start of the evaluation. */
  now: Date;
}

/**
 * The criteria as one SQL query, with what Rule Engine adds to every rule: expired (and
 * invalid) updates are never selected (§8.2). The license terms setting is applied after the
 * match, so the preview can say how many it left out.
 */
export function ruleMatchQuery(
  db: Kysely<SiteSchema>,
  input: RuleEvaluationInput,
  lookups: RuleLookups,
) {
  let query = db
    .selectFrom('software_update as u')
    .innerJoin('update_classification as c', 'c.id', 'u.classification_id')
    .leftJoin('update_compliance_summary as s', 's.ci_id', 'u.ci_id')
    .where('u.is_expired', '=', 0)
    .where('u.is_invalid', '=', 0);
  for (const filter of input.criteria)
    query = query.where((eb) => ruleFilterSql(eb as never, filter, input.now, lookups));
  return query;
}

export async function evaluateRule(
  db: Kysely<SiteSchema>,
  input: RuleEvaluationInput,
): Promise<RuleEvaluation> {
  const lookups = await resolveRuleLookups(db, input.criteria);
  const rows = await ruleMatchQuery(db, input, lookups)
    .select(['u.ci_id', 'u.has_license_terms'])
    .execute();
  // Sorted here, not in SQL: an ORDER BY ci_id invites the planner to walk the whole table in
  // key order instead of the selective date range.
  rows.sort((a, b) => a.ci_id - b.ci_id);
  const withoutLicense =
    input.licenseTerms === 'only-without-license'
      ? rows.filter((row) => row.has_license_terms === 0)
      : rows;
  const ciIds = withoutLicense.map((row) => row.ci_id);
  const exceedsLimit = ciIds.length > maxUpdatesPerDeployment;
  return {
    ciIds,
    skippedForLicense: rows.length - withoutLicense.length,
    exceedsLimit,
    problem: exceedsLimit
      ? `The rule selected ${ciIds.length.toLocaleString('en-US')} software updates; a rule can deploy at most ${maxUpdatesPerDeployment.toLocaleString('en-US')} in one run, so nothing was created. Narrow its criteria (for example Superseded: No, or a shorter Date Released or Revised).`
      : null,
  };
}

/** How many updates match, for the bench's bare query and quick counts. */
export async function countRuleMatches(
  db: Kysely<SiteSchema>,
  input: RuleEvaluationInput,
): Promise<number> {
  const lookups = await resolveRuleLookups(db, input.criteria);
  const row = await ruleMatchQuery(db, input, lookups)
    .select(sql<number>`COUNT(*)`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
