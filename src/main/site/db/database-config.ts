import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import { SiteError } from '../../../shared/errors';

/** Where the site keeps its database: an embedded SQLite file or a shared PostgreSQL. */
export type DatabaseConfig =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; connectionString: string };

/**
 * The OS user-data folder, as Electron's `app.getPath('userData')` would give it, so the CLI,
 * `patchbay serve` and the desktop console find the same embedded site by default.
 */
export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PATCHBAY_DATA_DIR) return env.PATCHBAY_DATA_DIR;
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Patchbay');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Patchbay');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Patchbay');
  }
}

/**
 * Chooses the database: `--db` first, then PATCHBAY_DB, then `site.db` in the data folder.
 * Accepts `postgres://…`, `postgresql://…`, `sqlite:<path>` or a plain file path.
 */
export function resolveDatabaseConfig(
  dbOption: string | undefined,
  dataFolder: string,
  env: NodeJS.ProcessEnv = process.env,
): DatabaseConfig {
  const value = dbOption ?? env.PATCHBAY_DB;
  if (!value) return { kind: 'sqlite', file: join(dataFolder, 'site.db') };
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', connectionString: value };
  if (value.startsWith('sqlite:')) return { kind: 'sqlite', file: value.slice('sqlite:'.length) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new SiteError(
      'invalid-input',
      `db: "${redactConnectionString(value)}" is neither a postgres:// URL nor a SQLite file path.`,
    );
  }
  return { kind: 'sqlite', file: value };
}

/** A connection string fit for the status bar and logs: the password never leaves the site. */
export function redactConnectionString(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value.replace(/:[^:@/]*@/, ':***@');
  }
}

export function describeDatabase(config: DatabaseConfig): string {
  return config.kind === 'sqlite' ? config.file : redactConnectionString(config.connectionString);
}
