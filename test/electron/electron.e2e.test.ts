import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { ConsolePage } from '../browser/support/console-page';

// The desktop console as an admin starts it: the built shell, its preload and the site process.
// It runs wherever the Electron binary is installed; `npm run build` has built dist/ beforehand.

// Never require('electron') to find it: that downloads a missing binary mid-run.
const binary = findElectronBinary();
if (!binary) {
  console.log(
    'Skipping the Electron end-to-end spec: the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD / no network to download it), so only the Chromium specs run.',
  );
}

interface BridgeWindow {
  patchbay?: { call(method: string, input: unknown): Promise<{ ok: boolean }> };
}

describe('the Patchbay desktop console in Electron', () => {
  it.skipIf(!binary)(
    'opens the console with the preload bridge and nothing of Node in the page',
    async () => {
      const dataFolder = mkdtempSync(join(tmpdir(), 'patchbay-electron-'));
      const app = await _electron.launch({
        executablePath: binary!,
        // Chromium refuses to start as root with its OS sandbox (as on CI containers).
        args: [
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          resolve('dist/electron/main.cjs'),
        ],
        env: { ...process.env, PATCHBAY_DATA_DIR: dataFolder },
      });
      try {
        const page = await app.firstWindow();
        const ui = new ConsolePage(page);
        await ui.navigation.getByRole('tab', { name: 'Software Library' }).waitFor();

        expect(await page.evaluate('typeof window.patchbay')).toBe('object');
        expect(await page.evaluate('typeof require')).toBe('undefined');
        expect(await page.evaluate('typeof process')).toBe('undefined');
        const info = await page.evaluate(() =>
          (globalThis as BridgeWindow).patchbay?.call('site.info', {}),
        );
        expect(info?.ok).toBe(true);
      } finally {
        await app.close();
        rmSync(dataFolder, { recursive: true, force: true });
      }
    },
  );
});
