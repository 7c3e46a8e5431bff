import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { SiteError } from '../../../shared/errors';
import { describeDatabase, type DatabaseConfig } from './database-config';
import type { SiteDatabase } from './open-database';

/**
 * Whether a database already holds a site. A mistyped `--db` must not quietly become an empty
 * new site that answers every listing with nothing (exit 0): only the verbs that are meant to
 * create one (`sync`, `serve`, `db init`) may, and they say so.
 */
export type IfNoSite = 'create' | 'refuse';

/** Before anything is opened: a SQLite file that is not there holds no site. */
export function refuseMissingSiteFile(config: DatabaseConfig, ifNoSite: IfNoSite): void {
  if (ifNoSite !== 'refuse' || config.kind !== 'sqlite' || config.file === ':memory:') return;
  if (!existsSync(config.file)) throw noSiteAt(config);
}

/** True when the database has its local site row (a site Patchbay created and bootstrapped). */
export async function holdsSite(database: SiteDatabase): Promise<boolean> {
  const table =
    database.dialect === 'postgres'
      ? await sql<{ found: string | null }>`SELECT to_regclass('site')::text AS found`.execute(
          database.db,
        )
      : await sql<{
          found: string | null;
        }>`SELECT name AS found FROM sqlite_master WHERE type = 'table' AND name = 'site'`.execute(
          database.db,
        );
  if (!table.rows[0]?.found) return false;
  const local = await database.db
    .selectFrom('site')
    .select('code')
    .where('is_local', '=', 1)
    .executeTakeFirst();
  return local !== undefined;
}

export function noSiteAt(config: DatabaseConfig): SiteError {
  return new SiteError(
    'not-found',
    `There is no site at ${describeDatabase(config)}. Check --db and --data-dir; only \`patchbay sync\`, \`patchbay serve\` and \`patchbay db init\` create a new site.`,
  );
}
