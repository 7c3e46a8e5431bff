import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/site/db/open-database';
import { openSite } from '../../src/main/site/site';
import { createTestDatabase, engines } from '../support/engines';

describe.each(engines)('Opening a database with no site on %s', (engine) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('refuses with a sentence and writes nothing when asked to, and creates the site otherwise', async () => {
    const database = await createTestDatabase(engine);
    cleanup.push(database.dispose);
    const dataFolder = join(mkdtempSync(join(tmpdir(), 'patchbay-presence-')), 'data');
    const options = {
      database: database.config,
      dataFolder,
      bundledCatalogFolder: null,
      scheduleCheckMs: 0,
    };
    await expect(openSite({ ...options, ifNoSite: 'refuse' })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/^There is no site at .+\. Check --db and --data-dir; /),
    });
    expect(existsSync(dataFolder)).toBe(false);
    if (database.config.kind === 'sqlite') expect(existsSync(database.config.file)).toBe(false);
    else {
      // Not a table was created: the schema is exactly as empty as it was.
      const raw = await openDatabase(database.config);
      const tables = await sql<{ count: number }>`
        SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public'
      `.execute(raw.db);
      await raw.close();
      expect(tables.rows[0]?.count).toBe(0);
    }

    const created = await openSite(options);
    expect(created.isNew).toBe(true);
    await created.close();
    const reopened = await openSite({ ...options, ifNoSite: 'refuse' });
    cleanup.push(() => reopened.close());
    expect(reopened.isNew).toBe(false);
    expect(reopened.local.code).toBe('PS1');
  });
});
