import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zstdDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Site } from '../../src/main/site/site';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { catalogSnapshot, statusMessageIds, syncAndWait } from '../support/sync-helpers';
import { openTestSite } from '../support/test-site';

const msrcFolder = join(import.meta.dirname, '../fixtures/msrc');

describe.each(engines)('the MSRC security updates source on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  // The two KBs the real February 2017 document links: 4010250 supersedes 3214628.
  const flash = makeRecord('flash-feb', {
    articleId: '4010250',
    severity: '',
    restartBehavior: '',
  });
  const older = makeRecord('flash-jan', { articleId: '3214628', severity: '' });

  async function siteWithCatalog(): Promise<Site> {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    dispose = opened.dispose;
    await opened.site.supSettings.set({ syncSourceLocation: bundleOf([flash, older]) });
    await syncAndWait(opened.site);
    return opened.site;
  }

  it('merges severity, advisories, restart behaviour and supersedence from a real CVRF document', async () => {
    const site = await siteWithCatalog();
    await site.supSettings.set({ syncSource: 'msrc', syncSourceLocation: msrcFolder });
    const job = await syncAndWait(site);
    expect(job.error).toBeNull();
    expect(job.result).toMatchObject({ changed: 1 });
    const row = await site.database.db
      .selectFrom('software_update')
      .select(['ci_id', 'severity', 'restart_behavior'])
      .where('article_id', '=', '4010250')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ severity: 10, restart_behavior: 'Always requires restart' });
    const cves = await site.database.db
      .selectFrom('software_update_cve')
      .innerJoin('cve', 'cve.id', 'software_update_cve.cve_id')
      .select(['cve.id', 'cve.severity', 'cve.is_exploited', 'cve.is_publicly_disclosed'])
      .where('ci_id', '=', row.ci_id)
      .execute();
    expect(cves).toEqual([
      { id: 'ADV170002', severity: 'Critical', is_exploited: 0, is_publicly_disclosed: 0 },
    ]);
    const superseded = await site.database.db
      .selectFrom('software_update')
      .select('is_superseded')
      .where('article_id', '=', '3214628')
      .executeTakeFirstOrThrow();
    expect(superseded.is_superseded).toBe(1);
  });

  it('refuses a truncated CVRF document with 6703 naming the file, and leaves the catalog as it was', async () => {
    const site = await siteWithCatalog();
    const before = await catalogSnapshot(site);
    const folder = mkdtempSync(join(tmpdir(), 'patchbay-msrc-'));
    const xml = zstdDecompressSync(readFileSync(join(msrcFolder, '2017-Feb.xml.zst'))).toString();
    writeFileSync(join(folder, '2017-Feb.xml'), xml.slice(0, Math.floor(xml.length * 0.8)));
    await site.supSettings.set({ syncSource: 'msrc', syncSourceLocation: folder });
    const job = await syncAndWait(site);
    expect(job.state).toBe('failed');
    expect(job.error).toContain(join(folder, '2017-Feb.xml'));
    expect(job.error).toMatch(/not a valid CVRF document/);
    expect((await statusMessageIds(site)).slice(-3)).toEqual([6701, 6704, 6703]);
    expect(await catalogSnapshot(site)).toEqual(before);
  });

  it('says so when the folder holds no CVRF documents', async () => {
    const site = await siteWithCatalog();
    const folder = mkdtempSync(join(tmpdir(), 'patchbay-msrc-empty-'));
    await site.supSettings.set({ syncSource: 'msrc', syncSourceLocation: folder });
    const job = await syncAndWait(site);
    expect(job.error).toBe(
      `The MSRC folder ${folder} holds no CVRF documents (*.xml, *.xml.zst, *.xml.gz).`,
    );
  });
});
