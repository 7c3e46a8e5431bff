import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export interface RunningBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export const chromiumPath = process.env.PATCHBAY_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium with a throwaway profile, at a typical admin's screen size. */
export async function launchBrowser(
  options: {
    /** For a site on its own self-signed certificate, which no test CA store holds. */
    ignoreHttpsErrors?: boolean;
  } = {},
): Promise<RunningBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'patchbay-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    ignoreHTTPSErrors: options.ignoreHttpsErrors ?? false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
