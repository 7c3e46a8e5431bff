import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '../../src/shared/contract';
import { openSite, type Site, type SiteOptions } from '../../src/main/site/site';
import { createTestDatabase, type EngineName } from './engines';

/** A real site on a real engine in a temporary folder, as `patchbay serve` would open it. */
export async function openTestSite(
  engine: EngineName,
  options: Partial<SiteOptions> = {},
): Promise<{
  site: Site;
  dispose: () => Promise<void>;
  reopen: (more?: Partial<SiteOptions>) => Promise<Site>;
}> {
  const database = await createTestDatabase(engine);
  const dataFolder = mkdtempSync(join(tmpdir(), 'patchbay-site-'));
  const open = (more: Partial<SiteOptions> = {}) =>
    openSite({
      database: database.config,
      dataFolder,
      runner: { pollMs: 50, leaseMs: 2_000, progressWriteMs: 40 },
      // Tests drive the sync schedule through check(); no timer runs in the background.
      scheduleCheckMs: 0,
      ...options,
      ...more,
    });
  const site = await open();
  const opened: Site[] = [site];
  return {
    site,
    reopen: async (more) => {
      const next = await open(more);
      opened.push(next);
      return next;
    },
    dispose: async () => {
      for (const each of opened) await each.close().catch(() => undefined);
      rmSync(dataFolder, { recursive: true, force: true });
      await database.dispose();
    },
  };
}

export async function until<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`Condition not met within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until a job has ended (succeeded, failed or cancelled) and returns it. */
export async function jobEnd(site: Site, jobId: number, timeoutMs = 20_000): Promise<Job> {
  return until(async () => {
    const job = await site.jobs.get(jobId);
    return ['succeeded', 'failed', 'cancelled'].includes(job.state) ? job : null;
  }, timeoutMs);
}
