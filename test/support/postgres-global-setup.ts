import type { TestProject } from 'vitest/node';
import { startPostgresServer } from '../../bench/support/postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL of the real PostgreSQL this test run started, without a database name. */
    postgresServerUrl: string;
  }
}

/** Starts one real PostgreSQL for the whole run; every suite creates its own database in it. */
export default async function setup(project: TestProject) {
  const server = await startPostgresServer();
  project.provide('postgresServerUrl', server.url);
  return () => server.stop();
}
