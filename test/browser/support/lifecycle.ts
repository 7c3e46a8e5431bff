import { afterAll, beforeEach, onTestFailed } from 'vitest';
import type { RunningBrowser } from './browser';
import type { RunningSite } from './site-server';

/**
 * The hooks a console test file ends its setup with: a screenshot named after any test that
 * fails, and the browser and site closed after the last test (they may not have started).
 */
export function shootFailuresAndCloseAfterAll(
  shot: (name: string) => Promise<unknown>,
  running: () => { browser?: RunningBrowser; site?: RunningSite },
): void {
  beforeEach(({ task }) => {
    onTestFailed(async () => {
      await shot(`failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    });
  });
  afterAll(async () => {
    const { browser, site } = running();
    await browser?.close();
    await site?.stop();
  });
}
