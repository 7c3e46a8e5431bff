import { sql } from 'kysely';
import type { z } from 'zod';
import type { DemoContentStatus } from '../../../shared/contract/deployment-packages';
import { writeCatalog } from '../catalog/catalog-writer';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import { readSetting, writeSetting } from '../sync/site-settings-store';
import { catalogVersionKey } from '../sync/sync-job';
import { demoContentHost, demoFileSizes, demoSource, demoUpdateRecords } from './demo-catalog';
import { startDemoContentServer } from './demo-content-server';

const enabledKey = 'demoContent.enabled';

/**
 * The clearly marked demo content source a fresh site offers: the real catalog's files live on
 * download.windowsupdate.com, which a machine like this one may not reach, so the demo updates
 * (vendor "Patchbay Demo") download from a loopback server this process runs. Production URLs
 * are never rewritten; only the demo host, which cannot resolve anywhere, is.
 */
export class DemoContentSource {
  private server: Promise<{ origin: string; close(): Promise<void> }> | null = null;

  constructor(
    private readonly site: SiteDatabase,
    private readonly events: SiteEvents,
    private readonly clock: Clock,
    private readonly bytesPerSecond: number,
  ) {}

  async status(): Promise<z.output<typeof DemoContentStatus>> {
    const isEnabled = await readSetting(this.site.read, enabledKey, false);
    const row = await sql<{ updates: number; files: number; bytes: number }>`
      SELECT COUNT(DISTINCT u.ci_id) AS updates, COUNT(f.id) AS files, COALESCE(SUM(f.size), 0) AS bytes
      FROM software_update u LEFT JOIN content_file f ON f.ci_id = u.ci_id
      WHERE u.source = ${demoSource}`.execute(this.site.read);
    const counts = row.rows[0]!;
    return {
      isEnabled,
      updates: Number(counts.updates),
      files: Number(counts.files),
      bytes: Number(counts.bytes),
    };
  }

  /** Writes the demo updates (leaving every other update as it is) and turns the source on. */
  async add(): Promise<z.output<typeof DemoContentStatus>> {
    const now = this.clock.now().toISOString();
    const records = demoUpdateRecords();
    await this.site.db.transaction().execute(async (trx) => {
      const keep = new Set(
        (await trx.selectFrom('software_update').select('update_id').execute()).map(
          (row) => row.update_id,
        ),
      );
      const classificationIds = new Map(
        (await trx.selectFrom('update_classification').select(['id', 'name']).execute()).map(
          (row) => [row.name, row.id],
        ),
      );
      const version = await readSetting(trx, catalogVersionKey, 0);
      await writeCatalog(
        trx,
        records,
        {
          isFull: false,
          now,
          catalogVersion: version,
          classificationIds,
          maxRuntimeFor: () => 60,
          keepUpdateIds: keep,
        },
        () => undefined,
      );
      await trx
        .updateTable('software_update')
        .set({ source: demoSource })
        .where(
          'update_id',
          'in',
          records.map((record) => record.updateId),
        )
        .execute();
      await writeSetting(trx, enabledKey, true, now);
    });
    this.events.publish({
      type: 'data.changed',
      topics: ['softwareUpdates', 'products', 'content'],
    });
    return this.status();
  }

  /** The address to fetch a catalog URL from. */
  async resolveUrl(url: string): Promise<string> {
    const parsed = new URL(url);
    if (parsed.hostname !== demoContentHost) return url;
    if (!(await readSetting(this.site.read, enabledKey, false))) return url;
    this.server ??= startDemoContentServer(demoFileSizes(), this.bytesPerSecond);
    const { origin } = await this.server;
    return `${origin}${parsed.pathname}`;
  }

  async close(): Promise<void> {
    if (this.server) await (await this.server).close();
    this.server = null;
  }
}
