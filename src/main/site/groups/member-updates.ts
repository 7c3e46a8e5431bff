import type { Kysely } from 'kysely';
import { SiteError } from '../../../shared/errors';
import type { SiteSchema } from '../db/schema-types';

/** Feature updates live under Windows Servicing and cannot be in a group (spec §5.1, 2203). */
const featureUpdateClassification = 'Upgrades';

/**
 * Checks that updates about to join a group exist and are not feature updates; `field` names the
 * input list in the sentence. Returns the distinct ids.
 */
export async function checkUpdatesCanJoin(
  trx: Kysely<SiteSchema>,
  ciIds: number[],
  field: string,
): Promise<number[]> {
  const ids = [...new Set(ciIds)];
  if (ids.length === 0) return ids;
  const found = await trx
    .selectFrom('software_update as u')
    .innerJoin('update_classification as c', 'c.id', 'u.classification_id')
    .select(['u.ci_id', 'u.title', 'c.name as classification'])
    .where('u.ci_id', 'in', ids)
    .execute();
  if (found.length !== ids.length) {
    const known = new Set(found.map((row) => row.ci_id));
    const missing = ids.find((id) => !known.has(id));
    throw new SiteError('not-found', `${field}: software update ${missing} does not exist.`);
  }
  const feature = found.find((row) => row.classification === featureUpdateClassification);
  if (feature) {
    throw new SiteError(
      'invalid-input',
      `${field}: "${feature.title}" is a feature update (Upgrades), and feature updates cannot be in a software update group.`,
    );
  }
  return ids;
}
