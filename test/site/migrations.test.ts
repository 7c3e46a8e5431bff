import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../src/main/site/db/migrate';
import { migrations } from '../../src/main/site/db/migrations';
import { openDatabase, type SiteDatabase } from '../../src/main/site/db/open-database';
import { printSchemaTypes } from '../../src/main/site/db/schema-types-source';
import { table, text } from '../../src/main/site/db/ddl';
import { createTestDatabase, engines } from '../support/engines';

describe('schema types', () => {
  it('match the migrations (run `npm run db:types` after adding one)', async () => {
    const { format } = await import('prettier');
    const committed = readFileSync('src/main/site/db/schema-types.ts', 'utf8');
    const printed = await format(printSchemaTypes(), {
      parser: 'typescript',
      ...JSON.parse(readFileSync('.prettierrc.json', 'utf8')),
    });
    expect(committed).toBe(printed);
  });
});

describe.each(engines)('migrations on %s', (engine) => {
  let site: SiteDatabase | null = null;
  let dispose: () => Promise<void> = async () => undefined;

  afterEach(async () => {
    await site?.close();
    site = null;
    await dispose();
  });

  async function fresh() {
    const created = await createTestDatabase(engine);
    dispose = created.dispose;
    site = await openDatabase(created.config);
    return { site, config: created.config };
  }

  it('creates the whole site model on an empty database, once', async () => {
    const { site } = await fresh();
    const first = await migrateDatabase(site);
    expect(first.applied).toEqual(migrations.map((m) => m.id));
    const second = await migrateDatabase(site);
    expect(second.applied).toEqual([]);
    for (const name of [
      'software_update',
      'job',
      'deployment',
      'client_update_state',
      'automatic_deployment_rule',
    ]) {
      const rows = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(name)}`.execute(
        site.db,
      );
      expect(Number(rows.rows[0]?.n)).toBe(0);
    }
  });

  it('refuses a database written by a newer Patchbay and changes nothing', async () => {
    const { site } = await fresh();
    const newer = [
      ...migrations,
      {
        id: '9999-from-the-future',
        statements: [table('future_thing', [text('id', 'PRIMARY KEY')])],
      },
    ];
    await migrateDatabase(site, newer);
    await expect(migrateDatabase(site)).rejects.toMatchObject({
      code: 'database-newer-than-app',
      message: expect.stringContaining('9999-from-the-future'),
    });
  });

  it('refuses a migration whose text changed after it ran', async () => {
    const { site } = await fresh();
    const original = [
      { id: '0001-x', statements: [table('x_thing', [text('id', 'PRIMARY KEY')])] },
    ];
    await migrateDatabase(site, original);
    const edited = [
      { id: '0001-x', statements: [table('x_thing', [text('id', 'PRIMARY KEY'), text('extra')])] },
    ];
    await expect(migrateDatabase(site, edited)).rejects.toMatchObject({
      message: expect.stringContaining('differs from the one this version ships'),
    });
  });

  it('rolls back a migration that fails half-way', async () => {
    const { site } = await fresh();
    const broken = [
      {
        id: '0001-broken',
        statements: [
          table('half_done', [text('id', 'PRIMARY KEY')]),
          () => 'CREATE TABLE half_done (id TEXT)',
        ],
      },
    ];
    await expect(migrateDatabase(site, broken)).rejects.toThrow();
    // On both engines DDL is transactional, so the first table must be gone too.
    await expect(sql`SELECT * FROM half_done`.execute(site.db)).rejects.toThrow();
  });
});

describe('SQLite backup before migrating', () => {
  it('copies an existing database aside before applying new migrations', async () => {
    const created = await createTestDatabase('sqlite');
    const site = await openDatabase(created.config);
    try {
      const first = [{ id: '0001-a', statements: [table('a_thing', [text('id', 'PRIMARY KEY')])] }];
      const report1 = await migrateDatabase(site, first);
      expect(report1.backupFile).toBeNull();
      await sql`INSERT INTO a_thing (id) VALUES ('kept')`.execute(site.db);
      const report2 = await migrateDatabase(site, [
        ...first,
        { id: '0002-b', statements: [table('b_thing', [text('id', 'PRIMARY KEY')])] },
      ]);
      expect(report2.backupFile).toMatch(/site\.db\.before-0002-b\..*\.bak$/);
      const copy = await openDatabase({ kind: 'sqlite', file: report2.backupFile! });
      const rows = await sql<{ id: string }>`SELECT id FROM a_thing`.execute(copy.db);
      expect(rows.rows).toEqual([{ id: 'kept' }]);
      await copy.close();
    } finally {
      await site.close();
      await created.dispose();
    }
  });
});
