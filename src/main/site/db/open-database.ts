import Database from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import { dirname } from 'node:path';
import pg from 'pg';
import { SiteError } from '../../../shared/errors';
import { describeDatabase, type DatabaseConfig } from './database-config';
import type { SiteSchema } from './schema-types';
import { makeSiteFolder } from '../site-folder';
import type { SqlDialect } from './sql-dialect';

/** The site database handle every repository receives. */
export interface SiteDatabase {
  readonly db: Kysely<SiteSchema>;
  /**
   * For lists and lookups the console waits on. On SQLite a second, read-only connection: WAL
   * lets it read the last committed state while a long job (a sync's database phase) holds the
   * writer, so the console keeps answering. On PostgreSQL the same pool as `db`.
   */
  readonly read: Kysely<SiteSchema>;
  readonly dialect: SqlDialect;
  readonly config: DatabaseConfig;
  /** Where the data lives, without secrets, for the status bar and logs. */
  readonly location: string;
  /** The raw better-sqlite3 handle for bulk paths that Kysely would slow down; null on PostgreSQL. */
  readonly sqlite: Database.Database | null;
  /** The pg pool for COPY-style bulk paths and advisory locks; null on SQLite. */
  readonly pool: pg.Pool | null;
  close(): Promise<void>;
}

// BIGINT (sizes in bytes) and COUNT(*) come back from pg as strings by default; every value this
// site stores fits a JavaScript number, so parse them as numbers to keep both engines identical.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export async function openDatabase(config: DatabaseConfig): Promise<SiteDatabase> {
  return config.kind === 'sqlite' ? openSqlite(config) : openPostgres(config);
}

function openSqlite(config: Extract<DatabaseConfig, { kind: 'sqlite' }>): SiteDatabase {
  if (config.file !== ':memory:')
    makeSiteFolder(dirname(config.file), 'folder of the site database');
  let sqlite: Database.Database;
  try {
    sqlite = new Database(config.file);
  } catch (error) {
    throw new SiteError(
      'unavailable',
      `The site database ${config.file} cannot be opened: ${(error as Error).message}.`,
    );
  }
  // WAL lets the console read while a job writes; the busy timeout lets a second process (the
  // CLI beside a running console) wait for the write lock instead of failing at once. The
  // timeout comes first: setting the journal mode takes a lock, and without it a CLI opening the
  // site while `patchbay serve` writes fails at once with "database is locked".
  sqlite.pragma('busy_timeout = 10000');
  try {
    sqlite.pragma('journal_mode = WAL');
  } catch (error) {
    sqlite.close();
    // A --db naming some other file (a document, a log) fails at the first read.
    if ((error as { code?: string }).code === 'SQLITE_NOTADB')
      throw new SiteError(
        'invalid-input',
        `The site database ${config.file} is not a database: the file is there, but it is not SQLite.`,
      );
    throw error;
  }
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<SiteSchema>({ dialect: new WritingSqliteDialect({ database: sqlite }) });
  const read =
    config.file === ':memory:'
      ? db
      : new Kysely<SiteSchema>({
          dialect: new SqliteDialect({
            database: async () => {
              const reader = new Database(config.file, { readonly: true, fileMustExist: true });
              reader.pragma('busy_timeout = 10000');
              return reader;
            },
          }),
        });
  return {
    db,
    read,
    dialect: 'sqlite',
    config,
    location: describeDatabase(config),
    sqlite,
    pool: null,
    close: async () => {
      if (read !== db) await read.destroy();
      await db.destroy();
    },
  };
}

/**
 * The writer's transactions begin IMMEDIATE: a deferred one that reads first and then writes
 * cannot wait for a second process's write (SQLite answers "database is locked" at once,
 * whatever the busy timeout), which is what a CLI verb beside a running `patchbay serve` met.
 */
class WritingSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new (class extends SqliteDriver {
      override async beginTransaction(connection: DatabaseConnection): Promise<void> {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      }
    })(this.settings);
  }
}

async function openPostgres(
  config: Extract<DatabaseConfig, { kind: 'postgres' }>,
): Promise<SiteDatabase> {
  const pool = new pg.Pool({ connectionString: config.connectionString, max: 10 });
  // An idle connection dropped by the server (a PostgreSQL restart, a failover) must not bring
  // the site process down; the pool opens a new one for the next query.
  pool.on('error', (error) => {
    console.error(`The PostgreSQL site database dropped an idle connection: ${error.message}`);
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new SiteError(
      'unavailable',
      `The PostgreSQL site database at ${describeDatabase(config)} cannot be reached: ${(error as Error).message}.`,
    );
  }
  const db = new Kysely<SiteSchema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    read: db,
    dialect: 'postgres',
    config,
    location: describeDatabase(config),
    sqlite: null,
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}
