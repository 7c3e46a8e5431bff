import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { patchbay, temporaryFolders } from '../support/cli';
import { createTestDatabase, engines } from '../support/engines';

/**
 * Issue 17 item 6: a mistyped --db must not quietly become an empty new site. Only `sync`,
 * `serve` and `db init` create one, and say so; every other verb refuses with a sentence and
 * writes nothing.
 */
describe('patchbay and a path with no site', () => {
  const folders = temporaryFolders();
  afterAll(() => folders.removeAll());

  /** Verbs that read or change a site, one of each family. */
  const readers = [
    ['updates', 'list'],
    ['group', 'list'],
    ['sup', 'show'],
    ['sync', 'status'],
    ['jobs', 'list'],
    ['package', 'list'],
    ['collection', 'new', 'Pilot'],
    ['db', 'migrate'],
    ['db', 'backup'],
  ];

  it('refuses every other verb on a --db that does not exist, writing nothing', async () => {
    const parent = folders.folder('patchbay-cli-nosite-');
    const missing = join(parent, 'mistyped', 'site.db');
    const dataDir = join(parent, 'data');
    for (const verb of readers) {
      const result = await patchbay(dataDir, ...verb, '--db', missing);
      expect(result.code, verb.join(' ')).not.toBe(0);
      expect(result.stderr, verb.join(' ')).toBe(
        `patchbay: There is no site at ${missing}. Check --db and --data-dir; only \`patchbay sync\`, \`patchbay serve\` and \`patchbay db init\` create a new site.\n`,
      );
    }
    expect(existsSync(join(parent, 'mistyped'))).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);

  it('creates a site with db init or sync and says so, once', async () => {
    const parent = folders.folder('patchbay-cli-newsite-');
    const db = join(parent, 'new', 'site.db');
    const created = await patchbay(
      join(parent, 'data'),
      'db',
      'init',
      '--db',
      db,
      '--site-code',
      'ps2',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toBe(`Created a new site PS2 at ${db}.\n`);
    const again = await patchbay(join(parent, 'data'), 'db', 'init', '--db', db);
    expect(again.stdout).toBe(`There is already a site PS2 at ${db}; nothing was changed.\n`);
    const listed = await patchbay(join(parent, 'data'), 'group', 'list', '--db', db);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain('Created a new site');

    const synced = folders.folder('patchbay-cli-syncsite-');
    const started = await patchbay(synced, 'sync', '--no-wait');
    expect(started.stdout).toBe(
      `Created a new site PS1 at ${join(synced, 'site.db')}.\nSynchronization job 1 started.\n`,
    );
  }, 60_000);

  it('names the file in the way of a --data-dir or --db, instead of ENOTDIR', async () => {
    const parent = folders.folder('patchbay-cli-notdir-');
    const file = join(parent, 'a-file');
    writeFileSync(file, 'not a folder');
    const underFile = await patchbay(join(file, 'data'), 'db', 'init');
    expect(underFile.code).not.toBe(0);
    expect(underFile.stderr).toBe(
      `patchbay: The data folder ${join(file, 'data')} cannot be made: ${file} is a file, not a folder.\n`,
    );
    const dbUnderFile = await patchbay(parent, 'sync', '--no-wait', '--db', join(file, 'site.db'));
    expect(dbUnderFile.stderr).toBe(
      `patchbay: The folder of the site database ${file} cannot be made: ${file} is a file, not a folder.\n`,
    );
    expect(underFile.stderr + dbUnderFile.stderr).not.toContain('ENOTDIR');
  }, 60_000);

  it('refuses a --db that is some other file, leaving the file as it was', async () => {
    const parent = folders.folder('patchbay-cli-notdb-');
    const notes = join(parent, 'notes.txt');
    writeFileSync(notes, 'meeting notes, not a site');
    for (const verb of [
      ['group', 'list'],
      ['sync', '--no-wait'],
    ]) {
      const result = await patchbay(join(parent, 'data'), ...verb, '--db', notes);
      expect(result.code, verb.join(' ')).not.toBe(0);
      expect(result.stderr, verb.join(' ')).toBe(
        `patchbay: The site database ${notes} is not a database: the file is there, but it is not SQLite.\n`,
      );
    }
    expect(readFileSync(notes, 'utf8')).toBe('meeting notes, not a site');
  }, 60_000);

  it.each(engines)(
    'refuses an empty %s database, and db init makes it a site',
    async (engine) => {
      const database = await createTestDatabase(engine);
      try {
        const db =
          database.config.kind === 'sqlite'
            ? database.config.file
            : database.config.connectionString;
        // An empty SQLite file, as a `touch` or a failed copy leaves.
        if (database.config.kind === 'sqlite') writeFileSync(database.config.file, '');
        const dataDir = folders.folder('patchbay-cli-empty-');
        const refused = await patchbay(dataDir, 'updates', 'list', '--db', db);
        expect(refused.code).not.toBe(0);
        expect(refused.stderr).toMatch(
          /^patchbay: There is no site at .*db init` create a new site\.\n$/,
        );
        expect((await patchbay(dataDir, 'db', 'init', '--db', db)).stdout).toMatch(
          /^Created a new site PS1 at /,
        );
        expect((await patchbay(dataDir, 'updates', 'list', '--db', db)).code).toBe(0);
      } finally {
        await database.dispose();
      }
    },
    60_000,
  );
});
