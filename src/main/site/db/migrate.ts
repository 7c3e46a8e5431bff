import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { SiteError } from '../../../shared/errors';
import { migrations as knownMigrations, type Migration } from './migrations';
import type { SiteDatabase } from './open-database';

export interface MigrationReport {
  applied: string[];
  /** The copy of the SQLite file taken before migrating an existing database, if any. */
  backupFile: string | null;
  schemaVersion: string;
}

/** The SQL a migration prints for this dialect, and its hash, which is what the database keeps. */
export function compileMigration(migration: Migration, dialect: SiteDatabase['dialect']) {
  const statements = migration.statements.map((statement) => statement(dialect));
  const hash = createHash('sha256').update(statements.join(';\n')).digest('hex');
  return { statements, hash };
}

export function latestSchemaVersion(list: readonly Migration[] = knownMigrations): string {
  return list.at(-1)?.id ?? 'none';
}

/**
 * Brings the database to this version's schema. Each migration runs in its own transaction;
 * a database written by a newer Patchbay, or one whose applied migration differs from ours, is
 * refused before anything is touched. On SQLite the file is copied aside first (VACUUM INTO) when
 * it already holds data; on PostgreSQL an advisory lock keeps two consoles from migrating at once.
 */
export async function migrateDatabase(
  site: SiteDatabase,
  list: readonly Migration[] = knownMigrations,
  now: () => Date = () => new Date(),
): Promise<MigrationReport> {
  const db = site.db as unknown as Kysely<SiteDatabaseSchema>;
  if (site.dialect === 'postgres') {
    return db.connection().execute(async (connection) => {
      await sql`SELECT pg_advisory_lock(hashtext('patchbay-migrate'))`.execute(connection);
      try {
        return await runMigrations(connection, site, list, now);
      } finally {
        await sql`SELECT pg_advisory_unlock(hashtext('patchbay-migrate'))`.execute(connection);
      }
    });
  }
  return runMigrations(db, site, list, now);
}

async function runMigrations(
  db: Kysely<SiteDatabaseSchema>,
  site: SiteDatabase,
  list: readonly Migration[],
  now: () => Date,
): Promise<MigrationReport> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (id TEXT PRIMARY KEY, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(
    db,
  );
  const applied = await db
    .selectFrom('schema_migration')
    .select(['id', 'hash'])
    .orderBy('id')
    .execute();
  const known = new Map(list.map((migration) => [migration.id, migration]));

  for (const row of applied) {
    const migration = known.get(row.id);
    if (!migration) {
      throw new SiteError(
        'database-newer-than-app',
        `The site database ${site.location} was written by a newer Patchbay (it has migration ${row.id}, unknown to this version); update Patchbay or point it at another database.`,
      );
    }
    const { hash } = compileMigration(migration, site.dialect);
    if (hash !== row.hash) {
      throw new SiteError(
        'database-newer-than-app',
        `Migration ${row.id} in ${site.location} differs from the one this version ships (hash ${row.hash.slice(0, 12)} vs ${hash.slice(0, 12)}); the database was made by another build of Patchbay.`,
      );
    }
  }

  const appliedIds = new Set(applied.map((row) => row.id));
  const pending = list.filter((migration) => !appliedIds.has(migration.id));
  let backupFile: string | null = null;
  if (
    pending.length > 0 &&
    applied.length > 0 &&
    site.dialect === 'sqlite' &&
    site.config.kind === 'sqlite'
  ) {
    backupFile = await copySqliteAside(db, site.config.file, pending[0]!.id, now());
  }

  for (const migration of pending) {
    const { statements, hash } = compileMigration(migration, site.dialect);
    await db.transaction().execute(async (trx) => {
      for (const statement of statements) await sql.raw(statement).execute(trx);
      await trx
        .insertInto('schema_migration')
        .values({ id: migration.id, hash, applied_at: now().toISOString() })
        .execute();
    });
  }
  return {
    applied: pending.map((migration) => migration.id),
    backupFile,
    schemaVersion: latestSchemaVersion(list),
  };
}

async function copySqliteAside(
  db: Kysely<SiteDatabaseSchema>,
  file: string,
  firstPendingId: string,
  at: Date,
): Promise<string | null> {
  if (file === ':memory:') return null;
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let target = `${file}.before-${firstPendingId}.${stamp}.bak`;
  for (let suffix = 1; existsSync(target); suffix += 1) target = `${target}.${suffix}`;
  // VACUUM INTO writes a consistent copy even while WAL holds recent pages.
  await sql`VACUUM INTO ${target}`.execute(db);
  return target;
}

/** Only the bookkeeping table is needed by the runner; the rest of the schema is being built. */
interface SiteDatabaseSchema {
  schema_migration: { id: string; hash: string; applied_at: string };
}
