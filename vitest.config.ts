import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser and Electron specs need the build; they run under vitest.browser.config.ts.
    exclude: ['test/browser/**', 'test/electron/**', 'node_modules/**', 'dist/**'],
    globalSetup: ['test/support/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Suites share one embedded PostgreSQL per file; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});
