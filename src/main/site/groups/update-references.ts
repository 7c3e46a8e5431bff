import { sql } from 'kysely';
import { SiteError } from '../../../shared/errors';
import type { SiteDatabase } from '../db/open-database';

const guidPattern = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/**
 * The updates an admin names on the command line, as Get-CMSoftwareUpdate finds them: "KB5034441"
 * is an article (every update of that KB, one per product or architecture), a GUID is an update
 * id, "ci:16777216" a CI ID. A bare number is whichever of article and CI ID exists; when both
 * do, the admin is asked to say which rather than the wrong update joining a group.
 */
export async function resolveUpdateReferences(
  site: SiteDatabase,
  references: string[],
): Promise<number[]> {
  const ciIds = new Set<number>();
  for (const reference of references) {
    for (const id of await resolveOne(site, reference.trim())) ciIds.add(id);
  }
  return [...ciIds];
}

async function resolveOne(site: SiteDatabase, reference: string): Promise<number[]> {
  const db = site.read;
  const byArticle = async (article: string) =>
    (
      await db
        .selectFrom('software_update')
        .select('ci_id')
        .where('article_id', '=', article)
        .execute()
    ).map((row) => row.ci_id);
  const byCiId = async (ciId: number) =>
    (
      await db.selectFrom('software_update').select('ci_id').where('ci_id', '=', ciId).execute()
    ).map((row) => row.ci_id);

  let found: number[];
  if (guidPattern.test(reference)) {
    const updateId = reference.replace(/[{}]/g, '').toLowerCase();
    found = (
      await db
        .selectFrom('software_update')
        .select('ci_id')
        .where(sql<string>`lower(update_id)`, '=', updateId)
        .execute()
    ).map((row) => row.ci_id);
  } else if (/^kb\d+$/i.test(reference)) {
    found = await byArticle(reference.slice(2));
  } else if (/^ci:\d+$/i.test(reference)) {
    found = await byCiId(Number(reference.slice(3)));
  } else if (/^\d+$/.test(reference)) {
    const [articles, ci] = [await byArticle(reference), await byCiId(Number(reference))];
    if (articles.length > 0 && ci.length > 0)
      throw new SiteError(
        'invalid-input',
        `"${reference}" is both article KB${reference} and CI ID ${reference}; write KB${reference} or ci:${reference}.`,
      );
    found = articles.length > 0 ? articles : ci;
  } else {
    throw new SiteError(
      'invalid-input',
      `"${reference}" is not an update: give an article ID (KB5034441), an update GUID or a CI ID.`,
    );
  }
  if (found.length === 0)
    throw new SiteError('not-found', `No synchronized software update matches "${reference}".`);
  return found;
}
