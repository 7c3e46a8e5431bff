import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../src/main/site/api/dispatch';
import type { Site } from '../../src/main/site/site';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { engines } from '../support/engines';
import { syncAndWait } from '../support/sync-helpers';
import { openTestSite } from '../support/test-site';

const context = { user: 'CONTOSO\\admin', transport: 'test' as const };

describe.each(engines)(
  'software update Properties, View Required and saved searches on %s',
  (engine) => {
    let site: Site;
    let dispose: () => Promise<void>;
    const old = makeRecord('old', {
      dateReleased: '2023-12-12T00:00:00.000Z',
      hasLicenseTerms: true,
      licenseTerms: 'You may install this update.',
    });
    const newer = makeRecord('newer', {
      supersedes: [{ updateId: old.updateId, articleId: old.articleId, title: old.title }],
      cves: [
        {
          id: 'CVE-2024-21307',
          title: 'Remote Desktop Client RCE',
          severity: 'Important',
          impact: 'Remote Code Execution',
          cvssBase: 7.5,
          cvssVector: 'CVSS:3.1/AV:N',
          isExploited: false,
          isPubliclyDisclosed: true,
          publishedAt: null,
          revisedAt: null,
        },
      ],
    });

    beforeAll(async () => {
      const opened = await openTestSite(engine, { bundledCatalogFolder: null });
      site = opened.site;
      dispose = opened.dispose;
      await site.supSettings.set({ syncSourceLocation: bundleOf([old, newer]) });
      await syncAndWait(site);
    });
    afterAll(async () => dispose());

    const ciOf = async (updateId: string) =>
      (
        await site.database.db
          .selectFrom('software_update')
          .select('ci_id')
          .where('update_id', '=', updateId)
          .executeTakeFirstOrThrow()
      ).ci_id;

    it('shows supersedence both ways, CVEs, files and license terms', async () => {
      const details = await site.handlers['updates.get'](
        { ciId: await ciOf(newer.updateId) },
        context,
      );
      expect(details.supersedes).toEqual([
        { articleId: old.articleId, title: old.title, ciId: await ciOf(old.updateId) },
      ]);
      expect(details.cves).toEqual([
        expect.objectContaining({ id: 'CVE-2024-21307', isPubliclyDisclosed: true, cvssBase: 7.5 }),
      ]);
      expect(details.contentFiles[0]).toMatchObject({ sha256: newer.contentFiles[0]!.sha256 });
      const olderDetails = await site.handlers['updates.get'](
        { ciId: await ciOf(old.updateId) },
        context,
      );
      expect(olderDetails.supersededBy).toEqual([
        { articleId: newer.articleId, title: newer.title, ciId: await ciOf(newer.updateId) },
      ]);
      // Superseded in January 2024, so expired by the default rule (3 months): Expired wins the icon.
      expect(olderDetails).toMatchObject({
        icon: 'expired',
        isSuperseded: true,
        hasLicenseTerms: true,
        licenseTerms: 'You may install this update.',
      });
    });

    it('sets Custom Severity and Maximum Run Time on several updates, with audit rows', async () => {
      const ciIds = [await ciOf(old.updateId), await ciOf(newer.updateId)];
      expect(
        await site.handlers['updates.setProperties'](
          { ciIds, customSeverity: 'Critical', maxRunTimeMinutes: 90 },
          context,
        ),
      ).toEqual({ changed: 2 });
      const page = await site.handlers['updates.list'](
        {
          filter: { criteria: [{ property: 'customSeverity', values: ['Critical'] }] },
          page: { size: 10 },
        },
        context,
      );
      expect(page.rows.map((row) => [row.customSeverity, row.maxRunTimeMinutes])).toEqual([
        ['Critical', 90],
        ['Critical', 90],
      ]);
      const audit = await site.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('object_type', '=', 'SoftwareUpdate')
        .execute();
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({
        user_name: 'CONTOSO\\admin',
        action: 'Set software update properties',
      });
      const refused = await dispatchCall(
        site.handlers,
        'updates.setProperties',
        { ciIds, maxRunTimeMinutes: 2 },
        context,
      );
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: 'maxRunTimeMinutes: at least 5 minutes.' },
      });
    });

    it('lists no required devices before any client reports, plainly', async () => {
      expect(
        await site.handlers['updates.requiredDevices'](
          { ciId: await ciOf(newer.updateId), page: { size: 50, offset: 0 } },
          context,
        ),
      ).toEqual({ rows: [], nextCursor: null, total: 0 });
    });

    it('saves, recalls and deletes searches, with the default one already there', async () => {
      const node = 'library.softwareUpdates.all';
      const before = await site.handlers['searches.list']({ node }, context);
      expect(before.map((search) => search.name)).toEqual([
        'Critical and security updates released in the last 30 days',
      ]);
      const saved = await site.handlers['searches.save'](
        {
          node,
          name: 'Superseded with CVEs',
          filter: { text: 'KB', criteria: [{ property: 'superseded', value: true }] },
        },
        context,
      );
      const recalled = (await site.handlers['searches.list']({ node }, context)).find(
        (search) => search.id === saved.id,
      )!;
      expect(recalled.filter).toEqual({
        text: 'KB',
        criteria: [{ property: 'superseded', value: true }],
      });
      const rows = await site.handlers['updates.list'](
        { filter: recalled.filter, page: { size: 10 } },
        context,
      );
      expect(rows.rows.map((row) => row.title)).toEqual([old.title]);
      expect(await site.handlers['searches.delete']({ id: saved.id }, context)).toEqual({
        deleted: true,
      });
    });
  },
);
