import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../src/main/site/api/dispatch';
import type { Site } from '../../src/main/site/site';
import type { SoftwareUpdatesOverview } from '../../src/shared/contract';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { syncAndWait } from '../support/sync-helpers';
import { openTestSite } from '../support/test-site';

async function overview(site: Site): Promise<SoftwareUpdatesOverview> {
  const result = await dispatchCall(
    site.handlers,
    'softwareUpdates.overview',
    {},
    {
      user: 'CONTOSO\\admin',
      transport: 'test',
    },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value as SoftwareUpdatesOverview;
}

describe.each(engines)('The Software Updates overview on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  it('shows the last synchronization, the active alerts and the newest updates', async () => {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    dispose = opened.dispose;
    const { site } = opened;
    expect(await overview(site)).toMatchObject({
      lastSynchronization: null,
      alerts: [],
      newestUpdates: [],
      updateCount: 0,
    });

    const records = ['January', 'February', 'March'].map((name, month) =>
      makeRecord(name, { dateReleased: new Date(Date.UTC(2026, month, 10)).toISOString() }),
    );
    await site.supSettings.set({
      syncSourceLocation: bundleOf(records),
      isSyncFailureAlertEnabled: true,
    });
    expect((await syncAndWait(site)).error).toBeNull();
    const synced = await overview(site);
    expect(synced.lastSynchronization).toMatchObject({ lastStateMessageId: 6702, updatesAdded: 3 });
    expect(synced.newestUpdates.map((update) => update.title)).toEqual(
      ['March', 'February', 'January'].map(
        (name) => records.find((r) => r.title.includes(name))!.title,
      ),
    );
    expect(synced.updateCount).toBe(3);

    // A failed synchronization raises the failure alert, and the overview shows both.
    await site.supSettings.set({ syncSourceLocation: join(tmpdir(), 'patchbay-no-such-bundle') });
    await syncAndWait(site);
    const failed = await overview(site);
    expect(failed.lastSynchronization?.lastStateMessageId).toBe(6703);
    expect(failed.alerts).toEqual([
      expect.objectContaining({ type: 'Synchronization failure', severity: 'Critical' }),
    ]);
  });
});
