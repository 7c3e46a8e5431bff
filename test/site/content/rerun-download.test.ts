import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { engines } from '../../support/engines';
import { call, folder, newPackage, openContentSite, refusalOf } from '../../support/content-site';
import { jobEnd, until } from '../../support/test-site';

/**
 * Issue 17 item 7: "Create a new deployment package" is re-runnable. A download that never
 * finished leaves the empty package it made; the same request continues that package instead
 * of being refused because its own package uses the folder.
 */
describe.each(engines)('running the same new-package download again on %s', (engine) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('continues the empty package a cancelled and a failed run left, and refuses while a job fills it', async () => {
    const { site, server, update } = await openContentSite(engine, ['Alpha'], cleanup);
    const alpha = update('Alpha');
    const source = folder();
    const request = newPackage('Patch Tuesday', source, [alpha.ciId]);

    // The first run hangs half-way; while it runs, the same request is refused with a sentence.
    server.stallAt('Alpha.cab', 10_000);
    const first = await call(site, 'content.download', request);
    await until(async () => server.requests.length > 0);
    expect(await refusalOf(site, 'content.download', request)).toBe(
      `Job ${first.jobId} is still downloading into the deployment package "Patch Tuesday"; wait for it to end or cancel it (patchbay jobs cancel ${first.jobId}), then run the download again.`,
    );
    await call(site, 'jobs.cancel', { id: first.jobId });
    expect((await jobEnd(site, first.jobId)).state).toBe('cancelled');
    expect((await call(site, 'packages.list', {})).rows).toMatchObject([
      { id: first.packageId, numberOfUpdates: 0 },
    ]);

    // Run again while the content source refuses: the same package is used, and removed again
    // because still nothing arrived.
    server.failNext('Alpha.cab', 10);
    const failing = await call(site, 'content.download', request);
    expect(failing.packageId).toBe(first.packageId);
    const failed = await jobEnd(site, failing.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/Alpha\.cab/);

    // And once more with the source answering: it succeeds, into one package.
    server.failNext('Alpha.cab', 0);
    const third = await call(site, 'content.download', request);
    const done = await jobEnd(site, third.jobId);
    expect(done.error).toBeNull();
    expect(done.result).toMatchObject({ sourceVersion: 2, filesFetched: 1 });
    expect(readFileSync(join(source, alpha.relativePath)).equals(alpha.body)).toBe(true);
    const { rows } = await call(site, 'packages.list', {});
    expect(rows).toMatchObject([{ name: 'Patch Tuesday', numberOfUpdates: 1, sourceVersion: 2 }]);

    // A package that holds files is never taken over by a "new package" request.
    expect(await refusalOf(site, 'content.download', request)).toMatch(
      /already used by the deployment package "Patch Tuesday"/,
    );
  });

  it('continues an empty package only on the same real folder and name', async () => {
    const { site, server, update } = await openContentSite(engine, ['Alpha'], cleanup);
    const alpha = update('Alpha');
    const source = folder();
    server.stallAt('Alpha.cab', 10_000);
    const first = await call(site, 'content.download', newPackage('Ring 1', source, [alpha.ciId]));
    await until(async () => server.requests.length > 0);
    await call(site, 'jobs.cancel', { id: first.jobId });
    await jobEnd(site, first.jobId);
    expect(
      await refusalOf(site, 'content.download', newPackage('Ring 2', source, [alpha.ciId])),
    ).toMatch(/already used by the deployment package "Ring 1"/);
    expect(
      await refusalOf(site, 'content.download', newPackage('Ring 1', folder(), [alpha.ciId])),
    ).toMatch(/A deployment package named "Ring 1" already exists/);
    // The same folder through `..` is the same folder.
    const again = await call(
      site,
      'content.download',
      newPackage('ring 1', `${source}/../${source.split('/').at(-1)}`, [alpha.ciId]),
    );
    expect(again.packageId).toBe(first.packageId);
    expect((await jobEnd(site, again.jobId)).error).toBeNull();
  });
});
