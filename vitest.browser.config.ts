import { defineConfig } from 'vitest/config';

// Console tests: the built `patchbay serve` in a real Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts', 'test/electron/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
