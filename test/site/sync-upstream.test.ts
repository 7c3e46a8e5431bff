import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '../../src/main/host/server/site-server';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { catalogSnapshot, statusMessageIds, syncAndWait } from '../support/sync-helpers';
import { openTestSite } from '../support/test-site';

describe.each(engines)('a child site synchronizing from its parent on %s', (engine) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openSite() {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    cleanups.push(opened.dispose);
    return opened.site;
  }

  it('takes the whole catalog first, then only what changed at the parent', async () => {
    const parent = await openSite();
    const records = Array.from({ length: 30 }, (_, index) => makeRecord(`update-${index}`));
    await parent.supSettings.set({ syncSourceLocation: bundleOf(records) });
    await syncAndWait(parent);
    const server: SiteServer = await startSiteServer(parent, { port: 0 });
    cleanups.push(() => server.close());

    const child = await openSite();
    await child.supSettings.set({ syncSource: 'upstream-site', syncSourceLocation: server.url });
    const first = await syncAndWait(child);
    expect(first.error).toBeNull();
    expect(first.result).toMatchObject({ added: 30, catalogVersion: 1 });
    const parentTitles = await parent.database.db
      .selectFrom('software_update')
      .select('title')
      .orderBy('title')
      .execute();
    const childTitles = await child.database.db
      .selectFrom('software_update')
      .select('title')
      .orderBy('title')
      .execute();
    expect(childTitles).toEqual(parentTitles);

    // The parent revises one update and loses another; the child receives one record.
    const revised = records
      .slice(1)
      .map((record, index) =>
        index === 0 ? { ...record, revision: 201, title: 'Revised' } : record,
      );
    await parent.supSettings.set({ syncSourceLocation: bundleOf(revised) });
    await syncAndWait(parent);
    const second = await syncAndWait(child);
    expect(second.result).toMatchObject({ added: 0, changed: 1, unchanged: 0, removed: 1 });
    const log = await child.jobs.readLog(second.id, 0);
    expect(
      log.some((line) => /Successfully synced site with parent PS1, version 2/.test(line.text)),
    ).toBe(true);
    expect(
      await child.database.db.selectFrom('software_update').select('update_id').execute(),
    ).toHaveLength(29);
  });

  it('refuses a parent running a newer Patchbay, with 6703, and changes nothing', async () => {
    const child = await openSite();
    await child.supSettings.set({ syncSourceLocation: bundleOf([makeRecord('a')]) });
    await syncAndWait(child);
    const before = await catalogSnapshot(child);
    // A future Patchbay cannot exist here; this loopback server answers as one would.
    const future: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          ok: true,
          value: {
            siteCode: 'CAS',
            productVersion: '9.0.0',
            schemaVersion: '0099-future',
            catalogVersion: 5,
            records: [],
            nextAfterCiId: null,
            updateIds: [],
          },
        }),
      );
    });
    await new Promise<void>((resolve) => future.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => future.close(() => resolve())));
    const url = `http://127.0.0.1:${(future.address() as AddressInfo).port}/`;
    await child.supSettings.set({ syncSource: 'upstream-site', syncSourceLocation: url });
    const job = await syncAndWait(child);
    expect(job.state).toBe('failed');
    expect(job.error).toBe(
      `The upstream site CAS at ${url} runs a newer Patchbay (9.0.0, schema 0099-future) than this site; upgrade this site first.`,
    );
    expect((await statusMessageIds(child)).at(-1)).toBe(6703);
    expect(await catalogSnapshot(child)).toEqual(before);
  });
});
