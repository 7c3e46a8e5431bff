import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../../src/main/site/db/database-config';

export type EngineName = 'sqlite' | 'postgres';
export const engines: EngineName[] = ['sqlite', 'postgres'];

let counter = 0;

/** A fresh, empty database on a real engine; `dispose` removes it. */
export async function createTestDatabase(
  engine: EngineName,
): Promise<{ config: DatabaseConfig; folder: string; dispose: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'patchbay-test-'));
  if (engine === 'sqlite') {
    return {
      config: { kind: 'sqlite', file: join(folder, 'site.db') },
      folder,
      dispose: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const server = inject('postgresServerUrl');
  counter += 1;
  const name = `patchbay_${process.pid}_${Date.now().toString(36)}_${counter}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    config: { kind: 'postgres', connectionString: `${server}/${name}` },
    folder,
    dispose: async () => {
      rmSync(folder, { recursive: true, force: true });
      const cleanup = new pg.Client({ connectionString: `${server}/postgres` });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
