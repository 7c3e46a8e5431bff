import { sql, type Transaction } from 'kysely';
import type { SiteSchema } from '../db/schema-types';

export interface SupersedenceRules {
  nonFeature: { behavior: 'immediately' | 'after-months'; months: number };
  feature: { behavior: 'immediately' | 'after-months'; months: number };
}

const upgradesClassification = '3689bdc8-b205-4af4-8d4a-a63924c5e9d5';
const definitionUpdatesClassification = 'e0789628-ce08-4437-be74-2495b842f43b';

/**
 * Marks superseded updates and expires those the Supersedence Rules tab says to (spec §2.3.6):
 * "immediately", or once N months have passed since the creation (release) date of the newest
 * superseding update's earliest release. Upgrades follow the feature-update rule; definition
 * updates never expire through this rule. Expiry is never undone by a later, looser rule —
 * ConfigMgr declines expired updates in WSUS for good.
 */
export async function applySupersedenceRules(
  trx: Transaction<SiteSchema>,
  rules: SupersedenceRules,
  now: Date,
): Promise<{ superseded: number; expired: number }> {
  const links = await sql<{
    ci_id: number;
    classification_id: string;
    is_expired: number;
    superseded_since: string;
  }>`
    SELECT old.ci_id, old.classification_id, old.is_expired, MIN(newer.date_released) AS superseded_since
      FROM (
        -- Links by update id and links by KB, joined separately: an OR in one join condition
        -- makes PostgreSQL compare every pair of updates.
        SELECT link.superseding_ci_id, old.ci_id AS old_ci_id
          FROM update_supersedence link
          JOIN software_update old ON old.update_id = link.superseded_update_id
         WHERE link.superseded_update_id IS NOT NULL
        UNION
        SELECT link.superseding_ci_id, old.ci_id AS old_ci_id
          FROM update_supersedence link
          JOIN software_update old ON old.article_id = link.superseded_article_id
         WHERE link.superseded_article_id IS NOT NULL AND link.superseded_article_id <> ''
      ) pair
      JOIN software_update newer ON newer.ci_id = pair.superseding_ci_id
      JOIN software_update old ON old.ci_id = pair.old_ci_id
     WHERE old.ci_id <> newer.ci_id
     GROUP BY old.ci_id, old.classification_id, old.is_expired`.execute(trx);

  const supersededIds = links.rows.map((row) => Number(row.ci_id));
  await trx
    .updateTable('software_update')
    .set({ is_superseded: 0, superseded_since: null })
    .where('is_superseded', '=', 1)
    .execute();
  const sinceById = new Map(links.rows.map((row) => [Number(row.ci_id), row.superseded_since]));
  const bySince = new Map<string, number[]>();
  for (const [id, since] of sinceById) bySince.set(since, [...(bySince.get(since) ?? []), id]);
  for (const [since, ids] of bySince) {
    for (let start = 0; start < ids.length; start += 500) {
      await trx
        .updateTable('software_update')
        .set({ is_superseded: 1, superseded_since: since })
        .where('ci_id', 'in', ids.slice(start, start + 500))
        .execute();
    }
  }

  const toExpire: number[] = [];
  for (const row of links.rows) {
    if (row.is_expired === 1 || row.classification_id === definitionUpdatesClassification) continue;
    const rule =
      row.classification_id === upgradesClassification ? rules.feature : rules.nonFeature;
    if (
      rule.behavior === 'immediately' ||
      addMonths(new Date(row.superseded_since), rule.months) <= now
    ) {
      toExpire.push(Number(row.ci_id));
    }
  }
  const nowIso = now.toISOString();
  for (let start = 0; start < toExpire.length; start += 500) {
    await trx
      .updateTable('software_update')
      .set({ is_expired: 1, expired_at: nowIso })
      .where('ci_id', 'in', toExpire.slice(start, start + 500))
      .execute();
  }
  return { superseded: supersededIds.length, expired: toExpire.length };
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const last = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}
